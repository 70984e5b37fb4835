package io.orderflow.checkout;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Custom search attributes the workflow keeps current, so operators can find orders in the Web UI
 * and the gateway can list them. They must be registered on the namespace before use.
 *
 * <p>{@link #ALL} is the one list of their names and types: the code registers from it, and a test
 * in the workers module fails when {@code scripts/stack.sh}, the compose file, the Kubernetes Job
 * or a README names others.
 */
public final class OrderSearchAttributes {

    public static final SearchAttributeKey<String> ORDER_STATUS = SearchAttributeKey.forKeyword("OrderStatus");
    public static final SearchAttributeKey<String> CUSTOMER_ID = SearchAttributeKey.forKeyword("CustomerId");
    public static final SearchAttributeKey<Long> ORDER_TOTAL_CENTS = SearchAttributeKey.forLong("OrderTotalCents");
    /** True while the order waits for a person (overdue delivery, failing compensation); false once it no longer does. */
    public static final SearchAttributeKey<Boolean> NEEDS_ATTENTION = SearchAttributeKey.forBoolean("NeedsAttention");

    /** Every custom search attribute, each with its name and its indexed type. */
    public static final List<SearchAttributeKey<?>> ALL = List.of(ORDER_STATUS, CUSTOMER_ID, ORDER_TOTAL_CENTS, NEEDS_ATTENTION);

    private OrderSearchAttributes() {
    }
}
