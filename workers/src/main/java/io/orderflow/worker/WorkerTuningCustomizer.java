package io.orderflow.worker;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import org.springframework.stereotype.Component;

/** Applies {@link WorkerTuning} to every Temporal worker this process creates. */
@Component
class WorkerTuningCustomizer implements WorkerOptionsCustomizer {

    private final WorkerTuning tuning;

    WorkerTuningCustomizer(WorkerTuning tuning) {
        this.tuning = tuning;
    }

    @Override
    public WorkerOptions.Builder customize(WorkerOptions.Builder options, String workerName, String taskQueue) {
        return options
                .setMaxConcurrentActivityExecutionSize(tuning.maxConcurrentActivities())
                .setMaxConcurrentWorkflowTaskExecutionSize(tuning.maxConcurrentWorkflowTasks())
                .setMaxConcurrentActivityTaskPollers(tuning.activityPollers())
                .setMaxConcurrentWorkflowTaskPollers(tuning.workflowPollers());
    }
}
