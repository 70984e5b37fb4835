package io.orderflow.checkout;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The saga's undo stack. A step's compensation is pushed before the step runs, because the step may
 * take effect even when its reply is lost; the compensations are idempotent and a no-op (with a
 * tombstone) for a step that never took effect, so running one "too many" is always safe.
 */
final class Compensations {

    private final Deque<Compensation> stack = new ArrayDeque<>();

    void register(Compensation compensation) {
        stack.push(compensation);
    }

    /** Runs every registered compensation, newest first; {@code runner} blocks until each has succeeded. */
    void runInReverseOrder(Consumer<Compensation> runner) {
        while (!stack.isEmpty()) {
            runner.accept(stack.pop());
        }
    }
}
