package io.orderflow.gateway.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The carrier's signed webhook: who may post to it and what each answer means. */
class CarrierWebhookTest extends GatewayIntegrationTest {

    private static final String WEBHOOK = CarrierWebhookController.PATH;
    /** The secret of the test configuration (config/application.yml). */
    private static final String SECRET = "gateway-test-carrier-secret";

    @Test
    void aSignedDeliveryCompletesTheShippingOrder() {
        String orderId = placeShipping();

        ApiClient.Reply reply = post(event(orderId, "DELIVERED"), now());

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        ApiClient.Reply end = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");
        assertThat(end.json().path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void theSameEventAgainOrASecondPickUpIsAnsweredOkAndChangesNothing() {
        String orderId = placeShipping();
        await().atMost(Duration.ofSeconds(10)).until(() -> api().get("/api/v1/orders/" + orderId).json()
                .path("timeline").findValuesAsText("event").contains("PICKED_UP"));
        // The carrier's own pick-up again (same eventId), then one under a new id.
        String same = event(orderId, "PICKED_UP").replaceFirst("\"eventId\":\"[^\"]*\"",
                "\"eventId\":\"" + io.orderflow.testing.FakeDelivery.eventId(orderId,
                        io.orderflow.checkout.CarrierEventType.PICKED_UP) + "\"");

        ApiClient.Reply again = post(same, now());
        ApiClient.Reply secondPickUp = post(event(orderId, "PICKED_UP"), now());

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(secondPickUp.status()).as(secondPickUp.body()).isEqualTo(200);
        ApiClient.Reply view = api().get("/api/v1/orders/" + orderId);
        assertThat(view.json().path("status").asText()).isEqualTo("SHIPPING");
        assertThat(view.json().path("timeline").findValuesAsText("event")).containsOnlyOnce("PICKED_UP");
    }

    @Test
    void anEventForAFinishedOrderIsAnsweredOkAndChangesNothing() {
        String orderId = placeShipping();
        assertThat(post(event(orderId, "DELIVERED"), now()).status()).isEqualTo(202);
        api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");

        ApiClient.Reply late = post(event(orderId, "LOST"), now());

        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(api().get("/api/v1/orders/" + orderId).json().path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aWrongSignatureIs401AndTheOrderIsUntouched() {
        String orderId = placeShipping();
        String body = event(orderId, "DELIVERED");
        long t = now();

        ApiClient.Reply forged = anonymous().postJson(WEBHOOK, body, "Carrier-Signature", sign("not-the-secret", t, body));
        ApiClient.Reply tampered = anonymous().postJson(WEBHOOK, body.replace("DELIVERED", "LOST"),
                "Carrier-Signature", sign(SECRET, t, body));
        ApiClient.Reply unsigned = anonymous().postJson(WEBHOOK, body);

        assertProblem(forged, 401, "invalid-carrier-signature");
        assertProblem(tampered, 401, "invalid-carrier-signature");
        assertProblem(unsigned, 401, "invalid-carrier-signature");
        assertThat(api().get("/api/v1/orders/" + orderId).json().path("status").asText()).isEqualTo("SHIPPING");
    }

    @Test
    void aSignatureOlderThanFiveMinutesIs401() {
        String orderId = placeShipping();

        ApiClient.Reply stale = post(event(orderId, "DELIVERED"), now() - Duration.ofMinutes(6).toSeconds());
        ApiClient.Reply future = post(event(orderId, "DELIVERED"), now() + Duration.ofMinutes(6).toSeconds());

        assertProblem(stale, 401, "invalid-carrier-signature");
        assertProblem(future, 401, "invalid-carrier-signature");
        assertThat(api().get("/api/v1/orders/" + orderId).json().path("status").asText()).isEqualTo("SHIPPING");
    }

    @Test
    void anEventForAnUnknownOrderIs404() {
        ApiClient.Reply reply = post(event("no-such-order-" + UUID.randomUUID(), "DELIVERED"), now());

        assertProblem(reply, 404, "order-not-found");
    }

    @Test
    void anEventForAnotherTrackingNumberIs404() {
        String orderId = placeShipping();
        String body = event(orderId, "DELIVERED").replace("TRK-" + orderId, "TRK-someone-else");

        assertProblem(post(body, now()), 404, "shipment-not-found");
    }

    @Test
    void aSignedBodyThatIsNoEventIs400NamingTheFields() {
        ApiClient.Reply reply = post("{\"eventId\":\"e-1\",\"type\":\"TELEPORTED\"}", now());

        assertProblem(reply, 400, "validation");
    }

    /** Ships to an address the fake carrier never reports on: the order waits in SHIPPING. */
    private String placeShipping() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.with("cust-carrier", "tok_visa",
                order -> OrderJson.address(order).put("line1", "1 NEVER-ARRIVES Road")));
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String orderId = placed.json().path("orderId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api().get("/api/v1/orders/" + orderId).json().path("status").asText().equals("SHIPPING"));
        return orderId;
    }

    private ApiClient.Reply post(String body, long t) {
        return anonymous().postJson(WEBHOOK, body, "Carrier-Signature", sign(SECRET, t, body));
    }

    private static String event(String orderId, String type) {
        return "{\"eventId\":\"evt-" + UUID.randomUUID() + "\",\"trackingNumber\":\"TRK-" + orderId
                + "\",\"reference\":\"" + orderId + "\",\"type\":\"" + type + "\",\"at\":\"" + Instant.now() + "\"}";
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** The scheme as a carrier implements it, written here independently of the gateway's code. */
    private static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(
                    mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
