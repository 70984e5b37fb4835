package io.orderflow.delivery;

import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * Lists the parked carrier events on the delivery worker's {@code /actuator/info} (management port
 * only), so a person sees which orders' tracking events are stuck and why.
 */
@Component
class ParkedCarrierEventsInfo implements InfoContributor {

    /** Enough to act on; the gauge has the full count. */
    static final int LISTED = 100;

    private final CarrierEventOutbox outbox;

    ParkedCarrierEventsInfo(CarrierEventOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("carrierEvents", Map.of(
                "parkedCount", outbox.parkedCount(),
                "parked", outbox.parked(LISTED)));
    }
}
