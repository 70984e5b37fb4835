package io.orderflow.payment;

import io.orderflow.Money;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The deterministic outside world that docs/architecture.md documents:
 * {@code tok_declined} → {@link PaymentFailures#PAYMENT_DECLINED},
 * {@code tok_insufficient_funds} → {@link PaymentFailures#INSUFFICIENT_FUNDS},
 * {@code tok_flaky} fails transiently on its first attempts per order, then approves,
 * {@code tok_slow} takes a while, then approves; any other token approves.
 *
 * <p>It keeps its books where a real provider would: apart from ours, and through a crash of our
 * worker. Its tables ({@code sim_provider_*}, migration V2) sit in the payment database only
 * because that is the durable store at hand; nothing else in the service touches them. A charge
 * and a refund are each recorded at most once per idempotency key (their primary key), so a repeat
 * moves no money and answers with the first result.
 *
 * <p>Like any remote call it must be made outside the caller's transaction: it waits (latency,
 * {@code tok_slow}) holding no connection, then writes in its own auto-committed statements.
 *
 * <p>It waits in slices of {@link #WAIT_SLICE}, beating the caller's {@link Heartbeat} before each
 * and once more after the last, so an attempt that is cancelled (or whose worker shuts down) while
 * the provider "thinks" stops there, before its books record anything.
 */
@Component
public class SimulatedPaymentProvider implements PaymentProvider {

    public static final String DECLINED = "tok_declined";
    public static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";
    public static final String FLAKY = "tok_flaky";
    public static final String SLOW = "tok_slow";

    /**
     * How long the provider waits between two beats of the caller's heartbeat: short against any
     * heartbeat timeout, so a cancel delivered on a heartbeat stops the wait at once.
     */
    static final Duration WAIT_SLICE = Duration.ofMillis(100);

    private final PaymentSimulatorProperties settings;
    private final JdbcClient books;

    public SimulatedPaymentProvider(PaymentSimulatorProperties settings, JdbcClient books) {
        this.settings = settings;
        this.books = books;
    }

    @Override
    public String charge(String idempotencyKey, String customerId, Money amount, String paymentToken,
            Heartbeat heartbeat) {
        pretendToBeRemote(heartbeat);
        switch (paymentToken == null ? "" : paymentToken) {
            case DECLINED -> throw new PaymentRefusedException(PaymentFailures.PAYMENT_DECLINED,
                    "The card was declined");
            case INSUFFICIENT_FUNDS -> throw new PaymentRefusedException(PaymentFailures.INSUFFICIENT_FUNDS,
                    "The card has insufficient funds");
            case FLAKY -> {
                if (countsAsFlakyFailure(idempotencyKey)) {
                    throw new ProviderUnavailableException("Provider unavailable (flaky token)");
                }
            }
            case SLOW -> takeTime(settings.slowTokenDelay(), heartbeat);
            default -> {
                // approves
            }
        }
        try {
            books.sql("""
                    INSERT INTO sim_provider_charge
                        (idempotency_key, payment_id, customer_id, amount_cents, currency, charged_at)
                    VALUES (:key, :paymentId, :customerId, :cents, :currency, :now)""")
                    .param("key", idempotencyKey)
                    .param("paymentId", paymentIdFor(idempotencyKey))
                    .param("customerId", customerId)
                    .param("cents", amount.amountCents())
                    .param("currency", amount.currency())
                    .param("now", Timestamp.from(Instant.now()))
                    .update();
        } catch (DuplicateKeyException repeat) {
            // Charged before under this key: the first charge stands, whatever this call asked for.
        }
        return books.sql("SELECT payment_id FROM sim_provider_charge WHERE idempotency_key = ?")
                .param(idempotencyKey).query(String.class).single();
    }

    @Override
    public void refund(String idempotencyKey, Heartbeat heartbeat) {
        pretendToBeRemote(heartbeat);
        try {
            // Copies the charge in full into a refund keyed like it; an unknown key copies nothing.
            books.sql("""
                    INSERT INTO sim_provider_refund (idempotency_key, amount_cents, currency, refunded_at)
                    SELECT idempotency_key, amount_cents, currency, :now
                    FROM sim_provider_charge WHERE idempotency_key = :key""")
                    .param("key", idempotencyKey)
                    .param("now", Timestamp.from(Instant.now()))
                    .update();
        } catch (DuplicateKeyException repeat) {
            // Refunded before: the first refund stands.
        }
    }

    /** Stable per order, so a repeat (even after a restart of the simulator) yields the same id. */
    static String paymentIdFor(String idempotencyKey) {
        return "pay_" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Counts one failed attempt of {@code tok_flaky} for this key unless its failures are used up.
     * Each statement is atomic, so of any number of concurrent attempts exactly the first
     * {@code flakyFailures} fail, and a restart continues the count instead of starting over.
     */
    private boolean countsAsFlakyFailure(String idempotencyKey) {
        if (settings.flakyFailures() == 0) {
            return false;
        }
        if (countFlakyFailure(idempotencyKey)) {
            return true;
        }
        try {
            books.sql("INSERT INTO sim_provider_flaky_failure (idempotency_key, failures) VALUES (?, 1)")
                    .param(idempotencyKey).update();
            return true;
        } catch (DuplicateKeyException exists) {
            // Either the failures are used up or a concurrent first attempt inserted the row: count again.
            return countFlakyFailure(idempotencyKey);
        }
    }

    private boolean countFlakyFailure(String idempotencyKey) {
        return books.sql("""
                UPDATE sim_provider_flaky_failure SET failures = failures + 1
                WHERE idempotency_key = :key AND failures < :limit""")
                .param("key", idempotencyKey)
                .param("limit", settings.flakyFailures())
                .update() == 1;
    }

    private void pretendToBeRemote(Heartbeat heartbeat) {
        // A provider is another system: it never joins our transaction. Refusing here makes every
        // test that goes through the provider also check that no ledger calls it holding a row lock.
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The payment provider is remote: call it outside any database transaction");
        }
        takeTime(settings.latency(), heartbeat);
        if (settings.transientFailureRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.transientFailureRate()) {
            throw new ProviderUnavailableException("Provider unavailable (injected transient failure)");
        }
    }

    /**
     * Waits {@code duration} in slices, beating before each slice and after the last: whatever a
     * beat throws ends the call here, before the provider's books are touched.
     */
    private static void takeTime(Duration duration, Heartbeat heartbeat) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        long deadline = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            heartbeat.beat();
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, WAIT_SLICE.toNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("Interrupted while waiting for the provider");
            }
        }
        heartbeat.beat();
    }
}
