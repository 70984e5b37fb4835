package io.orderflow.worker.versioning;

import io.orderflow.TaskQueues;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerOptions;
import org.springframework.stereotype.Component;

/**
 * Makes the checkout worker a version of its Worker Deployment when a build id is configured
 * ({@link WorkerDeploymentSettings}). No default versioning behaviour is set on purpose: each
 * workflow type declares its own with {@code @WorkflowVersioningBehavior}, and the SDK refuses to
 * register one that does not, so a new workflow type cannot slip in with an unconsidered choice.
 */
@Component
class WorkerVersioningCustomizer implements WorkerOptionsCustomizer {

    private final WorkerDeploymentSettings deployment;

    WorkerVersioningCustomizer(WorkerDeploymentSettings deployment) {
        this.deployment = deployment;
    }

    @Override
    public WorkerOptions.Builder customize(WorkerOptions.Builder options, String workerName, String taskQueue) {
        if (!deployment.versioned() || !TaskQueues.CHECKOUT.equals(taskQueue)) {
            return options;
        }
        return options.setDeploymentOptions(WorkerDeploymentOptions.newBuilder()
                .setUseVersioning(true)
                .setVersion(new WorkerDeploymentVersion(deployment.name(), deployment.buildId()))
                .build());
    }
}
