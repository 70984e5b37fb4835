package io.orderflow.worker.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.TaskQueues;
import io.orderflow.cart.CartInput;
import io.orderflow.cart.CartWorkflowImpl;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.CheckoutWorkflowImpl;
import io.orderflow.customer.CustomerOrdersInput;
import io.orderflow.customer.CustomerOrdersWorkflowImpl;
import io.orderflow.testing.TestEncryption;
import io.orderflow.worker.WorkerApplication;
import io.orderflow.worker.WorkerRole;
import io.orderflow.worker.WorkerRoles;
import io.temporal.common.VersioningBehavior;
import io.temporal.common.WorkerDeploymentVersion;
import io.temporal.worker.WorkerDeploymentOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The build id an operator configures is the version the checkout worker registers as. */
class WorkerVersioningTest {

    @Test
    void aConfiguredBuildIdMakesTheCheckoutWorkerThatVersionOfItsDeployment() {
        try (ConfigurableApplicationContext worker = checkoutWorker(
                "--orderflow.worker.deployment.build-id=2026.11.30-a1b2c3")) {
            WorkerDeploymentOptions deployment = checkoutWorkerOptions(worker).getDeploymentOptions();

            assertThat(deployment.isUsingVersioning()).isTrue();
            assertThat(deployment.getVersion())
                    .isEqualTo(new WorkerDeploymentVersion("orderflow-checkout", "2026.11.30-a1b2c3"));
            // No default behaviour: starting at all proves every hosted workflow type (Checkout, Cart,
            // CustomerOrders) declares its own, or the SDK would have refused to register it.
            assertThat(deployment.getDefaultVersioningBehavior()).isIn(null, VersioningBehavior.UNSPECIFIED);
        }
    }

    @Test
    void theDeploymentNameIsConfigurableToo() {
        try (ConfigurableApplicationContext worker = checkoutWorker(
                "--orderflow.worker.deployment.name=shop-checkout", "--orderflow.worker.deployment.build-id=b7")) {
            assertThat(checkoutWorkerOptions(worker).getDeploymentOptions().getVersion())
                    .isEqualTo(new WorkerDeploymentVersion("shop-checkout", "b7"));
        }
    }

    @Test
    void withoutABuildIdTheCheckoutWorkerPollsUnversionedAsTheEmbeddedPlatformDoes() {
        try (ConfigurableApplicationContext worker = checkoutWorker()) {
            WorkerDeploymentOptions deployment = checkoutWorkerOptions(worker).getDeploymentOptions();

            assertThat(deployment == null || !deployment.isUsingVersioning()).isTrue();
        }
    }

    @Test
    void aBuildIdThatIsNotAPlainTokenIsRefusedAtStartup() {
        assertThatThrownBy(() -> checkoutWorker("--orderflow.worker.deployment.build-id=build 7").close())
                .hasStackTraceContaining("orderflow.worker.deployment.build-id");
    }

    @Test
    void activityWorkersStayUnversionedEvenWhenTheImageCarriesABuildId() {
        WorkerVersioningCustomizer customizer = new WorkerVersioningCustomizer(
                new WorkerDeploymentSettings("orderflow-checkout", "b7"));

        for (String queue : List.of(TaskQueues.STOCK, TaskQueues.PAYMENT, TaskQueues.DELIVERY)) {
            assertThat(customizer.customize(WorkerOptions.newBuilder(), queue, queue).build().getDeploymentOptions())
                    .as("worker of task queue %s", queue).isNull();
        }
    }

    @Test
    void checkoutIsPinnedSoAnOrderFinishesOnTheBuildItStartedOn() throws NoSuchMethodException {
        assertThat(behaviourOf(CheckoutWorkflowImpl.class.getMethod("checkout", CheckoutRequest.class)))
                .isEqualTo(VersioningBehavior.PINNED);
    }

    @Test
    void cartsAndCustomerOrderListsFollowTheCurrentBuildSoTheyNeverHoldAnOldOneAlive() throws NoSuchMethodException {
        assertThat(behaviourOf(CartWorkflowImpl.class.getMethod("run", CartInput.class)))
                .isEqualTo(VersioningBehavior.AUTO_UPGRADE);
        assertThat(behaviourOf(CustomerOrdersWorkflowImpl.class.getMethod("run", CustomerOrdersInput.class)))
                .isEqualTo(VersioningBehavior.AUTO_UPGRADE);
    }

    private static VersioningBehavior behaviourOf(Method workflowMethod) {
        WorkflowVersioningBehavior declared = workflowMethod.getAnnotation(WorkflowVersioningBehavior.class);
        assertThat(declared).as("%s declares its versioning behaviour", workflowMethod).isNotNull();
        return declared.value();
    }

    /** Nothing listens on port 1: the worker is built but never polls, which is all these tests need. */
    private static ConfigurableApplicationContext checkoutWorker(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.temporal.connection.target=127.0.0.1:1"));
        args.addAll(List.of(settings));
        return WorkerApplication.application(WorkerRoles.of(WorkerRole.CHECKOUT))
                .run(TestEncryption.springArgs(args.toArray(String[]::new)));
    }

    private static WorkerOptions checkoutWorkerOptions(ConfigurableApplicationContext worker) {
        return worker.getBean(WorkerFactory.class).getWorker(TaskQueues.CHECKOUT).getWorkerOptions();
    }
}
