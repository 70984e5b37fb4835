package io.orderflow.worker.versioning;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which Worker Deployment version this process's workflow worker is (Temporal Worker Versioning).
 * Set {@code ORDERFLOW_WORKER_DEPLOYMENT_BUILD_ID} to the build's id (the image tag) and the
 * checkout worker registers as that version of {@code name}; without a build id it polls
 * unversioned, as the embedded platform and the tests do.
 *
 * <p>Only the worker of the {@code checkout} task queue is versioned: it runs the workflows, whose
 * code must replay. The stock, payment and delivery roles run activities only; an activity has no
 * history to replay and its contract (the activity interface and its records) must stay compatible
 * across builds anyway, so those roles roll out as ordinary Deployments and stay unversioned.
 *
 * @param name the Worker Deployment (one per workflow worker role, the same for every build)
 * @param buildId this build's id within the deployment; blank means unversioned
 */
@Validated
@ConfigurationProperties("orderflow.worker.deployment")
public record WorkerDeploymentSettings(
        @DefaultValue("orderflow-checkout") @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+") String name,
        @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9._-]*") String buildId) {

    /** True when this process registers as a version of the deployment. */
    public boolean versioned() {
        return buildId != null && !buildId.isBlank();
    }
}
