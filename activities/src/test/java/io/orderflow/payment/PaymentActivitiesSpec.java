package io.orderflow.payment;

import static io.orderflow.testing.BusinessFailures.assertRefusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.Money;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the payment activities promise, run against each database the services use. Money moves
 * are read from the simulated provider's own tables, per order, so tests do not depend on each other.
 */
abstract class PaymentActivitiesSpec {

    @Autowired
    @Qualifier("paymentActivities")
    PaymentActivities payments;

    @Autowired
    SimulatedPaymentProvider provider;

    @Autowired
    PaymentLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    ProviderBooks books;

    @BeforeEach
    void readTheProvidersBooks() {
        books = new ProviderBooks(jdbc);
    }

    @Test
    void chargesTheCustomerAndRecordsTheCharge() {
        ChargeRequest request = request("tok_visa", 2500);

        PaymentReceipt receipt = payments.charge(request);

        assertThat(receipt.orderId()).isEqualTo(request.orderId());
        assertThat(receipt.paymentId()).startsWith("pay_");
        assertThat(receipt.amount()).isEqualTo(Money.of(2500, "EUR"));
        assertThat(books.chargedCents(request.orderId())).isEqualTo(2500);
        assertThat(state(request.orderId())).isEqualTo("CHARGED");
    }

    @Test
    void aRepeatedChargeReturnsTheSameReceiptAndChargesOnce() {
        ChargeRequest request = request("tok_visa", 1800);

        PaymentReceipt first = payments.charge(request);
        PaymentReceipt repeat = payments.charge(request);

        assertThat(repeat).isEqualTo(first);
        assertThat(books.chargedCents(request.orderId())).isEqualTo(1800);
    }

    @Test
    void theProviderChargesAndRefundsAnOrderOnceHoweverOftenItIsAsked() {
        // Asked directly: the activities answer a repeat from our own row and never reach the provider.
        String orderId = request("tok_visa", 700).orderId();

        String first = provider.charge(orderId, "cust-42", Money.of(700, "EUR"), "tok_visa");
        String repeat = provider.charge(orderId, "cust-42", Money.of(900, "EUR"), "tok_visa");
        provider.refund(orderId);
        provider.refund(orderId);

        assertThat(repeat).as("a repeat answers with the first charge").isEqualTo(first);
        assertThat(books.chargedCents(orderId)).isEqualTo(700);
        assertThat(books.refundedCents(orderId)).isEqualTo(700);
    }

    @Test
    void theProviderRefundsNothingForAnOrderItNeverCharged() {
        String orderId = request("tok_visa", 700).orderId();

        provider.refund(orderId);

        assertThat(books.refundedCents(orderId)).isZero();
    }

