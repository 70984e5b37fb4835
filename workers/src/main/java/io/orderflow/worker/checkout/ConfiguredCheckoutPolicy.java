package io.orderflow.worker.checkout;

import io.orderflow.checkout.CheckoutPolicy;
import io.orderflow.checkout.CheckoutPolicyActivities;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The {@code checkoutPolicy} activity the checkout role hosts: the workflow asks it (as a local
 * activity, on the same worker) for the configured limits. Validated at start-up, so a worker with
 * a nonsensical deadline never starts.
 */
@Component("checkoutPolicy")
@Profile("checkout")
public class ConfiguredCheckoutPolicy implements CheckoutPolicyActivities {

    private final CheckoutPolicy policy;

    public ConfiguredCheckoutPolicy(CheckoutPolicyProperties settings) {
        this.policy = settings.policy();
    }

    @Override
    public CheckoutPolicy policy() {
        return policy;
    }
}
