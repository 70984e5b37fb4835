package io.orderflow.worker;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much work one worker process takes on at once. The worker list itself is derived from the
 * roles, so tuning is set here rather than on the starter's list entries, which an environment
 * variable could only replace as a whole. The defaults are in {@code worker.yml}, which sizes the
 * service roles' connection pools from {@code maxConcurrentActivities}.
 *
 * @param maxConcurrentActivities activity executions in flight per worker (each holds a thread and,
 *     for the service roles, a database connection at times: keep it near the pool size)
 * @param maxConcurrentWorkflowTasks workflow tasks executing at once (checkout role)
 * @param activityPollers concurrent long polls on the activity task queue
 * @param workflowPollers concurrent long polls on the workflow task queue
 */
@Validated
@ConfigurationProperties("orderflow.worker.tuning")
public record WorkerTuning(
        @Positive int maxConcurrentActivities,
        @Positive int maxConcurrentWorkflowTasks,
        @Positive int activityPollers,
        @Positive int workflowPollers) {
}
