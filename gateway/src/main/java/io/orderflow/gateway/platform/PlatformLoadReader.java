package io.orderflow.gateway.platform;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.orderflow.TaskQueues;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderSearchAttributes;
import io.temporal.api.enums.v1.TaskQueueKind;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.PollerInfo;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/**
 * Reads the platform's load from Temporal: {@code DescribeTaskQueue} (with statistics) for each
 * task queue's pollers and backlog, and visibility counts of checkouts closed per minute. A server
 * that cannot answer one of these (the in-process test server has no visibility and no task-queue
 * statistics) leaves those numbers null; any other failure propagates (503 when Temporal is down).
 */
@Service
class PlatformLoadReader {

    static final List<String> QUEUES = List.of(TaskQueues.CHECKOUT, TaskQueues.STOCK, TaskQueues.PAYMENT,
            TaskQueues.DELIVERY);
    private static final List<TaskQueueType> TYPES =
            List.of(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY);

    private final WorkflowClient client;
    private final PlatformProperties settings;
    private final Clock clock = Clock.systemUTC();

    PlatformLoadReader(WorkflowClient client, PlatformProperties settings) {
        this.client = client;
        this.settings = settings;
    }

    PlatformLoad read() {
        Instant now = clock.instant();
        List<TaskQueueLoad> queues = QUEUES.stream().map(this::describe).toList();
        return new PlatformLoad(now, queues, completions(now));
    }

    private TaskQueueLoad describe(String queue) {
        Set<String> pollers = new HashSet<>();
        long backlog = 0;
        boolean backlogReported = true;
        for (TaskQueueType type : TYPES) {
            DescribeTaskQueueResponse description;
            try {
                description = stub().describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setTaskQueue(TaskQueue.newBuilder().setName(queue).setKind(TaskQueueKind.TASK_QUEUE_KIND_NORMAL))
                        .setTaskQueueType(type)
                        .setReportStats(true)
                        .build());
            } catch (StatusRuntimeException failure) {
                if (notSupported(failure)) {
                    return new TaskQueueLoad(queue, null, null);
                }
                throw failure;
            }
            description.getPollersList().stream().map(PollerInfo::getIdentity).forEach(pollers::add);
            if (description.hasStats()) {
                backlog = Math.addExact(backlog, description.getStats().getApproximateBacklogCount());
            } else {
                backlogReported = false;
            }
        }
        return new TaskQueueLoad(queue, pollers.size(), backlogReported ? backlog : null);
    }

    /** Checkouts closed per bucket, oldest first; the last bucket is the one still filling. */
    private List<CompletionCount> completions(Instant now) {
        Duration bucket = settings.completionBucket();
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(bucket);
        List<CompletionCount> counts = new ArrayList<>();
        for (int i = settings.buckets(); i > 0; i--) {
            Instant from = end.minus(bucket.multipliedBy(i));
            Instant to = from.plus(bucket);
            try {
                counts.add(new CompletionCount(from, to, count(from, to, "'COMPLETED'"),
                        count(from, to, "'FAILED', 'CANCELLED'")));
            } catch (StatusRuntimeException failure) {
                if (notSupported(failure)) {
                    return null;
                }
                throw failure;
            }
        }
        return counts;
    }

    private long count(Instant from, Instant to, String statuses) {
        String query = "WorkflowType = '" + CheckoutWorkflow.TYPE + "' AND ExecutionStatus = 'Completed'"
                + " AND " + OrderSearchAttributes.ORDER_STATUS.getName() + " IN (" + statuses + ")"
                + " AND CloseTime >= '" + from + "' AND CloseTime < '" + to + "'";
        return stub().countWorkflowExecutions(CountWorkflowExecutionsRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setQuery(query)
                .build()).getCount();
    }

    private WorkflowServiceGrpc.WorkflowServiceBlockingStub stub() {
        return client.getWorkflowServiceStubs().blockingStub()
                .withDeadlineAfter(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server has no such call, or no store to answer it from: not a failure, a missing number. */
    private static boolean notSupported(StatusRuntimeException failure) {
        Status.Code code = failure.getStatus().getCode();
        return code == Status.Code.UNIMPLEMENTED
                || (code == Status.Code.INVALID_ARGUMENT && failure.getStatus().getDescription() != null
                        && failure.getStatus().getDescription().toLowerCase().contains("not support"));
    }
}
