package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.OrderflowDataConverter;
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
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every stored history against today's {@link CheckoutWorkflowImpl}. A failure here means
 * the change would throw non-determinism errors in workflows that are running in production right
 * now: guard it with {@code Workflow.getVersion} (see the module README) before it ships.
 */
class CheckoutReplayTest {

    private static final int MINIMUM_PATHS = 5;

    @TestFactory
    Stream<DynamicTest> everyRecordedPathReplaysWithoutNonDeterminism() {
        List<Path> histories = RecordedHistories.all();
        assertThat(histories)
                .as("recorded histories under src/test/resources/%s", RecordedHistories.RESOURCE_FOLDER)
                .hasSizeGreaterThanOrEqualTo(MINIMUM_PATHS);
        return histories.stream().map(file ->
                DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
    }

    private static void replay(Path file) throws Exception {
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
        // The same data converter as the workers, so payloads decode exactly as in production.
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(OrderflowDataConverter.create())
                        .build())
                .build())) {
            WorkflowReplayer.replayWorkflowExecution(history, env, CheckoutWorkflowImpl.class);
        }
    }
}
