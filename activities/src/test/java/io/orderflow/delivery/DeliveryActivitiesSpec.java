package io.orderflow.delivery;

import static io.orderflow.testing.BusinessFailures.assertRefusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the delivery activities promise, run against each database the services use. */
abstract class DeliveryActivitiesSpec {

    @Autowired
    @Qualifier("deliveryActivities")
    DeliveryActivities delivery;

    @Autowired
    SimulatedCarrier carrier;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void schedulesAShipmentWithATrackingNumberDerivedFromTheOrder() {
        ShipmentRequest request = request("GB");

        Shipment shipment = delivery.schedule(request);

        assertThat(shipment.orderId()).isEqualTo(request.orderId());
        assertThat(shipment.trackingNumber()).isEqualTo(SimulatedCarrier.trackingNumberFor(request.orderId()))
                .matches("OF[0-9A-F]{12}");
        assertThat(carrier.liveShipments()).contains(request.orderId());
        assertThat(state(request.orderId())).isEqualTo("SCHEDULED");
    }

    @Test
    void aRepeatedScheduleReturnsTheSameShipment() {
        ShipmentRequest request = request("DE");

        Shipment first = delivery.schedule(request);
        Shipment repeat = delivery.schedule(request);

        assertThat(repeat).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE order_id = ?", Integer.class,
                request.orderId())).isEqualTo(1);
    }

    @Test
    void cancelCancelsTheShipmentWithTheCarrier() {
        ShipmentRequest request = request("FR");
        delivery.schedule(request);

        delivery.cancel(request.orderId());

        assertThat(carrier.liveShipments()).doesNotContain(request.orderId());
        assertThat(state(request.orderId())).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingTwiceIsHarmless() {
        ShipmentRequest request = request("NL");
        delivery.schedule(request);

        delivery.cancel(request.orderId());
        delivery.cancel(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("CANCELLED");
        assertThat(carrier.liveShipments()).doesNotContain(request.orderId());
    }

    @Test
    void cancelBeforeScheduleLeavesATombstoneThatRefusesTheLateSchedule() {
        ShipmentRequest request = request("US");

        delivery.cancel(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("TOMBSTONE");
        assertRefusedWith(DeliveryFailures.SHIPMENT_CANCELLED, () -> delivery.schedule(request));
        assertThat(carrier.liveShipments()).doesNotContain(request.orderId());
    }

    @Test
    void antarcticaIsNeverServiceable() {
        ShipmentRequest request = request("AQ");

        assertRefusedWith(DeliveryFailures.ADDRESS_UNSERVICEABLE, () -> delivery.schedule(request));
        assertThat(state(request.orderId())).isNull();
    }

    @Test
    void aCountryOutsideTheConfiguredSetIsUnserviceable() {
        // The subclasses configure GB, DE, FR, NL, US (and AQ, which stays unserviceable).
        assertRefusedWith(DeliveryFailures.ADDRESS_UNSERVICEABLE, () -> delivery.schedule(request("JP")));
    }

    static final String SERVICEABLE = "orderflow.delivery.carrier.serviceable-countries=GB,DE,FR,NL,US,AQ";

    ShipmentRequest request(String country) {
        return new ShipmentRequest("order-" + UUID.randomUUID(),
                new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", country),
                List.of(new OrderLine("MUG-RED", 2)));
    }

    String state(String orderId) {
        return jdbc.query("SELECT state FROM shipment WHERE order_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }
}
