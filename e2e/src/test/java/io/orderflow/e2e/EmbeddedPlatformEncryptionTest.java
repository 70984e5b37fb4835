package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Header;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.SearchAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The embedded platform encrypts like a deployment: each of its parts (gateway and the four worker
 * roles) gets the key generated for the run, so its in-process Temporal server stores an order as
 * ciphertext. Read here straight from that server, as any client without the key would.
 */
class EmbeddedPlatformEncryptionTest {

    private static final OrderflowClient CLIENT = SharedEmbeddedPlatform.operatorClient();
    private static final ByteString ENCRYPTED = ByteString.copyFromUtf8("binary/encrypted");
    private static final List<String> PERSONAL_DATA = List.of("tok_visa", "Ada Lovelace", "12 Main St", "N1 9GU");
    /**
     * Marker details the SDK writes with its own standard converter, whatever converter a worker
     * has: a version marker's change id and version, a local activity's id, type, time and retry
     * bookkeeping. Only the local activity's result is ours, and it is encrypted.
     */
    private static final Set<String> SDK_MARKER_BOOKKEEPING = Set.of("changeId", "version",
            "versionSearchAttributeUpdated", "activityId", "type", "time", "meta");

    @Test
    void everyPayloadOfACompletedOrdersStoredHistoryIsEncryptedAndHoldsNoTokenOrAddress() {
        String orderId = CLIENT.completedOrder("cust-enc", CLIENT.ownProduct("ENC", "Cipher mug"), Duration.ofSeconds(60));

        List<HistoryEvent> history = storedHistory("order-" + orderId);
        List<Payload> payloads = new ArrayList<>();
        history.forEach(event -> collectPayloads(event, payloads));

        // Inputs, results and memo of the gateway, the checkout worker and each activity worker.
        assertThat(payloads).hasSizeGreaterThan(10)
                .allSatisfy(payload -> assertThat(payload.getMetadataOrDefault("encoding", ByteString.EMPTY))
                        .as("encoding of %s", payload).isEqualTo(ENCRYPTED));
        String stored = history.stream().map(event -> event.toByteString().toString(StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(stored).doesNotContain(PERSONAL_DATA);
    }

    private static List<HistoryEvent> storedHistory(String workflowId) {
        WorkflowServiceStubs server = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(SharedEmbeddedPlatform.settings().temporalTarget()).build());
        try {
            List<HistoryEvent> events = new ArrayList<>();
            ByteString page = ByteString.EMPTY;
            do {
                GetWorkflowExecutionHistoryResponse response = server.blockingStub().getWorkflowExecutionHistory(
                        GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace("default")
                                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                                .setNextPageToken(page).build());
                events.addAll(response.getHistory().getEventsList());
                page = response.getNextPageToken();
            } while (!page.isEmpty());
            return events;
        } finally {
            server.shutdownNow();
        }
    }

    /**
     * Every payload in the message that orderflow's converter writes: not search attributes
     * (plaintext by design: the server indexes them, and they hold no personal data), not headers
     * (trace context only), not the SDK's own marker bookkeeping.
     */
    private static void collectPayloads(Message message, List<Payload> payloads) {
        if (message instanceof Payload payload) {
            payloads.add(payload);
        } else if (message instanceof MarkerRecordedEventAttributes marker) {
            marker.getDetailsMap().forEach((key, details) -> {
                if (!SDK_MARKER_BOOKKEEPING.contains(key)) {
                    collectPayloads(details, payloads);
                }
            });
            collectPayloads(marker.getFailure(), payloads);
        } else if (!(message instanceof SearchAttributes) && !(message instanceof Header)) {
            message.getAllFields().values().forEach(value -> collectValue(value, payloads));
        }
    }

    private static void collectValue(Object value, List<Payload> payloads) {
        if (value instanceof Message message) {
            collectPayloads(message, payloads);
        } else if (value instanceof Collection<?> values) {
            values.forEach(item -> collectValue(item, payloads));
        }
    }
}
