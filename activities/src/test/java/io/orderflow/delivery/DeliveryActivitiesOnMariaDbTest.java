package io.orderflow.delivery;

import static io.orderflow.testing.Concurrently.runTogether;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.Databases;
import io.orderflow.testing.DeliveryServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The delivery activities on a real MariaDB server. */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = DeliveryServiceApp.class, properties = DeliveryActivitiesSpec.SERVICEABLE)
class DeliveryActivitiesOnMariaDbTest extends DeliveryActivitiesSpec {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.mariaDb(registry, "delivery");
    }

    @Test
    void theSameOrderScheduledConcurrentlyGetsOneShipment() throws Exception {
        ShipmentRequest request = request("GB");

        List<Callable<Shipment>> duplicates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            duplicates.add(() -> delivery.schedule(request));
        }
        List<Shipment> shipments = runTogether(duplicates);

        assertThat(shipments).allSatisfy(shipment -> assertThat(shipment).isEqualTo(shipments.get(0)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE order_id = ?", Integer.class,
                request.orderId())).isEqualTo(1);
        assertThat(books.bookings(request.orderId())).isEqualTo(1);
    }

    @Test
    void concurrentCancelsOfOneOrderLeaveItCancelledAtTheCarrierAndInOurBooks() throws Exception {
        ShipmentRequest request = request("GB");
        delivery.schedule(request);

        List<Callable<String>> cancels = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            cancels.add(() -> {
                delivery.cancel(request.orderId());
                return "cancelled";
            });
        }
        runTogether(cancels);

        assertThat(books.liveBookings(request.orderId())).isZero();
        assertThat(state(request.orderId())).isEqualTo("CANCELLED");
    }

    @Test
    void aCancelRacingItsScheduleLeavesNoLiveBooking() throws Exception {
        List<ShipmentRequest> requests = new ArrayList<>();
        List<Callable<String>> racing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ShipmentRequest request = request("DE");
            requests.add(request);
            racing.add(() -> scheduleOrRefused(request));
            racing.add(() -> {
                delivery.cancel(request.orderId());
                return "cancelled";
            });
        }
        runTogether(racing);
        // The workflow always ends with the compensation: once it has run, whatever the race.
        requests.forEach(request -> delivery.cancel(request.orderId()));

        for (ShipmentRequest request : requests) {
            assertThat(books.liveBookings(request.orderId())).as("live bookings of %s", request.orderId()).isZero();
            assertThat(state(request.orderId())).as("our shipment of %s", request.orderId())
                    .isIn("CANCELLED", "TOMBSTONE");
        }
    }

    private String scheduleOrRefused(ShipmentRequest request) {
        try {
            return delivery.schedule(request).trackingNumber();
        } catch (ApplicationFailure refused) {
            assertThat(refused.isNonRetryable()).isTrue();
            return refused.getType();
        }
    }
}
