package io.orderflow.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.TaskQueues;
import io.orderflow.checkout.CheckoutFailures;
import io.orderflow.checkout.CheckoutPolicy;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.CheckoutWorkflowImpl;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.testing.CallLog;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.Databases;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.FakeStock;
import io.orderflow.testing.Orders;
import io.orderflow.testing.PaymentServiceApp;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A customer cancels a {@code tok_slow} order while it is being charged. The real checkout saga runs
 * on an in-process Temporal server in real time, the real payment activities with the simulated
 * provider (5 s for {@code tok_slow}, as documented) on the payment task queue, and fakes for stock
 * and delivery. The cancel reaches the running charge on its heartbeat, so the provider never
 * charges: the order ends cancelled with nothing to refund, instead of charged and then refunded.
 */
@SpringBootTest(classes = PaymentServiceApp.class, properties = "orderflow.payment.simulator.slow-token-delay=5s")
class SlowChargeCancelledInTheSagaTest {

    private static final Duration SLOW_TOKEN_DELAY = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Databases.h2(registry, "payment");
    }

    @Autowired
    @Qualifier("paymentActivities")
    PaymentActivities payments;

    @Autowired
    JdbcTemplate jdbc;

    private final CallLog calls = new CallLog();
    private final FakeStock stock = new FakeStock(calls);
    private TestWorkflowEnvironment temporal;

    @BeforeEach
    void runTheSagaWithTheRealPaymentService() {
        temporal = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .build());
        OrderSearchAttributes.ALL.forEach(key -> temporal.registerSearchAttribute(key.getName(), key.getValueType()));
        Worker checkout = temporal.newWorker(TaskQueues.CHECKOUT);
        checkout.registerWorkflowImplementationTypes(CheckoutWorkflowImpl.class);
        checkout.registerActivitiesImplementations(CheckoutTestEnvironment.policy(CheckoutPolicy.defaults()));
        temporal.newWorker(TaskQueues.STOCK).registerActivitiesImplementations(stock);
        temporal.newWorker(TaskQueues.PAYMENT).registerActivitiesImplementations(payments);
        temporal.newWorker(TaskQueues.DELIVERY).registerActivitiesImplementations(new FakeDelivery(calls));
        temporal.start();
    }

    @AfterEach
    void stopTemporal() {
        temporal.close();
    }

    @Test
    void aSlowOrderCancelledWhileItIsChargedEndsCancelledAndTheProviderNeverChargedIt() throws Exception {
        String orderId = "slow-" + UUID.randomUUID();
        CheckoutWorkflow order = start(orderId);
        await("the charge of " + orderId + " is waiting for the provider").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> chargeIsRunning(orderId));

        OrderView accepted = order.cancel("changed my mind", io.orderflow.checkout.CancelledBy.CUSTOMER);
        long cancelled = System.nanoTime();
        OrderView end = WorkflowStub.fromTyped(order).getResult(20, TimeUnit.SECONDS, OrderView.class);

        assertThat(accepted.status()).isEqualTo(OrderStatus.CHARGING_PAYMENT);
        assertThat(end.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(end.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_CUSTOMER);
        assertThat(end.paymentId()).as("the workflow never got a payment").isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled)).as("cancelled without waiting out the charge")
                .isLessThan(SLOW_TOKEN_DELAY);
        assertThat(new ProviderBooks(jdbc).chargedCents(orderId)).as("charged at the provider, ever").isZero();
        assertThat(ledgerState(orderId)).as("the refund compensation found nothing charged").isEqualTo("TOMBSTONE");
        assertThat(stock.holdsStockFor(orderId)).as("the stock is released").isFalse();
        assertThat(historyHas(orderId, EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED))
                .as("the charge itself ended cancelled").isTrue();
    }

    private CheckoutWorkflow start(String orderId) {
        CheckoutRequest sample = Orders.sample(orderId);
        CheckoutRequest slow = new CheckoutRequest(orderId, sample.customerId(), sample.items(),
                SimulatedPaymentProvider.SLOW, sample.shippingAddress());
        CheckoutWorkflow order = client().newWorkflowStub(CheckoutWorkflow.class,
                CheckoutTestEnvironment.optionsFor(orderId).build());
        WorkflowClient.start(order::checkout, slow);
        return order;
    }

    /** The payment worker has picked the charge up and heartbeats (the provider is waiting). */
    private boolean chargeIsRunning(String orderId) {
        return client().getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(temporal.getNamespace())
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(CheckoutWorkflow.workflowId(orderId)))
                        .build())
                .getPendingActivitiesList().stream()
                .anyMatch(activity -> activity.getActivityType().getName().equals("PaymentCharge")
                        && activity.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
                        && activity.hasLastHeartbeatTime());
    }

    private boolean historyHas(String orderId, EventType type) {
        return client().fetchHistory(CheckoutWorkflow.workflowId(orderId)).getEvents().stream()
                .anyMatch(event -> event.getEventType() == type);
    }

    private String ledgerState(String orderId) {
        return jdbc.query("SELECT state FROM payment WHERE order_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }

    private WorkflowClient client() {
        return temporal.getWorkflowClient();
    }
}
