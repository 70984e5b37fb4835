package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The invariants of docs/architecture.md ("Invariants"), checked where the truth lives: in each service's own database
 * (read-only), against the order views the gateway reported, and against the simulated outside
 * world's own durable books (the provider's {@code sim_provider_*} and the carrier's
 * {@code sim_carrier_booking} tables), which a killed worker cannot wipe. Used after every crash test.
 */
final class Ledgers {

    /** One service's row for an order: its state and the identifier it handed out. */
    record Row(String state, String reference, long amountCents) {
    }

    /** What the simulated provider holds for an order: its one charge and what it refunded of it. */
    record ProviderRecord(String paymentId, long chargedCents, long refundedCents) {

        static final ProviderRecord NONE = new ProviderRecord(null, 0, 0);

        long netCents() {
            return chargedCents - refundedCents;
        }
    }

    /** What the simulated carrier holds for an order: its one booking and whether it still stands. */
    record CarrierBooking(String trackingNumber, boolean live) {
    }

    private Ledgers() {
    }

    /**
     * Money conserved and nothing held by a failed order: for every order of the batch, a
     * {@code SHIPPING} or {@code COMPLETED} order is charged exactly its total once, holds its stock
     * and a live shipment; a {@code FAILED} or {@code CANCELLED} one has no net charge and holds no
     * stock, except goods that left the warehouse and were lost ({@code DELIVERY_LOST}: the
     * reservation stays, the shipment is {@code LOST}); a returned parcel's goods are restocked
     * ({@code DELIVERY_RETURNED}: reservation {@code RESTOCKED}, shipment {@code RETURNED}); and
     * charged − refunded over the batch equals the sum of the shipping and completed orders'
     * totals. Per order, the money the provider really kept equals charged − refunded in our
     * books, and the carrier holds a live booking exactly for the orders it took the parcel of.
     */
    static void assertMoneyAndHoldings(Collection<JsonNode> views) throws SQLException {
        Map<String, Row> payments = rows("payment", "SELECT order_id, state, payment_id, amount_cents FROM payment");
        Map<String, Row> reservations = rows("stock", "SELECT order_id, state, order_id, total_cents FROM reservation");
        Map<String, Row> shipments = rows("delivery", "SELECT order_id, state, tracking_number, 0 FROM shipment");
        Map<String, ProviderRecord> provider = providerRecords();
        Map<String, CarrierBooking> carrier = carrierBookings();

        long charged = 0;
        long refunded = 0;
        long completedTotals = 0;
        for (JsonNode view : views) {
            String orderId = view.path("orderId").asText();
            String status = view.path("status").asText();
            Row payment = payments.get(orderId);
            Row reservation = reservations.get(orderId);
            Row shipment = shipments.get(orderId);
            if (payment != null && !payment.state().equals("TOMBSTONE")) {
                charged += payment.amountCents();
                if (payment.state().equals("REFUNDED")) {
                    refunded += payment.amountCents();
                }
            }
            long ourNet = payment != null && payment.state().equals("CHARGED") ? payment.amountCents() : 0;
            ProviderRecord atProvider = provider.getOrDefault(orderId, ProviderRecord.NONE);
            assertThat(atProvider.netCents()).as("money the provider kept for order %s (%s) = charged - refunded in our books (%s)",
                    orderId, atProvider, payment).isEqualTo(ourNet);
            CarrierBooking booking = carrier.get(orderId);
            String failure = view.path("failure").path("code").asText("");
            if (status.equals("COMPLETED") || status.equals("SHIPPING")) {
                completedTotals += view.path("totalCents").asLong();
                assertThat(payment).as("payment of completed order %s", orderId).isNotNull();
                assertThat(payment.state()).as("payment of completed order %s", orderId).isEqualTo("CHARGED");
                assertThat(payment.reference()).as("the one payment of order %s", orderId).isEqualTo(view.path("paymentId").asText());
                assertThat(payment.amountCents()).as("amount charged for order %s", orderId).isEqualTo(view.path("totalCents").asLong());
                assertThat(reservation).as("reservation of completed order %s", orderId).isNotNull();
                assertThat(reservation.state()).as("reservation of completed order %s", orderId).isEqualTo("RESERVED");
                assertThat(shipment).as("shipment of completed order %s", orderId).isNotNull();
                assertThat(shipment.state()).as("shipment of completed order %s", orderId).isEqualTo("SCHEDULED");
                assertThat(shipment.reference()).isEqualTo(view.path("trackingNumber").asText());
                assertThat(atProvider.paymentId()).as("the provider's charge of order %s", orderId)
                        .isEqualTo(view.path("paymentId").asText());
                assertThat(booking).as("the carrier's booking of completed order %s", orderId)
                        .isEqualTo(new CarrierBooking(view.path("trackingNumber").asText(), true));
            } else if (failure.equals("DELIVERY_LOST") || failure.equals("DELIVERY_RETURNED")) {
                boolean lost = failure.equals("DELIVERY_LOST");
                assertThat(status).as("order %s", orderId).isEqualTo("FAILED");
                assertThat(payment.state()).as("payment of %s order %s", failure, orderId).isEqualTo("REFUNDED");
                assertThat(reservation.state()).as("stock of %s order %s", failure, orderId)
                        .isEqualTo(lost ? "RESERVED" : "RESTOCKED");
                assertThat(shipment.state()).as("shipment of %s order %s", failure, orderId)
                        .isEqualTo(lost ? "LOST" : "RETURNED");
                assertThat(booking).as("the carrier took the parcel of order %s", orderId)
                        .isEqualTo(new CarrierBooking(view.path("trackingNumber").asText(), true));
            } else {
                assertThat(status).as("order %s is terminal", orderId).isIn("FAILED", "CANCELLED");
                assertThat(payment == null ? "none" : payment.state()).as("net charge of %s order %s", status, orderId)
                        .isIn("none", "REFUNDED", "TOMBSTONE");
                // An operator's cancel once the parcel was picked up restocks when the carrier returns it.
                assertThat(reservation == null ? "none" : reservation.state()).as("stock held by %s order %s", status, orderId)
                        .isIn("none", "RELEASED", "TOMBSTONE", "RESTOCKED");
                assertThat(shipment == null ? "none" : shipment.state()).as("shipment of %s order %s", status, orderId)
                        .isIn("none", "CANCELLED", "TOMBSTONE");
                assertThat(booking != null && booking.live()).as("a live booking at the carrier for %s order %s", status, orderId)
                        .isFalse();
            }
        }
        assertThat(charged - refunded).as("charged - refunded over the batch = totals of its shipping and completed orders")
                .isEqualTo(completedTotals);
    }

