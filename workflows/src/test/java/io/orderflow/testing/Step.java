package io.orderflow.testing;

import io.temporal.failure.ApplicationFailure;

/**
 * What one attempt of a fake activity does. {@code effect} is the activity's real work on the fake's
 * state (take stock, charge, book); a step decides whether and when it happens and how the attempt
 * ends.
 */
@FunctionalInterface
public interface Step {

    /** Failure type of the transient failures, the kind Temporal retries. */
    String TRANSIENT = "TransientFailure";

    void run(Runnable effect);

    /** Takes effect and replies. */
    static Step proceed() {
        return Runnable::run;
    }

    /** Fails before taking effect, as when the provider is down; retried by Temporal. */
    static Step failTransiently(String message) {
        return effect -> {
            throw ApplicationFailure.newFailure(message, TRANSIENT);
        };
    }

    /** A business failure, thrown non-retryable with its type as the real services do. */
    static Step failWith(String type, String message) {
        return effect -> {
            throw ApplicationFailure.newNonRetryableFailure(message, type);
        };
    }

    /** Takes effect, then the reply never reaches the workflow (network cut, worker killed). */
    static Step takeEffectThenLoseReply() {
        return effect -> {
            effect.run();
            throw ApplicationFailure.newFailure("reply lost after the step took effect", TRANSIENT);
        };
    }

    /** Holds the attempt at the gate until the test opens it, then takes effect. */
    static Step waitAt(Gate gate) {
        return effect -> {
            gate.pass();
            effect.run();
        };
    }
}
