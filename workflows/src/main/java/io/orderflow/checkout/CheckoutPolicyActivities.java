package io.orderflow.checkout;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Hands the checkout worker's configured {@link CheckoutPolicy} to the workflow. Called as a local
 * activity, so the answer is recorded in the order's history and a replay (or a worker configured
 * differently) keeps the deadlines the order started with. Hosted by every checkout worker.
 */
@ActivityInterface(namePrefix = "Checkout")
public interface CheckoutPolicyActivities {

    @ActivityMethod
    CheckoutPolicy policy();
}
