package io.orderflow.checkout;

import io.temporal.common.SearchAttributeKey;

/**
 * Custom search attributes the workflow keeps current, so operators can find orders in the Web UI
 * and the gateway can list them. They must be registered on the namespace before use.
 */
public final class OrderSearchAttributes {

    public static final SearchAttributeKey<String> ORDER_STATUS = SearchAttributeKey.forKeyword("OrderStatus");
    public static final SearchAttributeKey<String> CUSTOMER_ID = SearchAttributeKey.forKeyword("CustomerId");
    public static final SearchAttributeKey<Long> ORDER_TOTAL_CENTS = SearchAttributeKey.forLong("OrderTotalCents");

    private OrderSearchAttributes() {
    }
}
