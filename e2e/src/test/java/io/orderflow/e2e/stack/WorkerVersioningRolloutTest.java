package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.OrderflowDataConverter;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.CheckoutWorkflowImpl;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.codec.EncryptionKeys;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.e2e.stack.versionb.TimerBeforeTheFirstStep;
import io.orderflow.e2e.stack.versionb.VersionBChange;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.VersioningBehavior;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.WorkflowExecutionVersioningInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shipping an incompatible workflow change beside running orders, the way an operator does it on a
 * cluster: version B of the checkout worker starts next to version A, the Temporal CLI makes B
 * current, new orders run on B while the orders begun on A finish on A (they are PINNED), and A is
 * stopped only once Temporal reports it drained. B's change would break A's orders, as replaying
 * one of their histories with B's code shows.
 */
class WorkerVersioningRolloutTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPLOYMENT = "orderflow-checkout";
    private static final String VERSION_A = "stack-a";
    private static final String VERSION_B = "stack-b";
    private static final Duration ORDER_WAIT = Duration.ofSeconds(150);

    /** Version B's classes, for the second checkout worker's class path; removed after the test. */
    @TempDir
    static Path versionB;
    private static WorkflowServiceStubs temporal;
    private static WorkflowClient workflows;

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
        temporal = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(RealStack.TEMPORAL_ADDRESS).build());
        EncryptionKeys keys = EncryptionKeys.of("stack", Map.of("stack", RealStack.payloadKey()));
        workflows = WorkflowClient.newInstance(temporal, WorkflowClientOptions.newBuilder()
                .setDataConverter(OrderflowDataConverter.create(new AesGcmPayloadCodec(keys))).build());
    }

    /** The stack as it was: its own checkout worker (version A) current, no version B, delivery up. */
    @AfterAll
    static void backToTheStacksOwnVersion() {
        try {
            RealStack.stack("start", "delivery");
            RealStack.stack("start", "checkout");
            RealStack.stack("stop", "checkout2");
        } finally {
            temporal.shutdownNow();
        }
    }

    @Test
    void anIncompatibleWorkflowChangeShipsBesideRunningOrdersWhichFinishOnTheBuildTheyStartedOn() throws Exception {
        String sku = "ROLL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Rollout mug", 1250, "EUR", 10).status()).isEqualTo(200);
        assertThat(currentVersion()).as("the stack's own checkout worker is current").isEqualTo(VERSION_A);

        // Version B polls beside A but gets nothing: new orders go to the current version only.
        copyVersionBClassesTo(versionB);
        RealStack.stack(Map.of("ORDERFLOW_STACK_LOADER_PATH", versionB.toString()), "start", "checkout2");

        // Orders that are still running on A: with the delivery worker down they wait at their last step.
        RealStack.stack("stop", "delivery");
        List<String> onA = place(sku, 3);
        onA.forEach(orderId -> awaitStatus(orderId, "SCHEDULING_DELIVERY"));
        onA.forEach(orderId -> assertPinnedTo(orderId, VERSION_A));

        cli("worker", "deployment", "set-current-version", "--deployment-name", DEPLOYMENT,
                "--build-id", VERSION_B, "--yes");
        assertThat(currentVersion()).isEqualTo(VERSION_B);
        assertThat(drainageStatus(VERSION_A)).as("A still has pinned orders open").isEqualTo("draining");

        List<String> onB = place(sku, 2);
        onB.forEach(orderId -> awaitStatus(orderId, "SCHEDULING_DELIVERY"));
        onB.forEach(orderId -> assertPinnedTo(orderId, VERSION_B));

        RealStack.stack("start", "delivery");
        Stream.concat(onA.stream(), onB.stream()).forEach(orderId -> assertThat(
                CLIENT.awaitTerminal(orderId, ORDER_WAIT).path("status").asText()).as(orderId).isEqualTo("COMPLETED"));

        // Each order ran on its own build from its first step to its last.
        onA.forEach(orderId -> {
            assertPinnedTo(orderId, VERSION_A);
            assertThat(firstCommand(orderId)).as(orderId).isNotEqualTo(EventType.EVENT_TYPE_TIMER_STARTED);
        });
        onB.forEach(orderId -> {
            assertPinnedTo(orderId, VERSION_B);
            assertThat(firstCommand(orderId)).as(orderId).isEqualTo(EventType.EVENT_TYPE_TIMER_STARTED);
        });
        // B's change really is incompatible: an order of A replays with A's code, not with B's.
        WorkflowExecutionHistory historyOfA = workflows.fetchHistory(CheckoutWorkflow.workflowId(onA.get(0)));
        replay(historyOfA);
        assertThatThrownBy(() -> replay(historyOfA, new TimerBeforeTheFirstStep()))
                .hasStackTraceContaining("NonDeterministicException")
                .hasStackTraceContaining("COMMAND_TYPE_START_TIMER");

        // A is stopped only once Temporal says no pinned order needs it any more.
        await("version A drained").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> drainageStatus(VERSION_A), "drained"::equals);
        RealStack.stack("stop", "checkout");

        String afterA = place(sku, 1).get(0);
        assertThat(CLIENT.awaitTerminal(afterA, ORDER_WAIT).path("status").asText()).isEqualTo("COMPLETED");
        assertPinnedTo(afterA, VERSION_B);
        // Orders that finished on A stay readable after A is gone.
        OrderflowClient.Response finishedOnA = CLIENT.getOrder(onA.get(0));
        assertThat(finishedOnA.status()).as(finishedOnA.body().toString()).isEqualTo(200);
        assertThat(finishedOnA.text("status")).isEqualTo("COMPLETED");
    }

    private static List<String> place(String sku, int orders) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            OrderflowClient.Response placed = CLIENT.placeOrder(
                    OrderflowClient.order("cust-rollout", sku, 1, "tok_visa", "GB"), null);
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
            ids.add(placed.text("orderId"));
        }
        return ids;
    }

    private static void awaitStatus(String orderId, String status) {
        await(orderId + " " + status).atMost(ORDER_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> CLIENT.getOrder(orderId).text("status"), status::equals);
    }

    private static void assertPinnedTo(String orderId, String buildId) {
        WorkflowExecutionVersioningInfo versioning = temporal.blockingStub().describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder().setNamespace("default")
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(CheckoutWorkflow.workflowId(orderId)))
                        .build())
                .getWorkflowExecutionInfo().getVersioningInfo();
        assertThat(versioning.getBehavior()).as(orderId).isEqualTo(VersioningBehavior.VERSIONING_BEHAVIOR_PINNED);
        assertThat(versioning.getDeploymentVersion().getDeploymentName()).as(orderId).isEqualTo(DEPLOYMENT);
        assertThat(versioning.getDeploymentVersion().getBuildId()).as(orderId).isEqualTo(buildId);
    }

    /** The first thing the workflow did after its first workflow task. */
    private static EventType firstCommand(String orderId) {
        List<HistoryEvent> events = workflows.fetchHistory(CheckoutWorkflow.workflowId(orderId)).getEvents();
        return events.stream()
                .dropWhile(event -> event.getEventType() != EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
                .skip(1).findFirst().orElseThrow().getEventType();
    }

    /** Replays a history with the Checkout code of this build, changed by the given interceptors. */
    private static void replay(WorkflowExecutionHistory history, WorkerInterceptor... change) throws Exception {
        WorkerFactory factory = WorkerFactory.newInstance(workflows,
                WorkerFactoryOptions.newBuilder().setWorkerInterceptors(change).build());
        try {
            Worker replayer = factory.newWorker("replay-" + UUID.randomUUID());
            replayer.registerWorkflowImplementationTypes(CheckoutWorkflowImpl.class);
            replayer.replayWorkflowExecution(history);
        } finally {
            factory.shutdownNow();
        }
    }

    private static String currentVersion() {
        return cli("worker", "deployment", "describe", "--name", DEPLOYMENT)
                .path("routingConfig").path("currentVersionBuildID").asText();
    }

    private static String drainageStatus(String buildId) {
        return cli("worker", "deployment", "describe-version", "--deployment-name", DEPLOYMENT, "--build-id", buildId)
                .path("drainageInfo").path("drainageStatus").asText();
    }

    /** The Temporal CLI, as an operator runs it; JSON output. */
    private static JsonNode cli(String... args) {
        List<String> command = new ArrayList<>(List.of(RealStack.temporalCli().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--address", RealStack.TEMPORAL_ADDRESS, "--output", "json"));
        RealStack.ScriptResult result = RealStack.command(command, Map.of(), Duration.ofSeconds(60));
        assertThat(result.exitCode()).as("temporal %s:%n%s", String.join(" ", args), result.output()).isZero();
        String output = result.output().strip();
        try {
            return output.startsWith("{") ? JSON.readTree(output) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(output, e);
        }
    }

    /**
     * Version B's classes for the second checkout worker's {@code loader.path}: this test's
     * {@code versionb} package, copied from the test class path, and the auto-configuration imports
     * file that makes Spring Boot load {@link VersionBChange}.
     */
    private static void copyVersionBClassesTo(Path dir) {
        try {
            String packagePath = VersionBChange.class.getPackageName().replace('.', '/');
            Path compiled = Path.of(VersionBChange.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(packagePath);
            Path target = Files.createDirectories(dir.resolve(packagePath));
            try (Stream<Path> classes = Files.list(compiled)) {
                for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Files.copy(file, target.resolve(file.getFileName().toString()));
                }
            }
            Path imports = Files.createDirectories(dir.resolve("META-INF/spring"))
                    .resolve("org.springframework.boot.autoconfigure.AutoConfiguration.imports");
            Files.writeString(imports, VersionBChange.class.getName() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
