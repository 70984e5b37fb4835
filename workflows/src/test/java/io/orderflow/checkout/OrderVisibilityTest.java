package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.Gate;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.temporal.common.SearchAttributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the gateway (query) and operators (search attributes in the Web UI) see at every stage. */
class OrderVisibilityTest {

    private static final String ORDER = "o-7";

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment();

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void queryAndSearchAttributesFollowTheOrderThroughEveryStage() {
        Gate reserving = new Gate();
        Gate charging = new Gate();
        Gate scheduling = new Gate();
        env.stock().onReserve(Step.waitAt(reserving));
        env.payment().onCharge(Step.waitAt(charging));
        env.delivery().onSchedule(Step.waitAt(scheduling));
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));

        reserving.awaitArrival();
        OrderView reservingView = workflow.state();
        assertThat(reservingView.orderId()).isEqualTo(ORDER);
        assertThat(reservingView.customerId()).isEqualTo(Orders.CUSTOMER);
        assertThat(reservingView.status()).isEqualTo(OrderStatus.RESERVING_STOCK);
        assertThat(reservingView.items()).extracting(OrderItemView::unitPriceCents).containsOnlyNulls();
        assertThat(reservingView.totalCents()).isNull();
        assertThat(reservingView.currency()).isNull();
        assertSearchAttributes(OrderStatus.RESERVING_STOCK, null);

        reserving.open();
        charging.awaitArrival();
        OrderView chargingView = workflow.state();
        assertThat(chargingView.status()).isEqualTo(OrderStatus.CHARGING_PAYMENT);
        assertThat(chargingView.items()).extracting(OrderItemView::unitPriceCents).containsExactly(1250L, 450L);
        assertThat(chargingView.totalCents()).isEqualTo(Orders.SAMPLE_TOTAL_CENTS);
        assertThat(chargingView.currency()).isEqualTo("EUR");
        assertThat(chargingView.paymentId()).isNull();
        assertSearchAttributes(OrderStatus.CHARGING_PAYMENT, Orders.SAMPLE_TOTAL_CENTS);

        charging.open();
        scheduling.awaitArrival();
        OrderView schedulingView = workflow.state();
        assertThat(schedulingView.status()).isEqualTo(OrderStatus.SCHEDULING_DELIVERY);
        assertThat(schedulingView.paymentId()).isEqualTo("pay-" + ORDER);
        assertThat(schedulingView.trackingNumber()).isNull();
        assertSearchAttributes(OrderStatus.SCHEDULING_DELIVERY, Orders.SAMPLE_TOTAL_CENTS);

        scheduling.open();
        OrderView finalView = env.result(ORDER);
        assertThat(finalView.trackingNumber()).isEqualTo("TRK-" + ORDER);
        assertThat(workflow.state()).as("the query after completion returns the final view").isEqualTo(finalView);
        assertSearchAttributes(OrderStatus.COMPLETED, Orders.SAMPLE_TOTAL_CENTS);
    }

    private void assertSearchAttributes(OrderStatus status, Long totalCents) {
        SearchAttributes attributes = env.searchAttributes(ORDER);
        assertThat(attributes.get(OrderSearchAttributes.ORDER_STATUS)).isEqualTo(status.name());
        assertThat(attributes.get(OrderSearchAttributes.CUSTOMER_ID)).isEqualTo(Orders.CUSTOMER);
        assertThat(attributes.get(OrderSearchAttributes.ORDER_TOTAL_CENTS)).isEqualTo(totalCents);
    }
}
