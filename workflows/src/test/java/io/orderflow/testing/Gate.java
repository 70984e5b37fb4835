package io.orderflow.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a call (an activity attempt, a request to a remote provider) until the test lets it go, so a
 * test can look at the system while the call is in flight. Waits are bounded so a broken test fails
 * instead of hanging.
 */
public final class Gate {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    /** Called by the held code: reports its arrival, then waits until the test opens the gate. */
    public void pass() {
        arrived.countDown();
        await(opened, "the test never opened the gate");
    }

    /** Blocks until an activity attempt is waiting at this gate. */
    public void awaitArrival() {
        await(arrived, "no activity attempt reached the gate");
    }

    public void open() {
        opened.countDown();
    }

    private static void await(CountDownLatch latch, String whyItFailed) {
        try {
            if (!latch.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(whyItFailed + " within " + PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting at a gate", e);
        }
    }
}
