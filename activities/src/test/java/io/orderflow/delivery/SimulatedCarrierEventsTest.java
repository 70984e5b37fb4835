package io.orderflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.persistence.InMemoryDatabase;
import io.orderflow.testing.DeliveryServiceApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulated carrier reports what happens to each parcel to the webhook, signed, by itself. */
class SimulatedCarrierEventsTest {

    private static final String SECRET = "test-carrier-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecordingWebhook webhook = new RecordingWebhook();
    private ConfigurableApplicationContext service;
    private DeliveryActivities delivery;

    @BeforeEach
    void startTheDeliveryService() {
        // As arguments: they override the test class path's application.properties (events off).
        service = new SpringApplicationBuilder(DeliveryServiceApp.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + InMemoryDatabase.url("carrier-events-" + UUID.randomUUID()),
                        "--spring.datasource.username=" + InMemoryDatabase.USERNAME,
                        "--spring.datasource.password=" + InMemoryDatabase.PASSWORD,
                        "--orderflow.delivery.carrier.events.enabled=true",
                        "--orderflow.delivery.carrier.events.delay=1s",
                        "--orderflow.delivery.carrier.events.poll-interval=50ms",
                        "--orderflow.delivery.carrier.events.webhook-url=" + webhook.url(),
                        "--orderflow.delivery.carrier.events.webhook-secret=" + SECRET);
        delivery = service.getBean(DeliveryActivities.class);
    }

    @AfterEach
    void stop() {
        service.close();
        webhook.close();
    }

    @Test
    void reportsPickedUpThenDeliveredSignedWithTheSharedSecret() throws Exception {
        ShipmentRequest request = request("12 Main St");
        Instant booked = Instant.now();
        Shipment shipment = delivery.schedule(request);

        List<RecordingWebhook.Delivery> posted = awaitPosts(2);

        assertThat(posted).extracting(post -> json(post).get("type").asString()).containsExactly("PICKED_UP", "DELIVERED");
        for (RecordingWebhook.Delivery post : posted) {
            JsonNode event = json(post);
            assertThat(event.get("reference").asString()).isEqualTo(request.orderId());
            assertThat(event.get("trackingNumber").asString()).isEqualTo(shipment.trackingNumber());
            assertThat(event.get("eventId").asString()).isNotBlank();
            assertThat(Instant.parse(event.get("at").asString())).isAfterOrEqualTo(booked.minusSeconds(1));
            assertSignedWithTheSecret(post);
        }
    }

    @Test
    void aLostParcelIsReportedLostAfterItsPickUp() {
        delivery.schedule(request("LOSE-ME 12 Main St"));

        assertThat(awaitPosts(2)).extracting(post -> json(post).get("type").asString())
                .containsExactly("PICKED_UP", "LOST");
    }

    @Test
    void aReturnedParcelIsReportedReturnedAfterItsPickUp() {
        delivery.schedule(request("12 RETURN-ME St"));

        assertThat(awaitPosts(2)).extracting(post -> json(post).get("type").asString())
                .containsExactly("PICKED_UP", "RETURNED");
    }

    @Test
    void aParcelThatNeverArrivesIsOnlyPickedUp() {
        delivery.schedule(request("NEVER-ARRIVES"));

        awaitPosts(1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> webhook.received().size() == 1);
    }

    @Test
    void aCancelledBookingReportsNothing() {
        ShipmentRequest request = request("12 Main St");
        delivery.schedule(request);
        delivery.cancel(request.orderId());

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> webhook.received().isEmpty());
    }

    @Test
    void eventsTheWebhookRefusedAreSentAgainUntilItTakesThem() {
        webhook.answer(503);
        delivery.schedule(request("12 Main St"));
        await().atMost(Duration.ofSeconds(10)).until(() -> webhook.attempts() >= 2);
        assertThat(webhook.received()).isEmpty();

        webhook.answer(202);

        assertThat(awaitPosts(2)).extracting(post -> json(post).get("type").asString())
                .containsExactly("PICKED_UP", "DELIVERED");
    }

    private List<RecordingWebhook.Delivery> awaitPosts(int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> webhook.received().size() >= count);
        return webhook.received();
    }

    private static JsonNode json(RecordingWebhook.Delivery post) {
        return JSON.readTree(post.body());
    }

    /** Checked the way a receiver would, independently of the carrier's own code. */
    private static void assertSignedWithTheSecret(RecordingWebhook.Delivery post) throws Exception {
        assertThat(post.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = post.signature().substring(2, post.signature().indexOf(','));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + post.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(post.signature()).endsWith(",v1=" + expected);
        assertThat(Long.parseLong(t)).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
    }

    private static ShipmentRequest request(String line1) {
        return new ShipmentRequest("order-" + UUID.randomUUID(),
                new ShippingAddress("Ada Lovelace", line1, "London", "N1 9GU", "GB"),
                List.of(new OrderLine("MUG-RED", 1)));
    }
}
