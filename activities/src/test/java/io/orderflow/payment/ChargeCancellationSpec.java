package io.orderflow.payment;

import static io.orderflow.testing.BusinessFailures.assertRefusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.Money;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A charge is cancelled while the provider takes its time ({@code tok_slow}, 5 s as documented):
 * the real payment activities run as Temporal runs them (an activity attempt with a heartbeat
 * timeout), the cancel is delivered on a heartbeat, and it must stop the attempt before any money
 * moves, at the provider or in our ledger. Run against each database the services use.
 */
abstract class ChargeCancellationSpec {

    /** The documented {@code tok_slow} delay, set by the subclasses' properties. */
    static final Duration SLOW_TOKEN_DELAY = Duration.ofSeconds(5);
    /** The heartbeat timeout the checkout saga gives a charge. */
    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);
    private static final ActivityOptions AS_THE_SAGA_CALLS_IT = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(15))
            .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
            .build();

    @Autowired
    @Qualifier("paymentActivities")
    PaymentActivities payments;

    @Autowired
    JdbcTemplate jdbc;

    private ProviderBooks books;
    private TestActivityEnvironment attempt;
    private final CountDownLatch heartbeating = new CountDownLatch(1);

    @BeforeEach
    void hostTheRealActivitiesInAnAttempt() {
        books = new ProviderBooks(jdbc);
        attempt = newAttempt();
        attempt.setActivityHeartbeatListener(Void.class, details -> heartbeating.countDown());
    }

    @AfterEach
    void closeTheAttempt() {
        attempt.close();
    }

    @Test
    void aSlowChargeCancelledWhileTheProviderWaitsEndsCancelledWithinSecondsAndNothingIsCharged() throws Exception {
        ChargeRequest request = slowCharge();
        long started = System.nanoTime();
        CompletableFuture<PaymentReceipt> charge = start(attempt, request);
        assertThat(heartbeating.await(2, TimeUnit.SECONDS)).as("the attempt heartbeats while the provider waits").isTrue();

        attempt.requestCancelActivity();
        long cancelRequested = System.nanoTime();

        assertThatThrownBy(() -> charge.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().as("the activity reports its cancellation").isInstanceOf(CanceledFailure.class);
        assertThat(since(cancelRequested)).as("the cancel reached the attempt on its next heartbeat")
                .isLessThan(HEARTBEAT_TIMEOUT);
        assertThat(since(started)).as("stopped before the provider would have approved").isLessThan(SLOW_TOKEN_DELAY);
        assertThat(books.chargedCents(request.orderId())).as("charged at the provider").isZero();
        assertThat(state(request.orderId())).as("our ledger's row for the order").isNull();
    }

    @Test
    void theRefundAfterACancelledChargeFindsNothingChargedAndLeavesATombstoneThatRefusesALateCharge() throws Exception {
        ChargeRequest request = slowCharge();
        CompletableFuture<PaymentReceipt> charge = start(attempt, request);
        heartbeating.await(2, TimeUnit.SECONDS);
        attempt.requestCancelActivity();
        assertThatThrownBy(() -> charge.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(CanceledFailure.class);

        payments.refund(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("TOMBSTONE");
        assertThat(books.refundedCents(request.orderId())).as("nothing to give back").isZero();
        assertRefusedWith(PaymentFailures.PAYMENT_REFUNDED, () -> payments.charge(request));
        assertThat(books.netCents(request.orderId())).isZero();
    }

    @Test
    void aChargeRetriedAfterAStoppedAttemptChargesTheOrderOnce() throws Exception {
        ChargeRequest request = slowCharge();
        CompletableFuture<PaymentReceipt> stopped = start(attempt, request);
        heartbeating.await(2, TimeUnit.SECONDS);
        attempt.requestCancelActivity();
        assertThatThrownBy(() -> stopped.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(CanceledFailure.class);

        TestActivityEnvironment retry = newAttempt();
        try {
            PaymentReceipt receipt = start(retry, request).get(SLOW_TOKEN_DELAY.plusSeconds(10).toSeconds(), TimeUnit.SECONDS);

            assertThat(receipt.amount()).isEqualTo(request.amount());
            assertThat(books.chargedCents(request.orderId())).isEqualTo(request.amount().amountCents());
            assertThat(state(request.orderId())).isEqualTo("CHARGED");
        } finally {
            retry.close();
        }
    }

    private TestActivityEnvironment newAttempt() {
        TestActivityEnvironment environment = TestActivityEnvironment.newInstance();
        environment.registerActivitiesImplementations(payments);
        return environment;
    }

    /** Runs one attempt on its own thread, as a worker does, so the test can cancel it meanwhile. */
    private static CompletableFuture<PaymentReceipt> start(TestActivityEnvironment environment, ChargeRequest request) {
        PaymentActivities stub = environment.newActivityStub(PaymentActivities.class, AS_THE_SAGA_CALLS_IT);
        return CompletableFuture.supplyAsync(() -> stub.charge(request));
    }

    private static ChargeRequest slowCharge() {
        return new ChargeRequest("order-" + UUID.randomUUID(), "cust-42", Money.of(1900, "EUR"),
                SimulatedPaymentProvider.SLOW);
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private String state(String orderId) {
        return jdbc.query("SELECT state FROM payment WHERE order_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }
}
