package io.orderflow.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every activity attempt the fakes saw, in the order they saw it, by activity type name
 * ({@code StockReserve}, {@code PaymentRefund}, …). Shared by the three fakes so a test can assert
 * the order of steps and compensations across services.
 */
public final class CallLog {

    public static final String STOCK_RESERVE = "StockReserve";
    public static final String STOCK_RELEASE = "StockRelease";
    public static final String PAYMENT_CHARGE = "PaymentCharge";
    public static final String PAYMENT_REFUND = "PaymentRefund";
    public static final String DELIVERY_SCHEDULE = "DeliverySchedule";
    public static final String DELIVERY_CANCEL = "DeliveryCancel";
    public static final String STOCK_RESTOCK = "StockRestock";
    public static final String DELIVERY_MARK_LOST = "DeliveryMarkLost";
    public static final String DELIVERY_MARK_RETURNED = "DeliveryMarkReturned";

    private static final Set<String> COMPENSATIONS = Set.of(STOCK_RELEASE, PAYMENT_REFUND, DELIVERY_CANCEL,
            STOCK_RESTOCK, DELIVERY_MARK_LOST, DELIVERY_MARK_RETURNED);

    private final List<String> calls = new ArrayList<>();

    synchronized void record(String activityType) {
        calls.add(activityType);
    }

    /** Every attempt, retries included. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The compensation activities that ran, each once, in the order they first ran. */
    public synchronized List<String> compensations() {
        return calls.stream().filter(COMPENSATIONS::contains).distinct().toList();
    }

    public synchronized long attempts(String activityType) {
        return calls.stream().filter(activityType::equals).count();
    }

    /** Waits (real time: activities run on real threads) until the activity was attempted this often. */
    public void awaitAttempts(String activityType, long attempts) {
        await(activityType + " attempted " + attempts + " times").dontCatchUncaughtExceptions()
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> attempts(activityType) >= attempts);
    }
}
