package io.orderflow.persistence;

import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Re-runs a short transaction that lost a race on an order's row.
 *
 * <p>Every service keeps one row per order whose primary key is the order id. Two concurrent
 * attempts for the same order (a duplicate activity task, or a compensation racing its forward
 * step) both try to insert it; the database lets exactly one win and the other gets a duplicate key
 * (or, rarely, a lock conflict). Running the loser again in a <em>new</em> transaction makes it read
 * the winner's committed row and answer from it, which is what idempotency on the order id means.
 * If the conflict persists the exception escapes and Temporal retries the activity.
 */
public final class RowConflicts {

    /** Enough for any real race: the second attempt already sees the winner's committed row. */
    private static final int ATTEMPTS = 3;

    private RowConflicts() {
    }

    public static <T> T retry(Supplier<T> transaction) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transaction.get();
            } catch (DataIntegrityViolationException | ConcurrencyFailureException conflict) {
                last = conflict;
            }
        }
        throw last;
    }

    public static void retry(Runnable transaction) {
        retry(() -> {
            transaction.run();
            return null;
        });
    }
}
