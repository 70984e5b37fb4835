package io.orderflow.payment;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated provider's own tables, read as an auditor reads a bank statement: what money really
 * moved, per order id. The main code has no such accessor; the sums would show a second charge or
 * refund of one key if the provider's idempotency ever broke.
 */
final class ProviderBooks {

    private final JdbcTemplate jdbc;

    ProviderBooks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long chargedCents(String orderId) {
        return sum("SELECT COALESCE(SUM(amount_cents), 0) FROM sim_provider_charge WHERE idempotency_key = ?", orderId);
    }

    long refundedCents(String orderId) {
        return sum("SELECT COALESCE(SUM(amount_cents), 0) FROM sim_provider_refund WHERE idempotency_key = ?", orderId);
    }

    /** Money the provider kept from this order: charged − refunded. */
    long netCents(String orderId) {
        return chargedCents(orderId) - refundedCents(orderId);
    }

    long netCents(Collection<String> orderIds) {
        return orderIds.stream().mapToLong(this::netCents).sum();
    }

    private long sum(String sql, String orderId) {
        return jdbc.queryForObject(sql, Long.class, orderId);
    }
}
