package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.e2e.OrderflowClient;
import io.orderflow.identity.testing.DevTokens;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rotating the payload key on a running stack: every JVM that reads or writes payloads (the codec
 * server among them) is restarted with a new key added and made current. Orders written before stay
 * readable, through the API and for an operator through the codec server (the old key still
 * decrypts them); new orders are written with the new key, as Temporal's own stored history shows.
 */
class PayloadKeyRotationTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    /** Everything that reads or writes payloads, the codec server included. */
    private static final List<String> PAYLOAD_PARTS = List.of("checkout", "stock", "payment", "delivery", "gateway", "codec");
    private static final String NEXT_KEY = newKey();

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    /** Back to the stack's own key as current, keeping the new one for reading what it wrote. */
    @AfterAll
    static void restoreTheStacksCurrentKey() {
        restartAll(Map.of("ORDERFLOW_ENCRYPTION_KEYS_NEXT", NEXT_KEY));
    }

    @Test
    void ordersWrittenBeforeARotationStayReadableAndNewOrdersUseTheNewKey() {
        String sku = CLIENT.ownProduct("ROT", "Rotation mug");
        String before = CLIENT.completedOrder("cust-rotation", sku, Duration.ofSeconds(90));

        restartAll(Map.of("ORDERFLOW_ENCRYPTION_KEYS_NEXT", NEXT_KEY, "ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID", "next"));

        OrderflowClient.Response old = CLIENT.getOrder(before);
        assertThat(old.status()).as("an order written with the old key: %s", old.body()).isEqualTo(200);
        assertThat(old.text("status")).isEqualTo("COMPLETED");
        String after = CLIENT.completedOrder("cust-rotation", sku, Duration.ofSeconds(90));

        assertThat(storedHistory(before)).contains(keyIdInHistory("stack")).doesNotContain(keyIdInHistory("next"));
        assertThat(storedHistory(after)).contains(keyIdInHistory("next")).doesNotContain("tok_visa");
        assertThat(historyThroughTheCodecServer(before)).as("the old order, as an operator reads it")
                .contains("tok_visa");
        assertThat(historyThroughTheCodecServer(after)).as("the new order, as an operator reads it")
                .contains("tok_visa");
    }

    private static void restartAll(Map<String, String> environment) {
        for (String part : PAYLOAD_PARTS) {
            RealStack.stack(environment, "restart", part);
        }
    }

    /** The order's history as Temporal stores it, read without any codec. */
    private static String storedHistory(String orderId) {
        RealStack.ScriptResult shown = RealStack.command(List.of(RealStack.temporalCli().toString(), "workflow", "show",
                        "--workflow-id", "order-" + orderId, "--address", "127.0.0.1:7233", "--output", "json"),
                Map.of(), Duration.ofSeconds(60));
        assertThat(shown.exitCode()).as(shown.output()).isZero();
        return shown.output();
    }

    /** The order's history decoded by the codec server with an operator's token, as the CLI shows it. */
    private static String historyThroughTheCodecServer(String orderId) {
        RealStack.ScriptResult shown = RealStack.command(List.of(RealStack.temporalCli().toString(), "workflow", "show",
                        "--workflow-id", "order-" + orderId, "--address", RealStack.TEMPORAL_ADDRESS, "--output", "json",
                        "--codec-endpoint", RealStack.CODEC.toString(),
                        "--codec-auth", "Bearer " + RealStack.TOKENS.accessToken(DevTokens.OPERATOR)),
                Map.of("SSL_CERT_FILE", RealStack.codecCertificate().toString()), Duration.ofSeconds(60));
        assertThat(shown.exitCode()).as(shown.output()).isZero();
        return String.join("\n", CliHistory.payloadTexts(shown.output()));
    }

    /** Payload metadata values are bytes, shown Base64-encoded in the CLI's JSON. */
    private static String keyIdInHistory(String keyId) {
        return Base64.getEncoder().encodeToString(keyId.getBytes(StandardCharsets.UTF_8));
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
