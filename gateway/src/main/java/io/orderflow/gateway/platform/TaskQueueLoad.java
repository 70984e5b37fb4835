package io.orderflow.gateway.platform;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One task queue, its workflow and activity tasks together.
 *
 * @param pollers distinct workers polling it lately; null when the server does not describe task queues
 * @param backlog tasks waiting for a worker (Temporal's approximate count); null when the server
 *     does not report task-queue statistics
 */
@Schema(description = "A task queue's pollers and backlog (workflow and activity tasks together)")
public record TaskQueueLoad(
        @Schema(description = "The task queue") String name,
        @Schema(description = "Distinct workers that polled it lately; null: not reported by this server",
                minimum = "0") Integer pollers,
        @Schema(description = "Tasks waiting for a worker (approximate); null: not reported by this server",
                minimum = "0") Long backlog) {
}
