package io.orderflow.stock;

import io.orderflow.Money;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.PricedLine;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock service's transactions, one per activity call.
 *
 * <p>READ COMMITTED: a re-run after a lost race must see the winner's committed row, and InnoDB
 * then takes no gap locks, so two calls for an unknown order collide on the primary key (a clean
 * duplicate-key error) rather than deadlocking. Lock order is always: the order's reservation row,
 * then products by ascending SKU, so two orders sharing SKUs can never deadlock each other.
 */
@Component
class StockLedger {

    private final ProductRepository products;
    private final ReservationRepository reservations;

    StockLedger(ProductRepository products, ReservationRepository reservations) {
        this.products = products;
        this.reservations = reservations;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public StockReservation reserve(String orderId, List<OrderLine> lines) {
        Optional<Reservation> existing = reservations.findById(orderId);
        if (existing.isPresent()) {
            return answerRepeat(orderId, existing.get());
        }
        Map<String, Integer> wanted = quantitiesBySku(lines);
        Map<String, Product> catalog = products.findAllById(wanted.keySet()).stream()
                .collect(Collectors.toMap(Product::sku, Function.identity()));
        List<ReservationLine> priced = price(wanted, catalog);
        String currency = singleCurrency(catalog);
        long total = exactTotal(priced);

        // The row goes in first: a concurrent duplicate for this order fails here on the primary
        // key before it has touched any stock.
        Reservation reservation = reservations.saveAndFlush(
                Reservation.reserved(orderId, priced, total, currency, Instant.now()));
        wanted.forEach((sku, quantity) -> {
            if (products.take(sku, quantity) == 0) {
                // Throwing rolls the whole transaction back: stock already taken for earlier
                // lines and the reservation row disappear together.
                throw ApplicationFailure.newNonRetryableFailure(
                        "Not enough stock for SKU " + sku + " (requested " + quantity + ")",
                        StockFailures.OUT_OF_STOCK, sku);
            }
        });
        return view(orderId, reservation);
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void release(String orderId) {
        Optional<Reservation> found = reservations.findForUpdate(orderId);
        if (found.isEmpty()) {
            reservations.saveAndFlush(Reservation.tombstone(orderId, Instant.now()));
            return;
        }
        Reservation reservation = found.get();
        if (reservation.state() != ReservationState.RESERVED) {
            return;
        }
        giveBack(reservation);
        reservation.released(Instant.now());
    }

    /**
     * Puts a returned order's goods back: a reservation that shipped becomes {@code RESTOCKED}
     * and its quantities available again, once. Nothing to put back (unknown, tombstone, released)
     * is a caller's mistake that no retry fixes.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void restock(String orderId) {
        Reservation reservation = reservations.findForUpdate(orderId)
                .filter(found -> found.state() == ReservationState.RESERVED
                        || found.state() == ReservationState.RESTOCKED)
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                        "Order " + orderId + " holds no reserved goods to restock", StockFailures.NOTHING_TO_RESTOCK));
        if (reservation.state() == ReservationState.RESTOCKED) {
            return;
        }
        giveBack(reservation);
        reservation.restocked(Instant.now());
    }

    private void giveBack(Reservation reservation) {
        reservation.lines().stream()
                .sorted(Comparator.comparing(ReservationLine::sku))
                .forEach(line -> products.give(line.sku(), line.quantity()));
    }

    private static StockReservation answerRepeat(String orderId, Reservation existing) {
        if (existing.state() != ReservationState.RESERVED) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "Order " + orderId + " was already released; its stock cannot be reserved again",
                    StockFailures.RESERVATION_RELEASED);
        }
        return view(orderId, existing);
    }

    /** Merges repeated SKUs and sorts by SKU: the fixed lock order. */
    private static Map<String, Integer> quantitiesBySku(List<OrderLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw ApplicationFailure.newNonRetryableFailure("An order needs at least one line",
                    StockFailures.INVALID_ORDER_LINES);
        }
        Map<String, Integer> wanted = new TreeMap<>();
        for (OrderLine line : lines) {
            if (line.sku() == null || line.quantity() <= 0) {
                throw ApplicationFailure.newNonRetryableFailure(
                        "Invalid order line " + line + ": a SKU and a positive quantity are required",
                        StockFailures.INVALID_ORDER_LINES);
            }
            wanted.merge(line.sku(), line.quantity(), StockLedger::addQuantities);
        }
        return wanted;
    }

    private static int addQuantities(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw beyondWhatCanBeCounted("quantity");
        }
    }

    /**
     * Exact arithmetic: an overflow is never a wrapped (wrong) total. It is the order's fault, not a
     * passing fault, so it ends the step at once instead of being retried until the step times out.
     */
    private static long exactTotal(List<ReservationLine> priced) {
        try {
            return priced.stream()
                    .map(line -> Math.multiplyExact(line.unitPriceCents(), (long) line.quantity()))
                    .reduce(0L, Math::addExact);
        } catch (ArithmeticException overflow) {
            throw beyondWhatCanBeCounted("total");
        }
    }

    private static ApplicationFailure beyondWhatCanBeCounted(String what) {
        return ApplicationFailure.newNonRetryableFailure(
                "The order's " + what + " is beyond what can be counted exactly", StockFailures.INVALID_ORDER_LINES);
    }

    private static List<ReservationLine> price(Map<String, Integer> wanted, Map<String, Product> catalog) {
        return wanted.entrySet().stream()
                .map(entry -> {
                    Product product = catalog.get(entry.getKey());
                    if (product == null) {
                        throw ApplicationFailure.newNonRetryableFailure(
                                "Unknown SKU " + entry.getKey(), StockFailures.UNKNOWN_SKU, entry.getKey());
                    }
                    return new ReservationLine(product.sku(), entry.getValue(), product.priceCents());
                })
                .toList();
    }

    private static String singleCurrency(Map<String, Product> catalog) {
        List<String> currencies = catalog.values().stream().map(Product::currency).distinct().sorted().toList();
        if (currencies.size() != 1) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "The lines are priced in several currencies " + currencies + "; an order has one",
                    StockFailures.MIXED_CURRENCY);
        }
        return currencies.get(0);
    }

    private static StockReservation view(String orderId, Reservation reservation) {
        List<PricedLine> lines = reservation.lines().stream()
                .sorted(Comparator.comparing(ReservationLine::sku))
                .map(line -> new PricedLine(line.sku(), line.quantity(), line.unitPriceCents()))
                .toList();
        return new StockReservation(orderId, lines, Money.of(reservation.totalCents(), reservation.currency()));
    }
}
