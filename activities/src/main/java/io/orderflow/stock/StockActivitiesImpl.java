package io.orderflow.stock;

import io.orderflow.checkout.OrderLine;
import io.orderflow.persistence.RowConflicts;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The stock activities the stock worker registers (bean name {@code stockActivities}).
 *
 * <p>Each call is one {@link StockLedger} transaction; the transaction boundary sits one level
 * below this bean on purpose, so that a call that lost a race for its order's row can be run again
 * in a fresh transaction ({@link RowConflicts}) and answer from the winner's row. It does not touch
 * Temporal's activity context, so tests call it as a plain bean.
 */
@Component("stockActivities")
public class StockActivitiesImpl implements StockActivities {

    private final StockLedger ledger;

    public StockActivitiesImpl(StockLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public StockReservation reserve(String orderId, List<OrderLine> lines) {
        return RowConflicts.retry(() -> ledger.reserve(orderId, lines));
    }

    @Override
    public void release(String orderId) {
        RowConflicts.retry(() -> ledger.release(orderId));
    }

    @Override
    public void restock(String orderId) {
        RowConflicts.retry(() -> ledger.restock(orderId));
    }
}
