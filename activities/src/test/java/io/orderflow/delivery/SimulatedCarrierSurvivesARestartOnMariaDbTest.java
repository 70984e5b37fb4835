package io.orderflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated carrier is the outside world: a restart of our worker (here a fresh Spring context
 * on the same database, as after {@code kill -9}) must not make it forget a booking, so a
 * compensation after the restart still cancels the shipment booked before it.
 */
@ExtendWith(MariaDbExtension.class)
class SimulatedCarrierSurvivesARestartOnMariaDbTest {

    @Test
    void aBookingMadeBeforeARestartIsAnsweredAndCancelledOnceAfterIt() {
        ShipmentRequest request = new ShipmentRequest("order-" + UUID.randomUUID(),
                new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", "GB"),
                List.of(new OrderLine("MUG-RED", 1)));
        String trackingNumber;
        try (ConfigurableApplicationContext before = startDeliveryService()) {
            trackingNumber = before.getBean(DeliveryActivities.class).schedule(request).trackingNumber();
        }

        try (ConfigurableApplicationContext after = startDeliveryService()) {
            CarrierBooks books = new CarrierBooks(after.getBean(JdbcTemplate.class));
            assertThat(books.liveBookings(request.orderId())).as("the booking outlived the restart").isEqualTo(1);

            // Asked directly: the activities would answer a repeat from our own row, not the carrier's.
            SimulatedCarrier carrier = after.getBean(SimulatedCarrier.class);
            String repeat = carrier.book(request.orderId(), request.address(), request.lines());
            after.getBean(DeliveryActivities.class).cancel(request.orderId());

            assertThat(repeat).isEqualTo(trackingNumber);
            assertThat(books.bookings(request.orderId())).as("booked once").isEqualTo(1);
            assertThat(books.liveBookings(request.orderId())).as("cancelled after the restart").isZero();
        }
    }

    @Test
    void trackingEventsPromisedBeforeACrashAreReportedByTheNextProcess() {
        ShipmentRequest request = new ShipmentRequest("order-" + UUID.randomUUID(),
                new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", "GB"),
                List.of(new OrderLine("MUG-RED", 1)));
        try (RecordingWebhook webhook = new RecordingWebhook()) {
            webhook.answer(503);
            try (ConfigurableApplicationContext before = startDeliveryService(reportingTo(webhook))) {
                before.getBean(DeliveryActivities.class).schedule(request);
                await().atMost(Duration.ofSeconds(10)).until(() -> webhook.attempts() >= 1);
            }
            assertThat(webhook.received()).as("nothing went out before the crash").isEmpty();
            webhook.answer(202);

            try (ConfigurableApplicationContext after = startDeliveryService(reportingTo(webhook))) {
                await().atMost(Duration.ofSeconds(10)).until(() -> webhook.received().stream()
                        .filter(post -> post.body().contains(request.orderId())).count() >= 2);
            }
            assertThat(webhook.received()).filteredOn(post -> post.body().contains(request.orderId()))
                    .extracting(RecordingWebhook.Delivery::body)
                    .satisfiesExactly(
                            pickedUp -> assertThat(pickedUp).contains("\"PICKED_UP\""),
                            delivered -> assertThat(delivered).contains("\"DELIVERED\""));
        }
    }

    /** As arguments: they override the test class path's application.properties (events off). */
    private static String[] reportingTo(RecordingWebhook webhook) {
        return new String[] {
            "--orderflow.delivery.carrier.events.enabled=true",
            "--orderflow.delivery.carrier.events.delay=0s",
            "--orderflow.delivery.carrier.events.poll-interval=50ms",
            "--orderflow.delivery.carrier.events.webhook-url=" + webhook.url(),
            "--orderflow.delivery.carrier.events.webhook-secret=restart-secret"};
    }

    /** The delivery service as a worker process runs it, on the shared test database. */
    private static ConfigurableApplicationContext startDeliveryService(String... arguments) {
        return new SpringApplicationBuilder(DeliveryServiceApp.class)
                .web(WebApplicationType.NONE)
                .properties(Databases.mariaDbProperties("delivery"))
                .run(arguments);
    }
}
