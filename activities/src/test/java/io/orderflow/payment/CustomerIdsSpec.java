package io.orderflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.Money;
import io.orderflow.testing.UnicodeText;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer a payment is for (the token's subject, which an identity provider may spell in any
 * script) is stored exactly, in our ledger and in the provider's books (subclasses pick the database).
 */
abstract class CustomerIdsSpec {

    static final List<String> CUSTOMERS = UnicodeText.SAMPLES;

    @Autowired
    @Qualifier("paymentActivities")
    PaymentActivities payments;

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @FieldSource("CUSTOMERS")
    void aChargeForACustomerNamedInAnyScriptIsTakenAndRecordedExactly(String customerId) {
        String orderId = "order-" + UUID.randomUUID();

        payments.charge(new ChargeRequest(orderId, customerId, Money.of(1250, "EUR"), "tok_visa"));

        assertThat(jdbc.queryForObject("SELECT customer_id FROM payment WHERE order_id = ?", String.class, orderId))
                .isEqualTo(customerId);
        assertThat(jdbc.queryForObject("SELECT customer_id FROM sim_provider_charge WHERE idempotency_key = ?",
                String.class, orderId)).isEqualTo(customerId);
    }
}