    /** No oversell: no product anywhere below zero, and for this SKU reserved + available = stocked. */
    static void assertStockConserved(String sku, int stocked) throws SQLException {
        try (Connection stock = RealStack.database("stock")) {
            try (ResultSet negative = stock.createStatement().executeQuery("SELECT COUNT(*) FROM product WHERE available < 0")) {
                negative.next();
                assertThat(negative.getInt(1)).as("products with negative availability").isZero();
            }
            try (PreparedStatement held = stock.prepareStatement("""
                    SELECT p.available, COALESCE((SELECT SUM(l.quantity) FROM reservation_line l
                        JOIN reservation r ON r.order_id = l.order_id
                        WHERE l.sku = p.sku AND r.state = 'RESERVED'), 0)
                    FROM product p WHERE p.sku = ?""")) {
                held.setString(1, sku);
                try (ResultSet row = held.executeQuery()) {
                    assertThat(row.next()).as("product %s exists", sku).isTrue();
                    int available = row.getInt(1);
                    int reserved = row.getInt(2);
                    assertThat(available).as("available of %s", sku).isNotNegative();
                    assertThat(reserved + available).as("reserved (%d) + available (%d) of %s", reserved, available, sku)
                            .isEqualTo(stocked);
                }
            }
        }
    }

    /** The simulated provider's books, per order id (its idempotency key). */
    private static Map<String, ProviderRecord> providerRecords() throws SQLException {
        Map<String, ProviderRecord> records = new HashMap<>();
        try (Connection connection = RealStack.database("payment");
                ResultSet result = connection.createStatement().executeQuery("""
                        SELECT c.idempotency_key, c.payment_id, c.amount_cents, COALESCE(r.amount_cents, 0)
                        FROM sim_provider_charge c
                        LEFT JOIN sim_provider_refund r ON r.idempotency_key = c.idempotency_key""")) {
            while (result.next()) {
                records.put(result.getString(1), new ProviderRecord(result.getString(2), result.getLong(3), result.getLong(4)));
            }
        }
        return records;
    }

    /** The simulated carrier's bookings, per order id (its idempotency key). */
    private static Map<String, CarrierBooking> carrierBookings() throws SQLException {
        Map<String, CarrierBooking> bookings = new HashMap<>();
        try (Connection connection = RealStack.database("delivery");
                ResultSet result = connection.createStatement().executeQuery(
                        "SELECT idempotency_key, tracking_number, cancelled_at IS NULL FROM sim_carrier_booking")) {
            while (result.next()) {
                bookings.put(result.getString(1), new CarrierBooking(result.getString(2), result.getBoolean(3)));
            }
        }
        return bookings;
    }

    private static Map<String, Row> rows(String database, String sql) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (Connection connection = RealStack.database(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            while (result.next()) {
                Row previous = rows.put(result.getString(1), new Row(result.getString(2), result.getString(3), result.getLong(4)));
                assertThat(previous).as("%s holds one row per order (%s)", database, result.getString(1)).isNull();
            }
        }
        return rows;
    }
}
