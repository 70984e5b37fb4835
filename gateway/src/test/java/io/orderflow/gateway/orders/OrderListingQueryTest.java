package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.checkout.OrderStatus;
import org.junit.jupiter.api.Test;

/** The visibility query the list endpoint sends (the real-stack suite runs it against a real server). */
class OrderListingQueryTest {

    @Test
    void listsOnlyCheckoutWorkflowsWhenNoFilterIsGiven() {
        assertThat(OrderListing.query(null, null)).isEqualTo("WorkflowType = 'Checkout'");
    }

    @Test
    void filtersByCustomerAndStatusSearchAttributes() {
        assertThat(OrderListing.query("cust-42", OrderStatus.COMPLETED))
                .isEqualTo("WorkflowType = 'Checkout' AND CustomerId = 'cust-42' AND OrderStatus = 'COMPLETED'");
    }

    @Test
    void filtersOrdersThatNeedAttentionAndTheOthersIncludingNeverFlaggedOnes() {
        assertThat(OrderListing.query(null, OrderStatus.SHIPPING, true))
                .isEqualTo("WorkflowType = 'Checkout' AND OrderStatus = 'SHIPPING' AND NeedsAttention = true");
        assertThat(OrderListing.query(null, null, false))
                .isEqualTo("WorkflowType = 'Checkout' AND (NeedsAttention = false OR NeedsAttention IS NULL)");
    }

    @Test
    void escapesQuotesSoACustomerIdCannotWidenTheQuery() {
        assertThat(OrderListing.query("x' OR WorkflowType != '", null))
                .isEqualTo("WorkflowType = 'Checkout' AND CustomerId = 'x\\' OR WorkflowType != \\''");
    }
}
