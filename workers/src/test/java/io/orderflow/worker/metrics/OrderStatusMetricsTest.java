package io.orderflow.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.payment.PaymentFailures;
import io.orderflow.testing.CallLog;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.FakePayment;
import io.orderflow.testing.FakeStock;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.orderflow.testing.TestEncryption;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The checkout, unchanged, on a worker with the interceptor: what the dashboards will count. */
class OrderStatusMetricsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Scope scope = new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(meters))
            .reportEvery(com.uber.m3.util.Duration.ofMillis(20));
    private final CallLog log = new CallLog();
    private final FakePayment payment = new FakePayment(log);
    private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
            .setMetricsScope(scope)
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                    .setWorkerInterceptors(new OrderMetricsInterceptor())
                    .build())
            .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                    .setDataConverter(TestEncryption.converter())
                    .build())
            .build());

    @AfterEach
    void stop() throws Exception {
        env.close();
        scope.close();
    }

    @Test
    void countsEachStatusACompletedOrderPassedThroughOnce() {
        CheckoutTestEnvironment.serve(env, new FakeStock(log), payment, new FakeDelivery(log));
        env.start();

        OrderView view = run("o-1");

        assertThat(view.status()).isEqualTo(OrderStatus.COMPLETED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(entered(OrderStatus.COMPLETED)).isEqualTo(1));
        assertThat(entered(OrderStatus.RESERVING_STOCK)).isEqualTo(1);
        assertThat(entered(OrderStatus.CHARGING_PAYMENT)).isEqualTo(1);
        assertThat(entered(OrderStatus.SCHEDULING_DELIVERY)).isEqualTo(1);
        assertThat(entered(OrderStatus.FAILED)).isZero();
    }

    @Test
    void countsADeclinedOrderAsCompensatedAndFailedTaggedWithTheWorkflowItBelongsTo() {
        payment.onCharge(Step.failWith(PaymentFailures.PAYMENT_DECLINED, "declined"));
        CheckoutTestEnvironment.serve(env, new FakeStock(log), payment, new FakeDelivery(log));
        env.start();

        run("o-2");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(entered(OrderStatus.FAILED)).isEqualTo(1));
        assertThat(entered(OrderStatus.COMPENSATING)).isEqualTo(1);
        assertThat(entered(OrderStatus.COMPLETED)).isZero();
        Counter failed = meters.get(OrderStatusMetrics.STATUS_ENTERED).tag("status", "FAILED").counter();
        assertThat(failed.getId().getTag("workflow_type")).isEqualTo(CheckoutWorkflow.TYPE);
        assertThat(failed.getId().getTag("task_queue")).isEqualTo("checkout");
    }

    private OrderView run(String orderId) {
        CheckoutWorkflow workflow = env.getWorkflowClient().newWorkflowStub(CheckoutWorkflow.class,
                CheckoutTestEnvironment.optionsFor(orderId).build());
        WorkflowClient.start(workflow::checkout, Orders.sample(orderId));
        return WorkflowStub.fromTyped(workflow).getResult(OrderView.class);
    }

    private double entered(OrderStatus status) {
        Counter counter = meters.find(OrderStatusMetrics.STATUS_ENTERED).tag("status", status.name()).counter();
        return counter == null ? 0 : counter.count();
    }
}
