package io.orderflow.gateway.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * How loaded the platform is, as Temporal reports it: each task queue's pollers and backlog, and
 * how many orders ended in each recent minute. A number the Temporal server does not report is
 * {@code null}, never a guess.
 */
@Schema(description = "Task-queue pollers and backlogs, and orders ended per minute, as Temporal reports them")
public record PlatformLoad(
        @Schema(description = "When these numbers were read") Instant at,
        @Schema(description = "One entry per task queue: checkout, stock, payment, delivery") List<TaskQueueLoad> taskQueues,
        @Schema(description = "Orders ended per minute over the configured window, oldest first; null when this "
                + "Temporal server cannot count workflows (no visibility store)") List<CompletionCount> completions) {
}
