package io.orderflow.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the worker process.
 *
 * @param roles the roles this process runs (set from {@code ORDERFLOW_WORKER_ROLES})
 * @param shutdownGrace how long in-flight tasks may run after SIGTERM; longer than the longest
 *     activity start-to-close timeout (15 s), shorter than the pod's termination grace period
 * @param connectBackoffInitial first wait before retrying to reach Temporal at start-up
 * @param connectBackoffMax longest wait between those retries
 */
@ConfigurationProperties("orderflow.worker")
public record WorkerSettings(
        String roles,
        @DefaultValue("30s") Duration shutdownGrace,
        @DefaultValue("500ms") Duration connectBackoffInitial,
        @DefaultValue("15s") Duration connectBackoffMax) {
}
