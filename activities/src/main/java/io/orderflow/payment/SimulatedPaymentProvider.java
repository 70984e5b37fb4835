package io.orderflow.payment;

import io.orderflow.Money;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The deterministic outside world of brief section 4:
 * {@code tok_declined} → {@link PaymentFailures#PAYMENT_DECLINED},
 * {@code tok_insufficient_funds} → {@link PaymentFailures#INSUFFICIENT_FUNDS},
 * {@code tok_flaky} fails transiently on its first attempts per order, then approves,
 * {@code tok_slow} takes a while, then approves; any other token approves.
 *
 * <p>Like a real provider it remembers charges by idempotency key, so two calls for one order move
 * money once. It also keeps the books ({@link #totals()}) so tests can check money conservation.
 */
@Component
public class SimulatedPaymentProvider implements PaymentProvider {

    public static final String DECLINED = "tok_declined";
    public static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";
    public static final String FLAKY = "tok_flaky";
    public static final String SLOW = "tok_slow";

    /** What the provider has moved in all: every approved charge, every refund. */
    public record Totals(long chargedCents, long refundedCents, int charges, int refunds) {
    }

    private record Charge(String paymentId, Money amount) {
    }

    private final PaymentSimulatorProperties settings;
    private final Map<String, Charge> charges = new ConcurrentHashMap<>();
    private final Map<String, Charge> refunds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> flakyAttempts = new ConcurrentHashMap<>();

    public SimulatedPaymentProvider(PaymentSimulatorProperties settings) {
        this.settings = settings;
    }

    @Override
    public String charge(String idempotencyKey, String customerId, Money amount, String paymentToken) {
        pretendToBeRemote();
        switch (paymentToken == null ? "" : paymentToken) {
            case DECLINED -> throw new PaymentRefusedException(PaymentFailures.PAYMENT_DECLINED,
                    "The card was declined");
            case INSUFFICIENT_FUNDS -> throw new PaymentRefusedException(PaymentFailures.INSUFFICIENT_FUNDS,
                    "The card has insufficient funds");
            case FLAKY -> {
                int attempt = flakyAttempts.computeIfAbsent(idempotencyKey, key -> new AtomicInteger()).incrementAndGet();
                if (attempt <= settings.flakyFailures()) {
                    throw new ProviderUnavailableException("Provider unavailable (flaky token, attempt " + attempt + ")");
                }
            }
            case SLOW -> sleep(settings.slowTokenDelay());
            default -> {
                // approves
            }
        }
        // computeIfAbsent is atomic per key: concurrent duplicates record one charge.
        return charges.computeIfAbsent(idempotencyKey, key -> new Charge(paymentIdFor(key), amount)).paymentId();
    }

    @Override
    public void refund(String idempotencyKey) {
        pretendToBeRemote();
        Charge charge = charges.get(idempotencyKey);
        if (charge != null) {
            refunds.putIfAbsent(idempotencyKey, charge);
        }
    }

    public Totals totals() {
        return new Totals(
                charges.values().stream().mapToLong(charge -> charge.amount().amountCents()).sum(),
                refunds.values().stream().mapToLong(charge -> charge.amount().amountCents()).sum(),
                charges.size(), refunds.size());
    }

    /** Stable per order, so a repeat (even after a restart of the simulator) yields the same id. */
    static String paymentIdFor(String idempotencyKey) {
        return "pay_" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
    }

    private void pretendToBeRemote() {
        sleep(settings.latency());
        if (settings.transientFailureRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.transientFailureRate()) {
            throw new ProviderUnavailableException("Provider unavailable (injected transient failure)");
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while waiting for the provider");
        }
    }
}