    @Test
    void theProviderRefusesACallFromInsideADatabaseTransaction() {
        // Every other test relies on this refusal to show that no ledger calls the provider with a
        // transaction (and so a pooled connection and possibly a row lock) open.
        String orderId = request("tok_visa", 700).orderId();

        assertThatThrownBy(() -> transactions.executeWithoutResult(
                status -> provider.charge(orderId, "cust-42", Money.of(700, "EUR"), "tok_visa")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> provider.refund(orderId)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(books.chargedCents(orderId)).isZero();
    }

    @Test
    void refundGivesTheMoneyBack() {
        ChargeRequest request = request("tok_visa", 4900);
        payments.charge(request);

        payments.refund(request.orderId());

        assertThat(books.refundedCents(request.orderId())).isEqualTo(4900);
        assertThat(books.netCents(request.orderId())).isZero();
        assertThat(state(request.orderId())).isEqualTo("REFUNDED");
    }

    @Test
    void refundingTwiceRefundsOnce() {
        ChargeRequest request = request("tok_visa", 4900);
        payments.charge(request);

        payments.refund(request.orderId());
        payments.refund(request.orderId());

        assertThat(books.refundedCents(request.orderId())).isEqualTo(4900);
    }

    @Test
    void aRefundCutOffBeforeTheProviderWasAskedIsFinishedByItsRetry() {
        ChargeRequest request = request("tok_visa", 3100);
        payments.charge(request);
        // The worker dies right after committing the decision, before the provider hears of it.
        ledger.beginRefund(request.orderId());
        assertThat(state(request.orderId())).isEqualTo("REFUNDING");
        assertThat(books.refundedCents(request.orderId())).isZero();

        payments.refund(request.orderId());

        assertThat(books.refundedCents(request.orderId())).isEqualTo(3100);
        assertThat(state(request.orderId())).isEqualTo("REFUNDED");
    }

    @Test
    void aRefundCutOffAfterTheProviderRefundedIsConfirmedByItsRetryWithoutRefundingTwice() {
        ChargeRequest request = request("tok_visa", 3200);
        payments.charge(request);
        // The worker dies after the provider refunded, before the confirmation was committed.
        ledger.beginRefund(request.orderId());
        provider.refund(request.orderId());

        payments.refund(request.orderId());

        assertThat(books.refundedCents(request.orderId())).isEqualTo(3200);
        assertThat(state(request.orderId())).isEqualTo("REFUNDED");
    }

    @Test
    void aChargeWhileItsRefundIsPendingIsRefused() {
        ChargeRequest request = request("tok_visa", 1250);
        payments.charge(request);
        ledger.beginRefund(request.orderId());

        assertRefusedWith(PaymentFailures.PAYMENT_REFUNDED, () -> payments.charge(request));
        assertThat(books.chargedCents(request.orderId())).isEqualTo(1250);
    }

    @Test
    void aChargeAfterItsRefundIsRefused() {
        ChargeRequest request = request("tok_visa", 1250);
        payments.charge(request);
        payments.refund(request.orderId());

        assertRefusedWith(PaymentFailures.PAYMENT_REFUNDED, () -> payments.charge(request));
        assertThat(books.chargedCents(request.orderId())).as("charged once, before the refund").isEqualTo(1250);
    }

    @Test
    void refundBeforeChargeLeavesATombstoneThatRefusesTheLateCharge() {
        ChargeRequest request = request("tok_visa", 1250);

        payments.refund(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("TOMBSTONE");
        assertRefusedWith(PaymentFailures.PAYMENT_REFUNDED, () -> payments.charge(request));
        assertThat(books.netCents(request.orderId())).as("no net money moved").isZero();
    }

    @Test
    void aChargeWhoseBookkeepingWasLostIsRefundedByTheCompensation() {
        // The provider charged, but the worker died before our row was written.
        ChargeRequest request = request("tok_visa", 1400);
        provider.charge(request.orderId(), request.customerId(), request.amount(), request.paymentToken());

        payments.refund(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("TOMBSTONE");
        assertThat(books.chargedCents(request.orderId())).isEqualTo(1400);
        assertThat(books.netCents(request.orderId())).as("the orphaned charge is given back").isZero();
    }

    @Test
    void aDeclinedCardIsRefusedAndNothingIsCharged() {
        ChargeRequest request = request(SimulatedPaymentProvider.DECLINED, 1250);

        assertRefusedWith(PaymentFailures.PAYMENT_DECLINED, () -> payments.charge(request));
        assertThat(books.chargedCents(request.orderId())).isZero();
        assertThat(state(request.orderId())).isNull();
    }

    @Test
    void insufficientFundsAreRefusedAndNothingIsCharged() {
        ChargeRequest request = request(SimulatedPaymentProvider.INSUFFICIENT_FUNDS, 1250);

        assertRefusedWith(PaymentFailures.INSUFFICIENT_FUNDS, () -> payments.charge(request));
        assertThat(books.chargedCents(request.orderId())).isZero();
    }

    @Test
    void aFlakyProviderFailsTransientlyTwiceThenApprovesOnTheThirdAttempt() {
        ChargeRequest request = request(SimulatedPaymentProvider.FLAKY, 3000);

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> payments.charge(request))
                    .as("attempt %d is a retryable failure, not a business one", attempt)
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThat(books.chargedCents(request.orderId())).as("nothing charged by attempt %d", attempt).isZero();
        }
        PaymentReceipt receipt = payments.charge(request);

        assertThat(receipt.amount()).isEqualTo(Money.of(3000, "EUR"));
        assertThat(books.chargedCents(request.orderId())).isEqualTo(3000);
    }

    @Test
    void aSlowProviderTakesItsTimeThenApproves() {
        ChargeRequest request = request(SimulatedPaymentProvider.SLOW, 1000);
        long started = System.nanoTime();

        PaymentReceipt receipt = payments.charge(request);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SLOW_TOKEN_DELAY);
        assertThat(receipt.paymentId()).isNotBlank();
        assertThat(books.chargedCents(request.orderId())).isEqualTo(1000);
    }

    /** Shortened for the tests (production default: 5 s); set by the subclasses' properties. */
    static final Duration SLOW_TOKEN_DELAY = Duration.ofMillis(300);

    ChargeRequest request(String token, long cents) {
        return new ChargeRequest("order-" + UUID.randomUUID(), "cust-42", Money.of(cents, "EUR"), token);
    }

    String state(String orderId) {
        return jdbc.query("SELECT state FROM payment WHERE order_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }

    /** Charged − refunded for this order in OUR books: the amount while CHARGED, otherwise nothing. */
    long ourNetCents(String orderId) {
        return jdbc.query("SELECT CASE WHEN state = 'CHARGED' THEN amount_cents ELSE 0 END FROM payment WHERE order_id = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, orderId);
    }
}
