package io.orderflow.bench.ceiling;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class CeilingWorkflowImpl implements CeilingWorkflow {

    @Override
    public void run() {
        for (String taskQueue : NoOpActivity.TASK_QUEUES) {
            Workflow.newActivityStub(NoOpActivity.class, ActivityOptions.newBuilder()
                    .setTaskQueue(taskQueue)
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .build()).step();
        }
    }
}
