package io.orderflow.stock;

import static io.orderflow.testing.BusinessFailures.assertRefusedWith;
import static io.orderflow.testing.Concurrently.runTogether;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.Money;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.PricedLine;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the stock activities promise, run against each database the services use (subclasses pick
 * it). Every test stocks SKUs of its own, so tests never see each other's stock.
 */
abstract class StockActivitiesSpec {

    @Autowired
    @Qualifier("stockActivities")
    StockActivities stock;

    @Autowired
    ProductRepository products;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reservesPricedLinesFromTheCatalogAndTakesTheStock() {
        String mug = stocked(1250, "EUR", 10);
        String tee = stocked(2500, "EUR", 5);
        String orderId = newOrderId();

        StockReservation reservation = stock.reserve(orderId, List.of(new OrderLine(tee, 1), new OrderLine(mug, 2)));

        assertThat(reservation.orderId()).isEqualTo(orderId);
        assertThat(reservation.lines()).containsExactlyInAnyOrder(new PricedLine(mug, 2, 1250), new PricedLine(tee, 1, 2500));
        assertThat(reservation.total()).isEqualTo(Money.of(5000, "EUR"));
        assertThat(available(mug)).isEqualTo(8);
        assertThat(available(tee)).isEqualTo(4);
    }

    @Test
    void aRepeatedReserveReturnsTheSameReservationAndTakesTheStockOnlyOnce() {
        String mug = stocked(1250, "EUR", 10);
        String orderId = newOrderId();

        StockReservation first = stock.reserve(orderId, List.of(new OrderLine(mug, 3)));
        StockReservation repeat = stock.reserve(orderId, List.of(new OrderLine(mug, 3)));

        assertThat(repeat).isEqualTo(first);
        assertThat(available(mug)).isEqualTo(7);
    }

    @Test
    void releaseGivesTheReservedStockBack() {
        String mug = stocked(1250, "EUR", 10);
        String orderId = newOrderId();
        stock.reserve(orderId, List.of(new OrderLine(mug, 4)));

        stock.release(orderId);

        assertThat(available(mug)).isEqualTo(10);
    }

    @Test
    void aReturnedOrderIsRestockedOnceHoweverOftenItIsAsked() {
        String mug = stocked(1250, "EUR", 10);
        String orderId = newOrderId();
        stock.reserve(orderId, List.of(new OrderLine(mug, 4)));

        stock.restock(orderId);
        stock.restock(orderId);
        stock.release(orderId);

        assertThat(available(mug)).isEqualTo(10);
    }

    @Test
    void restockingAnOrderThatHoldsNoGoodsIsRefused() {
        String mug = stocked(1250, "EUR", 10);
        String released = newOrderId();
        stock.reserve(released, List.of(new OrderLine(mug, 4)));
        stock.release(released);

        assertRefusedWith(StockFailures.NOTHING_TO_RESTOCK, () -> stock.restock(newOrderId()));
        assertRefusedWith(StockFailures.NOTHING_TO_RESTOCK, () -> stock.restock(released));
        assertThat(available(mug)).isEqualTo(10);
    }

    @Test
    void releasingTwiceGivesTheStockBackOnlyOnce() {
        String mug = stocked(1250, "EUR", 10);
        String orderId = newOrderId();
        stock.reserve(orderId, List.of(new OrderLine(mug, 4)));

        stock.release(orderId);
        stock.release(orderId);

        assertThat(available(mug)).isEqualTo(10);
    }

    @Test
    void aReserveAfterItsReleaseIsRefusedAndTakesNothing() {
        String mug = stocked(1250, "EUR", 10);
        String orderId = newOrderId();
        stock.reserve(orderId, List.of(new OrderLine(mug, 4)));
        stock.release(orderId);

        assertRefusedWith(StockFailures.RESERVATION_RELEASED, () -> stock.reserve(orderId, List.of(new OrderLine(mug, 4))));
        assertThat(available(mug)).isEqualTo(10);
    }

    @Test
    void releaseBeforeReserveLeavesATombstoneThatRefusesTheLateReserve() {
        String mug = stocked(1250, "EUR", 10);
        String orderId = newOrderId();

        stock.release(orderId);

        assertRefusedWith(StockFailures.RESERVATION_RELEASED, () -> stock.reserve(orderId, List.of(new OrderLine(mug, 1))));
        assertThat(available(mug)).isEqualTo(10);
        assertThat(reservationState(orderId)).isEqualTo("TOMBSTONE");
    }

    @Test
    void shortStockIsRefusedNamingTheSkuAndTakesNothingFromTheOtherLines() {
        String plenty = stocked(1250, "EUR", 10);
        String scarce = stockedAs("Z-" + plenty, 4900, "EUR", 1); // sorts after 'plenty': taken second
        String orderId = newOrderId();

        ApplicationFailure failure = assertRefusedWith(StockFailures.OUT_OF_STOCK,
                () -> stock.reserve(orderId, List.of(new OrderLine(plenty, 2), new OrderLine(scarce, 2))));

        assertThat(failure.getOriginalMessage()).contains(scarce);
        assertThat(available(plenty)).isEqualTo(10);
        assertThat(available(scarce)).isEqualTo(1);
        assertThat(reservationState(orderId)).isNull();
    }

