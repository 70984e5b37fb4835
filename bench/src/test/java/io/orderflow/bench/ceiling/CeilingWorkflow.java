package io.orderflow.bench.ceiling;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The least a three-step saga can cost Temporal: three no-op activities on three task queues. */
@WorkflowInterface
public interface CeilingWorkflow {

    String TASK_QUEUE = "ceiling";

    @WorkflowMethod(name = "Ceiling")
    void run();
}
