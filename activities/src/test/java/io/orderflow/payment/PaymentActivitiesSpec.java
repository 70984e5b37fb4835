package io.orderflow.payment;

import static io.orderflow.testing.BusinessFailures.assertRefusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.Money;
import io.orderflow.payment.SimulatedPaymentProvider.Totals;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the payment activities promise, run against each database the services use. Money moves
 * are read from the simulated provider's books as differences, so tests do not depend on each other.
 */
abstract class PaymentActivitiesSpec {

    @Autowired
    @Qualifier("paymentActivities")
    PaymentActivities payments;

    @Autowired
    SimulatedPaymentProvider provider;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void chargesTheCustomerAndRecordsTheCharge() {
        Totals before = provider.totals();
        ChargeRequest request = request("tok_visa", 2500);

        PaymentReceipt receipt = payments.charge(request);

        assertThat(receipt.orderId()).isEqualTo(request.orderId());
        assertThat(receipt.paymentId()).startsWith("pay_");
        assertThat(receipt.amount()).isEqualTo(Money.of(2500, "EUR"));
        assertThat(chargedSince(before)).isEqualTo(2500);
        assertThat(state(request.orderId())).isEqualTo("CHARGED");
    }

    @Test
    void aRepeatedChargeReturnsTheSameReceiptAndChargesOnce() {
        Totals before = provider.totals();
        ChargeRequest request = request("tok_visa", 1800);

        PaymentReceipt first = payments.charge(request);
        PaymentReceipt repeat = payments.charge(request);

        assertThat(repeat).isEqualTo(first);
        assertThat(chargedSince(before)).isEqualTo(1800);
    }

    @Test
    void refundGivesTheMoneyBack() {
        Totals before = provider.totals();
        ChargeRequest request = request("tok_visa", 4900);
        payments.charge(request);

        payments.refund(request.orderId());

        assertThat(refundedSince(before)).isEqualTo(4900);
        assertThat(state(request.orderId())).isEqualTo("REFUNDED");
    }

    @Test
    void refundingTwiceRefundsOnce() {
        Totals before = provider.totals();
        ChargeRequest request = request("tok_visa", 4900);
        payments.charge(request);

        payments.refund(request.orderId());
        payments.refund(request.orderId());

        assertThat(refundedSince(before)).isEqualTo(4900);
    }

    @Test
    void aChargeAfterItsRefundIsRefused() {
        ChargeRequest request = request("tok_visa", 1250);
        payments.charge(request);
        payments.refund(request.orderId());
        Totals before = provider.totals();

        assertRefusedWith(PaymentFailures.PAYMENT_REFUNDED, () -> payments.charge(request));
        assertThat(chargedSince(before)).isZero();
    }

    @Test
    void refundBeforeChargeLeavesATombstoneThatRefusesTheLateCharge() {
        Totals before = provider.totals();
        ChargeRequest request = request("tok_visa", 1250);

        payments.refund(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("TOMBSTONE");
        assertRefusedWith(PaymentFailures.PAYMENT_REFUNDED, () -> payments.charge(request));
        assertThat(chargedSince(before) - refundedSince(before)).as("no net money moved").isZero();
    }

    @Test
    void aDeclinedCardIsRefusedAndNothingIsCharged() {
        Totals before = provider.totals();
        ChargeRequest request = request(SimulatedPaymentProvider.DECLINED, 1250);

        assertRefusedWith(PaymentFailures.PAYMENT_DECLINED, () -> payments.charge(request));
        assertThat(chargedSince(before)).isZero();
        assertThat(state(request.orderId())).isNull();
    }

    @Test
    void insufficientFundsAreRefusedAndNothingIsCharged() {
        Totals before = provider.totals();
        ChargeRequest request = request(SimulatedPaymentProvider.INSUFFICIENT_FUNDS, 1250);

        assertRefusedWith(PaymentFailures.INSUFFICIENT_FUNDS, () -> payments.charge(request));
        assertThat(chargedSince(before)).isZero();
    }

    @Test
    void aFlakyProviderFailsTransientlyTwiceThenApprovesOnTheThirdAttempt() {
        Totals before = provider.totals();
        ChargeRequest request = request(SimulatedPaymentProvider.FLAKY, 3000);

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> payments.charge(request))
                    .as("attempt %d is a retryable failure, not a business one", attempt)
                    .isInstanceOf(ProviderUnavailableException.class);
        }
        PaymentReceipt receipt = payments.charge(request);

        assertThat(receipt.amount()).isEqualTo(Money.of(3000, "EUR"));
        assertThat(chargedSince(before)).isEqualTo(3000);
    }

    @Test
    void aSlowProviderTakesItsTimeThenApproves() {
        ChargeRequest request = request(SimulatedPaymentProvider.SLOW, 1000);
        long started = System.nanoTime();

        PaymentReceipt receipt = payments.charge(request);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SLOW_TOKEN_DELAY);
        assertThat(receipt.paymentId()).isNotBlank();
    }

    /** Shortened for the tests (production default: 5 s); set by the subclasses' properties. */
    static final Duration SLOW_TOKEN_DELAY = Duration.ofMillis(300);

    ChargeRequest request(String token, long cents) {
        return new ChargeRequest("order-" + UUID.randomUUID(), "cust-42", Money.of(cents, "EUR"), token);
    }

    long chargedSince(Totals before) {
        return provider.totals().chargedCents() - before.chargedCents();
    }

    long refundedSince(Totals before) {
        return provider.totals().refundedCents() - before.refundedCents();
    }

    String state(String orderId) {
        return jdbc.query("SELECT state FROM payment WHERE order_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }
}
