package io.orderflow.testing;

import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/**
 * What one attempt of a fake activity does. {@code effect} is the activity's real work on the fake's
 * state (take stock, charge, book); a step decides whether and when it happens and how the attempt
 * ends. {@code orderId} is the order the attempt is for.
 */
@FunctionalInterface
public interface Step {

    /** Failure type of the transient failures, the kind Temporal retries. */
    String TRANSIENT = "TransientFailure";

    void run(String orderId, Runnable effect);

    /** Takes effect and replies. */
    static Step proceed() {
        return (orderId, effect) -> effect.run();
    }

    /** Fails before taking effect, as when the provider is down; retried by Temporal. */
    static Step failTransiently(String message) {
        return (orderId, effect) -> {
            throw ApplicationFailure.newFailure(message, TRANSIENT);
        };
    }

    /** A business failure, thrown non-retryable with its type as the real services do. */
    static Step failWith(String type, String message) {
        return (orderId, effect) -> {
            throw ApplicationFailure.newNonRetryableFailure(message, type);
        };
    }

    /** Takes effect, then the reply never reaches the workflow (network cut, worker killed). */
    static Step takeEffectThenLoseReply() {
        return (orderId, effect) -> {
            effect.run();
            throw ApplicationFailure.newFailure("reply lost after the step took effect", TRANSIENT);
        };
    }

    /** Takes its time, as a slow provider does, then takes effect and replies. */
    static Step takeEffectAfter(Duration delay) {
        return (orderId, effect) -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while taking its time", e);
            }
            effect.run();
        };
    }

    /** Holds the attempt at the gate until the test opens it, then takes effect. */
    static Step waitAt(Gate gate) {
        return (orderId, effect) -> {
            gate.pass();
            effect.run();
        };
    }

    /** Holds the attempt at its order's own gate until the test opens that one, then takes effect. */
    static Step waitAt(Gates gates) {
        return (orderId, effect) -> waitAt(gates.of(orderId)).run(orderId, effect);
    }
}