    @Test
    void anUnknownSkuIsRefusedAndTakesNothing() {
        String mug = stocked(1250, "EUR", 10);
        String orderId = newOrderId();

        ApplicationFailure failure = assertRefusedWith(StockFailures.UNKNOWN_SKU,
                () -> stock.reserve(orderId, List.of(new OrderLine(mug, 1), new OrderLine("NO-SUCH-SKU", 1))));

        assertThat(failure.getOriginalMessage()).contains("NO-SUCH-SKU");
        assertThat(available(mug)).isEqualTo(10);
    }

    @Test
    void linesPricedInDifferentCurrenciesAreRefused() {
        String euro = stocked(1250, "EUR", 10);
        String dollar = stocked(1400, "USD", 10);

        assertRefusedWith(StockFailures.MIXED_CURRENCY,
                () -> stock.reserve(newOrderId(), List.of(new OrderLine(euro, 1), new OrderLine(dollar, 1))));
        assertThat(available(euro)).isEqualTo(10);
        assertThat(available(dollar)).isEqualTo(10);
    }

    /**
     * The catalog API refuses such a price, but a row written past it (by hand, by an old import)
     * must still never wrap into a small or negative total that would then be charged.
     */
    @Test
    void aTotalTooLargeForALongIsRefusedAsInvalidLinesAndTakesNoStockInsteadOfAWrappedTotal() {
        String absurd = stocked(Long.MAX_VALUE / 2, "EUR", 10);
        String orderId = newOrderId();

        assertRefusedWith(StockFailures.INVALID_ORDER_LINES,
                () -> stock.reserve(orderId, List.of(new OrderLine(absurd, 3))));
        assertThat(available(absurd)).isEqualTo(10);
        assertThat(reservationState(orderId)).isNull();
    }

    @Test
    void stockChangesAndReservationsRunningTogetherAreEachCountedOnce() throws Exception {
        String mug = stocked(1250, "EUR", 100);

        List<Callable<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String orderId = newOrderId();
            writes.add(() -> stock.reserve(orderId, List.of(new OrderLine(mug, 2))) != null);
            writes.add(() -> catalog.changeStock(mug, new StockChange(null, 5L, "delivery from the supplier")) != null);
            writes.add(() -> catalog.changeStock(mug, new StockChange("WH-NORTH", -1L, "broken in the warehouse")) != null);
        }
        runTogether(writes);

        assertThat(available(mug)).as("100 - 20 x 2 reserved + 20 x 5 delivered - 20 x 1 broken").isEqualTo(140);
    }

    @Test
    void stockTakenByConcurrentChangesNeverGoesBelowZero() throws Exception {
        String poster = stocked(4900, "EUR", 10);

        List<Callable<Boolean>> takes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            takes.add(() -> {
                try {
                    catalog.changeStock(poster, new StockChange(null, -1L, "counted short"));
                    return true;
                } catch (StockOutOfBoundsException refused) {
                    assertThat(refused.belowZero()).isTrue();
                    return false;
                }
            });
        }
        List<Boolean> applied = runTogether(takes);

        assertThat(applied.stream().filter(Boolean::booleanValue).count()).isEqualTo(10);
        assertThat(available(poster)).isZero();
    }

    @Test
    void aStockChangePastTheCatalogsBoundIsRefusedAndNeverWraps() {
        String mug = stocked(1250, "EUR", 999_999);

        assertThatThrownBy(() -> catalog.changeStock(mug, new StockChange(null, 2L, "too many")))
                .isInstanceOf(StockOutOfBoundsException.class);
        catalog.changeStock(mug, new StockChange(null, 1L, "exactly the bound"));

        assertThat(available(mug)).isEqualTo(1_000_000);
    }

    @Test
    void ofConcurrentEditsMadeFromTheSameVersionOnlyOneIsWritten() throws Exception {
        String mug = stocked(1250, "EUR", 10);
        String seen = catalog.find(mug).orElseThrow().etag();

        List<Callable<Boolean>> edits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long price = 1300 + i;
            edits.add(() -> {
                try {
                    catalog.upsert(mug, new ProductUpdate("Mug", price, "EUR", 10), Optional.of(seen));
                    return true;
                } catch (PreconditionFailedException stale) {
                    return false;
                }
            });
        }
        List<Boolean> written = runTogether(edits);

        assertThat(written.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
        assertThat(catalog.find(mug).orElseThrow().etag()).isNotEqualTo(seen);
    }

    @Test
    void anEditFromAVersionReadBeforeAReservationIsRefusedAndTheReservationStands() {
        String mug = stocked(1250, "EUR", 10);
        String seen = catalog.find(mug).orElseThrow().etag();
        stock.reserve(newOrderId(), List.of(new OrderLine(mug, 3)));

        assertThatThrownBy(() -> catalog.upsert(mug, new ProductUpdate("Mug", 990L, "EUR", 10), Optional.of(seen)))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(available(mug)).isEqualTo(7);
    }

    String stocked(long priceCents, String currency, int available) {
        return stockedAs("T-" + UUID.randomUUID().toString().substring(0, 18).toUpperCase(), priceCents, currency,
                available);
    }

    String stockedAs(String sku, long priceCents, String currency, int available) {
        products.save(new Product(sku, "Test product " + sku, priceCents, currency, available));
        return sku;
    }

    int available(String sku) {
        return jdbc.queryForObject("SELECT available FROM product WHERE sku = ?", Integer.class, sku);
    }

    String reservationState(String orderId) {
        return jdbc.query("SELECT state FROM reservation WHERE order_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }

    static String newOrderId() {
        return "order-" + UUID.randomUUID();
    }
}
