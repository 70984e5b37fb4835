package io.orderflow.worker.checkout;

import io.orderflow.checkout.CheckoutPolicy;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The checkout's time limits on the checkout worker ({@code orderflow.checkout.*}, e.g.
 * {@code ORDERFLOW_CHECKOUT_DELIVERY_DEADLINE=P7D}). Each order reads them once, when it first needs
 * them, and keeps them in its history: a change applies to orders that have not yet got that far.
 *
 * @param deliveryDeadline how long an order may stay {@code SHIPPING} before it is flagged
 *     {@code DELIVERY_OVERDUE} for a person
 * @param compensationAlertAfter how long a compensation may keep failing before the order is
 *     flagged {@code COMPENSATION_FAILING}
 */
@ConfigurationProperties("orderflow.checkout")
public record CheckoutPolicyProperties(
        @DefaultValue("P14D") Duration deliveryDeadline,
        @DefaultValue("PT10M") Duration compensationAlertAfter) {

    CheckoutPolicy policy() {
        return new CheckoutPolicy(deliveryDeadline, compensationAlertAfter);
    }
}
