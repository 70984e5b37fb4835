package io.orderflow.delivery;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated carrier's own table, read as an auditor would: which bookings it holds per order
 * id. The main code has no such accessor.
 */
final class CarrierBooks {

    private final JdbcTemplate jdbc;

    CarrierBooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Bookings under this key that are not cancelled: 1 for a shipment that will go out, else 0. */
    int liveBookings(String orderId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sim_carrier_booking WHERE idempotency_key = ? AND cancelled_at IS NULL",
                Integer.class, orderId);
    }

    /** All bookings under this key, cancelled or not. */
    int bookings(String orderId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sim_carrier_booking WHERE idempotency_key = ?",
                Integer.class, orderId);
    }

    String trackingNumber(String orderId) {
        return jdbc.query("SELECT tracking_number FROM sim_carrier_booking WHERE idempotency_key = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }
}
