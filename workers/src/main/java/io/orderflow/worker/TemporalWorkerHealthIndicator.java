package io.orderflow.worker;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of readiness: a worker that does not poll its task queue is not ready. */
@Component("temporalWorker")
class TemporalWorkerHealthIndicator implements HealthIndicator {

    private final TemporalWorkerLifecycle lifecycle;
    private final WorkerSettings settings;

    TemporalWorkerHealthIndicator(TemporalWorkerLifecycle lifecycle, WorkerSettings settings) {
        this.lifecycle = lifecycle;
        this.settings = settings;
    }

    @Override
    public Health health() {
        Health.Builder health = lifecycle.workersStarted() ? Health.up() : Health.outOfService();
        return health.withDetail("roles", settings.roles()).build();
    }
}
