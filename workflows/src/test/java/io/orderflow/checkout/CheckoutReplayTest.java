package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.History;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every stored history against today's {@link CheckoutWorkflowImpl}. A failure here means
 * the change would throw non-determinism errors in workflows that are running in production right
 * now: guard it with {@code Workflow.getVersion} (see the module README) before it ships. The
 * histories from before payload encryption and the encrypted ones replay through the same
 * codec-enabled converter, as a worker meets both after the upgrade.
 */
class CheckoutReplayTest {

    private static final int MINIMUM_PATHS = 21;
    private static final int MINIMUM_ENCRYPTED_PATHS = 1;

    /**
     * Every path today's workflow can take, each of which must have a history recorded by today's
     * code (in {@link RecordedHistories#CURRENT_FOLDER}). A new path through the workflow belongs
     * here, and {@link CheckoutHistoryRecorderTest} records it.
     */
    static final List<String> PATHS = List.of(
            "completed", "delivered", "out-of-stock", "payment-declined", "payment-retried",
            "delivery-unserviceable", "step-timed-out",
            "cancelled", "cancelled-before-first-step", "cancelled-by-operator-via-api",
            "cancelled-by-operator-during-step", "cancelled-while-shipping", "cancelled-on-the-truck-returned",
            "delivery-lost", "delivery-returned", "delivery-overdue-resolved",
            "carrier-events-repeated", "compensation-retried-now", "started-from-a-cart", "terminated-while-shipping");

    @Test
    void everyPathOfTodaysWorkflowHasAHistoryRecordedByTodaysCode() {
        List<String> recorded = RecordedHistories.all().stream()
                .filter(RecordedHistories::isCurrent)
                .map(RecordedHistories::path)
                .toList();

        assertThat(recorded).as("histories in %s/%s", RecordedHistories.RESOURCE_FOLDER, RecordedHistories.CURRENT_FOLDER)
                .containsAll(PATHS);
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedPathReplaysWithoutNonDeterminism() {
        List<Path> histories = RecordedHistories.all();
        assertThat(histories)
                .as("recorded histories under src/test/resources/%s", RecordedHistories.RESOURCE_FOLDER)
                .hasSizeGreaterThanOrEqualTo(MINIMUM_PATHS);
        assertThat(histories)
                .as("recorded histories written with encryption")
                .filteredOn(RecordedHistories::isEncrypted)
                .hasSizeGreaterThanOrEqualTo(MINIMUM_ENCRYPTED_PATHS);
        return histories.stream().map(file ->
                DynamicTest.dynamicTest(RecordedHistories.name(file), () -> replay(file)));
    }

    /**
     * A terminated order ran no code at its end: what must replay is everything before it. The SDK's
     * replayer refuses a history that ends in a termination, so that last event is left out.
     */
    private static WorkflowExecutionHistory beforeTermination(WorkflowExecutionHistory recorded) {
        History history = recorded.getHistory();
        int last = history.getEventsCount() - 1;
        if (last < 0 || history.getEvents(last).getEventType() != EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED) {
            return recorded;
        }
        return new WorkflowExecutionHistory(history.toBuilder().removeEvents(last).build(), recorded.getWorkflowExecution().getWorkflowId());
    }

    private static void replay(Path file) throws Exception {
        WorkflowExecutionHistory history = beforeTermination(WorkflowExecutionHistory.fromJson(Files.readString(file)));
        // The same data converter as the workers, so payloads decode exactly as in production.
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(RecordedHistories.converter())
                        .build())
                .build())) {
            WorkflowReplayer.replayWorkflowExecution(history, env, CheckoutWorkflowImpl.class);
        }
    }
}
