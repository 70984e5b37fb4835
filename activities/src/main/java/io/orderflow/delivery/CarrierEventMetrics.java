package io.orderflow.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The gauge of parked carrier events, bound by the process's actuator to its registry (Prometheus:
 * {@code orderflow_carrier_events_parked}). Read from the outbox at each scrape, so an event a
 * person releases or that a cancel withdrew stops counting without a restart.
 */
@Component
class CarrierEventMetrics implements MeterBinder {

    static final String PARKED = "orderflow.carrier.events.parked";

    private final CarrierEventOutbox outbox;

    CarrierEventMetrics(CarrierEventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(PARKED, outbox, CarrierEventOutbox::parkedCount)
                .description("Tracking events the simulated carrier gave up posting to the webhook; "
                        + "they wait for a person (docs/observability.md)")
                .register(registry);
    }
}
