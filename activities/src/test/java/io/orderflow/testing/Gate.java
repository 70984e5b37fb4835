package io.orderflow.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a call (say, to a remote provider) until the test opens the gate, and tells the test when
 * the call has arrived: a slow remote system whose slowness the test controls, instead of a sleep
 * that is either too short to prove anything or too long for the build.
 */
public final class Gate {

    /** Only a safety net, so a broken test cannot hang the build; the test opens the gate long before. */
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(60);

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    /** Called by the held code: reports its arrival, then waits until the test opens the gate. */
    public void pass() {
        arrived.countDown();
        try {
            if (!opened.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate", e);
        }
    }

    public boolean awaitArrival(Duration atMost) throws InterruptedException {
        return arrived.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void open() {
        opened.countDown();
    }
}
