package io.orderflow.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The steps of successive attempts of one fake activity; the last step repeats forever. */
final class Script {

    private final List<Step> steps;
    private final AtomicInteger attempts = new AtomicInteger();

    Script(Step... steps) {
        if (steps.length == 0) {
            throw new IllegalArgumentException("a script needs at least one step");
        }
        this.steps = List.of(steps);
    }

    static Script alwaysProceed() {
        return new Script(Step.proceed());
    }

    Step nextAttempt() {
        return steps.get(Math.min(attempts.getAndIncrement(), steps.size() - 1));
    }
}
