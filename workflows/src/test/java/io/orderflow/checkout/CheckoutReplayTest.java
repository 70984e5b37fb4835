package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;

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
 * now: guard it with {@code Workflow.getVersion} (see the module README) before it ships. The
 * histories from before payload encryption and the encrypted ones replay through the same
 * codec-enabled converter, as a worker meets both after the upgrade.
 */
class CheckoutReplayTest {

    private static final int MINIMUM_PATHS = 21;
    private static final int MINIMUM_ENCRYPTED_PATHS = 1;

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

    private static void replay(Path file) throws Exception {
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
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
