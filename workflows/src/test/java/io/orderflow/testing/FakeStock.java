package io.orderflow.testing;

import io.orderflow.Money;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.PricedLine;
import io.orderflow.stock.StockActivities;
import io.orderflow.stock.StockFailures;
import io.orderflow.stock.StockReservation;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory stock service with the real contract: prices from a catalog, unknown SKUs refused,
 * idempotent on the order id, release once with a tombstone. Each attempt follows a scripted
 * {@link Step}, so a test can make it fail, stall or lose its reply.
 */
public final class FakeStock implements StockActivities {

    public static final String CURRENCY = "EUR";
    /** The catalog every fake order is priced from (minor units). */
    public static final Map<String, Long> CATALOG = Map.of("MUG-RED", 1250L, "TEA-GREEN", 450L);

    private final CallLog log;
    private final Map<String, StockReservation> reservations = new ConcurrentHashMap<>();
    private final Set<String> released = ConcurrentHashMap.newKeySet();
    private final Set<String> restocked = ConcurrentHashMap.newKeySet();
    private volatile Script reserveScript = Script.alwaysProceed();
    private volatile Script releaseScript = Script.alwaysProceed();

    public FakeStock(CallLog log) {
        this.log = log;
    }

    /** Scripts successive {@code reserve} attempts; the last step repeats. */
    public FakeStock onReserve(Step... steps) {
        reserveScript = new Script(steps);
        return this;
    }

    /** Scripts successive {@code release} attempts; the last step repeats. */
    public FakeStock onRelease(Step... steps) {
        releaseScript = new Script(steps);
        return this;
    }

    @Override
    public StockReservation reserve(String orderId, List<OrderLine> lines) {
        log.record(CallLog.STOCK_RESERVE);
        AtomicReference<StockReservation> result = new AtomicReference<>();
        reserveScript.nextAttempt().run(orderId, () -> result.set(take(orderId, lines)));
        return result.get();
    }

    @Override
    public void release(String orderId) {
        log.record(CallLog.STOCK_RELEASE);
        releaseScript.nextAttempt().run(orderId, () -> released.add(orderId));
    }

    @Override
    public void restock(String orderId) {
        log.record(CallLog.STOCK_RESTOCK);
        if (!reservations.containsKey(orderId) || released.contains(orderId)) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + orderId + " holds no reserved goods", StockFailures.NOTHING_TO_RESTOCK);
        }
        restocked.add(orderId);
    }

    /** True while the order holds stock: reserved and neither released nor restocked. */
    public boolean holdsStockFor(String orderId) {
        return reservations.containsKey(orderId) && !released.contains(orderId) && !restocked.contains(orderId);
    }

    public boolean wasRestocked(String orderId) {
        return restocked.contains(orderId);
    }

    public boolean wasReleased(String orderId) {
        return released.contains(orderId);
    }

    private StockReservation take(String orderId, List<OrderLine> lines) {
        if (released.contains(orderId)) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + orderId + " was already released", StockFailures.RESERVATION_RELEASED);
        }
        return reservations.computeIfAbsent(orderId, id -> price(id, lines));
    }

    private static StockReservation price(String orderId, List<OrderLine> lines) {
        List<PricedLine> priced = lines.stream()
                .map(line -> new PricedLine(line.sku(), line.quantity(), unitPrice(line.sku())))
                .toList();
        long total = priced.stream().mapToLong(PricedLine::lineTotalCents).sum();
        return new StockReservation(orderId, priced, Money.of(total, CURRENCY));
    }

    private static long unitPrice(String sku) {
        Long price = CATALOG.get(sku);
        if (price == null) {
            throw ApplicationFailure.newNonRetryableFailure("unknown SKU " + sku, StockFailures.UNKNOWN_SKU);
        }
        return price;
    }
}
