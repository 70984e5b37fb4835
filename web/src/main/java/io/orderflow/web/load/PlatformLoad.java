package io.orderflow.web.load;

import java.time.Instant;
import java.util.List;

/**
 * The gateway's {@code GET /api/v1/platform/load}: each task queue's pollers and backlog, and the
 * orders that ended per minute. A null number is one this Temporal server does not report.
 */
public record PlatformLoad(Instant at, List<TaskQueueLoad> taskQueues, List<Completions> completions) {

    public record TaskQueueLoad(String name, Integer pollers, Long backlog) {
    }

    public record Completions(Instant from, Instant to, long completed, long failed) {
    }
}
