package io.orderflow.gateway.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.EncodingKeys;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the gateway hands to Temporal, read back the way someone with access to the server but
 * without the key would: straight from the server, with nothing decoded. The payment token, the
 * address and the request fingerprint kept in the memo are ciphertext there; the gateway itself
 * still reads them.
 */
class StoredOrderEncryptionTest extends GatewayIntegrationTest {

    private static final String TOKEN = CheckoutTestWorker.HOLD;
    private static final String[] PERSONAL_DATA = {TOKEN, "Ada Lovelace", "12 Main St", "N1 9GU"};

    @Autowired
    private WorkflowClient client;

    @Test
    void anOrdersInputAndMemoReachTemporalEncrypted() {
        ApiClient.Reply reply = api().postJson("/api/v1/orders", OrderJson.valid("cust-enc", TOKEN),
                "Idempotency-Key", "enc-" + UUID.randomUUID());
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String workflowId = "order-" + reply.json().path("orderId").asText();

        String storedHistory = client.fetchHistory(workflowId).getHistory().toByteString().toStringUtf8();
        DescribeWorkflowExecutionResponse stored = describeRaw(workflowId);
        Payload memo = stored.getWorkflowExecutionInfo().getMemo().getFieldsOrThrow("requestFingerprint");
        String fingerprint = (String) client.newUntypedWorkflowStub(workflowId).describe()
                .getMemo("requestFingerprint", String.class);

        assertThat(storedHistory).doesNotContain(PERSONAL_DATA);
        assertThat(memo.getMetadataOrThrow(EncodingKeys.METADATA_ENCODING_KEY).toStringUtf8())
                .isEqualTo(AesGcmPayloadCodec.ENCODING);
        assertThat(fingerprint).as("the gateway decodes its memo").matches("[0-9a-f]{64}");
        assertThat(memo.toByteString().toStringUtf8()).doesNotContain(fingerprint);
        assertThat(storedHistory).doesNotContain(fingerprint);
    }

    private DescribeWorkflowExecutionResponse describeRaw(String workflowId) {
        return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                        .build());
    }
}
