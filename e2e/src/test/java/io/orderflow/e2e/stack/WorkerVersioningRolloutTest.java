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
import io.orderflow.e2e.CarrierSignatures;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shipping an incompatible workflow change beside running orders, the way an operator does it on a
 * cluster: version B of the checkout worker starts next to version A while A's orders wait in
 * SHIPPING for their carrier, the Temporal CLI makes B current, new orders run on B, and A's orders
 * finish on A (they are PINNED): by the carrier's signed events, and one past its delivery deadline
 * by an operator's resolution. A is stopped only once Temporal reports it drained. B's change would
 * break A's orders, as replaying one of their histories with B's code shows.
 */
class WorkerVersioningRolloutTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPLOYMENT = "orderflow-checkout";
    private static final String VERSION_A = RealStack.checkoutBuildId();
    private static final String VERSION_B = "stack-b";
    private static final Duration ORDER_WAIT = Duration.ofSeconds(150);
    private static final int STOCKED = 10;

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

    /** The stack as it was: its own checkout worker (version A) current, no version B. */
    @AfterAll
    static void backToTheStacksOwnVersion() {
        try {
            RealStack.stack("start", "checkout");
            RealStack.stack("stop", "checkout-next");
        } finally {
            temporal.shutdownNow();
        }
    }

    @Test
    void anIncompatibleWorkflowChangeShipsBesideOrdersWaitingInShippingWhichFinishOnTheBuildTheyStartedOn()
            throws Exception {
        String sku = "ROLL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Rollout mug", 1250, "EUR", STOCKED).status()).isEqualTo(200);
        assertThat(currentVersion()).as("the stack's own checkout worker is current").isEqualTo(VERSION_A);

        // Version B polls beside A but gets nothing: new orders go to the current version only.
        copyVersionBClassesTo(versionB);
        RealStack.stack(Map.of("ORDERFLOW_STACK_LOADER_PATH", versionB.toString()), "start", "checkout-next");

        // Orders on A that wait in SHIPPING: the simulated carrier picks these parcels up and then
        // reports nothing more, as a parcel on the road for days would.
        List<String> onA = place(sku, 3, "NEVER-ARRIVES 7");
        Map<String, JsonNode> shipping = new LinkedHashMap<>();
        onA.forEach(orderId -> shipping.put(orderId, awaitView(orderId, "shipping and picked up",
                view -> view.path("status").asText().equals("SHIPPING")
                        && view.path("timeline").findValuesAsText("event").contains("PICKED_UP"))));
        onA.forEach(orderId -> assertPinnedTo(orderId, VERSION_A));

        cli("worker", "deployment", "set-current-version", "--deployment-name", DEPLOYMENT,
                "--build-id", VERSION_B, "--yes");
        assertThat(currentVersion()).isEqualTo(VERSION_B);
        assertThat(drainageStatus(VERSION_A)).as("A still has pinned orders open").isEqualTo("draining");

        // New orders run on B, from their first step to the carrier's delivery.
        List<String> onB = place(sku, 2, "12 Main St");
        onB.forEach(orderId -> assertThat(CLIENT.awaitTerminal(orderId, ORDER_WAIT).path("status").asText())
                .as(orderId).isEqualTo("COMPLETED"));

        // A's orders end on A, while B is current: two by the carrier's signed events...
        String lost = onA.get(0);
        String delivered = onA.get(1);
        String overdue = onA.get(2);
        assertThat(postCarrierEvent(delivered, shipping.get(delivered), "DELIVERED").status()).isEqualTo(202);
        assertThat(postCarrierEvent(lost, shipping.get(lost), "LOST").status()).isEqualTo(202);
        JsonNode deliveredView = CLIENT.awaitTerminal(delivered, ORDER_WAIT);
        JsonNode lostView = CLIENT.awaitTerminal(lost, ORDER_WAIT);
        assertThat(deliveredView.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(lostView.path("failure").path("code").asText()).isEqualTo("DELIVERY_LOST");

        // ... and one past its delivery deadline by an operator.
        JsonNode flagged = awaitView(overdue, "overdue",
                view -> view.path("attention").path("reason").asText().equals("DELIVERY_OVERDUE"));
        assertThat(flagged.path("status").asText()).isEqualTo("SHIPPING");
        OrderflowClient.Response resolved = CLIENT.resolve(overdue, "RETURNED", "came back to the warehouse");
        assertThat(resolved.status()).as(resolved.body().toString()).isEqualTo(202);
        JsonNode returned = CLIENT.awaitTerminal(overdue, ORDER_WAIT);
        assertThat(returned.path("status").asText()).as(returned.toString()).isEqualTo("FAILED");
        assertThat(returned.path("failure").path("code").asText()).isEqualTo("DELIVERY_RETURNED");
        assertThat(returned.path("failure").path("message").asText()).contains("came back to the warehouse");
        assertThat(returned.path("attention").isNull()).isTrue();

        List<JsonNode> views = new ArrayList<>(List.of(deliveredView, lostView, returned));
        for (String orderId : onB) {
            views.add(CLIENT.getOrder(orderId).body());
        }
        Ledgers.assertMoneyAndHoldings(views);
        // Every order took one unit; the lost parcel's unit is gone, the returned one is back.
        assertThat(CLIENT.available(sku)).isEqualTo(STOCKED - 4);

        // Each order ran on its own build from its first step to its last: every workflow task of
        // A's orders, the carrier events' and the resolution's after B became current included.
        onA.forEach(orderId -> {
            assertPinnedTo(orderId, VERSION_A);
            assertThat(workflowTasksCompletedBy(orderId)).as(orderId).containsOnly(VERSION_A);
            assertThat(firstCommand(orderId)).as(orderId).isNotEqualTo(EventType.EVENT_TYPE_TIMER_STARTED);
        });
        onB.forEach(orderId -> {
            assertPinnedTo(orderId, VERSION_B);
            assertThat(workflowTasksCompletedBy(orderId)).as(orderId).containsOnly(VERSION_B);
            assertThat(firstCommand(orderId)).as(orderId).isEqualTo(EventType.EVENT_TYPE_TIMER_STARTED);
        });
        // B's change really is incompatible: an order of A replays with A's code, not with B's.
        WorkflowExecutionHistory historyOfA = workflows.fetchHistory(CheckoutWorkflow.workflowId(overdue));
        replay(historyOfA);
        assertThatThrownBy(() -> replay(historyOfA, new TimerBeforeTheFirstStep()))
                .hasStackTraceContaining("NonDeterministicException")
                .hasStackTraceContaining("COMMAND_TYPE_START_TIMER");

        // A is stopped only once Temporal says no pinned order needs it any more.
        await("version A drained").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> drainageStatus(VERSION_A), "drained"::equals);
        RealStack.stack("stop", "checkout");

        String afterA = place(sku, 1, "12 Main St").get(0);
        assertThat(CLIENT.awaitTerminal(afterA, ORDER_WAIT).path("status").asText()).isEqualTo("COMPLETED");
        assertPinnedTo(afterA, VERSION_B);
        // Orders that finished on A stay readable after A is gone.
        for (String orderId : onA) {
            OrderflowClient.Response finishedOnA = CLIENT.getOrder(orderId);
            assertThat(finishedOnA.status()).as(finishedOnA.body().toString()).isEqualTo(200);
            assertThat(finishedOnA.text("status")).isIn("COMPLETED", "FAILED");
        }
    }

    private static List<String> place(String sku, int orders, String line1) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            OrderflowClient.Response placed = CLIENT.placeOrder(OrderflowClient.shippedTo(
                    OrderflowClient.order("cust-rollout", sku, 1, "tok_visa", "GB"), line1), null);
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
            ids.add(placed.text("orderId"));
        }
        return ids;
    }

    /** What the carrier says about the parcel, signed with the stack's webhook secret. */
    private static OrderflowClient.Response postCarrierEvent(String orderId, JsonNode view, String type) {
        String event = "{\"eventId\":\"rollout-" + UUID.randomUUID() + "\",\"trackingNumber\":\""
                + view.path("trackingNumber").asText() + "\",\"reference\":\"" + orderId + "\",\"type\":\""
                + type + "\",\"at\":\"" + Instant.now() + "\"}";
        return CLIENT.postCarrierEvent(event, CarrierSignatures.sign(RealStack.carrierWebhookSecret(), event));
    }

    private static JsonNode awaitView(String orderId, String description, Predicate<JsonNode> condition) {
        return await(orderId + " " + description).atMost(ORDER_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> CLIENT.getOrder(orderId).body(), condition);
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

    /** The build id of the worker that completed each of the order's workflow tasks. */
    private static List<String> workflowTasksCompletedBy(String orderId) {
        return workflows.fetchHistory(CheckoutWorkflow.workflowId(orderId)).getEvents().stream()
                .filter(HistoryEvent::hasWorkflowTaskCompletedEventAttributes)
                .map(HistoryEvent::getWorkflowTaskCompletedEventAttributes)
                .map(completed -> completed.hasDeploymentVersion()
                        ? completed.getDeploymentVersion().getBuildId()
                        : completed.getWorkerDeploymentVersion().replaceFirst("^" + DEPLOYMENT + "\\.", ""))
                .toList();
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
