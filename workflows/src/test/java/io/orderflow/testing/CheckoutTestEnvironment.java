package io.orderflow.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.orderflow.TaskQueues;
import io.orderflow.cart.CartWorkflowImpl;
import io.orderflow.checkout.CancelledBy;
import io.orderflow.checkout.CheckoutPolicy;
import io.orderflow.checkout.CheckoutPolicyActivities;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.CheckoutWorkflowImpl;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderView;
import io.orderflow.customer.CustomerOrdersPageWorkflowImpl;
import io.orderflow.customer.CustomerOrdersWorkflowImpl;
import io.temporal.api.history.v1.History;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A time-skipping Temporal test server with the checkout, cart and customer-orders workflows on their real task queue and the
 * three fakes on theirs, the custom search attributes registered and the orderflow data converter
 * on the client, encrypting with {@link TestEncryption}'s key — the production topology, in memory.
 * One per test; close it afterwards.
 */
public final class CheckoutTestEnvironment implements AutoCloseable {

    private final CallLog log = new CallLog();
    private final FakeStock stock = new FakeStock(log);
    private final FakePayment payment = new FakePayment(log);
    private final FakeDelivery delivery = new FakeDelivery(log);
    private final TestWorkflowEnvironment env;

    public CheckoutTestEnvironment() {
        this(TestEncryption.converter());
    }

    /** With another converter: a different key ring, or none to write payloads as before encryption. */
    public CheckoutTestEnvironment(DataConverter converter) {
        this(converter, CheckoutPolicy.defaults());
    }

    /** With the checkout worker configured with another delivery deadline or compensation alert threshold. */
    public CheckoutTestEnvironment(CheckoutPolicy policy) {
        this(TestEncryption.converter(), policy);
    }

    /** With these interceptors on every worker, e.g. {@link HeldOrderStarts}. */
    public CheckoutTestEnvironment(WorkerInterceptor... interceptors) {
        this(TestEncryption.converter(), CheckoutPolicy.defaults(), interceptors);
    }

    private CheckoutTestEnvironment(DataConverter converter, CheckoutPolicy policy, WorkerInterceptor... interceptors) {
        env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(converter)
                        .build())
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(interceptors)
                        .build())
                .build());
        serve(env, stock, payment, delivery, policy);
        env.start();
    }

    /**
     * Puts the production topology on a test server: the custom search attributes, the checkout
     * workflow on its task queue and the three fakes on theirs. Also for a server made elsewhere
     * (the Temporal starter's, in the gateway's tests); the caller starts it.
     */
    public static void serve(TestWorkflowEnvironment env, FakeStock stock, FakePayment payment,
            FakeDelivery delivery) {
        serve(env, stock, payment, delivery, CheckoutPolicy.defaults());
    }

    /** As {@link #serve(TestWorkflowEnvironment, FakeStock, FakePayment, FakeDelivery)}, with the checkout worker configured with {@code configured}. */
    public static void serve(TestWorkflowEnvironment env, FakeStock stock, FakePayment payment,
            FakeDelivery delivery, CheckoutPolicy configured) {
        CheckoutPolicyActivities policy = policy(configured);
        OrderSearchAttributes.ALL.forEach(key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
        Worker checkout = env.newWorker(TaskQueues.CHECKOUT);
        checkout.registerWorkflowImplementationTypes(
                CheckoutWorkflowImpl.class, CartWorkflowImpl.class, CustomerOrdersWorkflowImpl.class,
                CustomerOrdersPageWorkflowImpl.class);
        checkout.registerActivitiesImplementations(policy);
        env.newWorker(TaskQueues.STOCK).registerActivitiesImplementations(stock);
        env.newWorker(TaskQueues.PAYMENT).registerActivitiesImplementations(payment);
        env.newWorker(TaskQueues.DELIVERY).registerActivitiesImplementations(delivery);
    }

    /** The local activity a checkout worker must host beside the workflow, answering {@code configured}. */
    public static CheckoutPolicyActivities policy(CheckoutPolicy configured) {
        return new ConfiguredPolicy(configured);
    }

    /** What a checkout worker's configuration hands the workflow. */
    private record ConfiguredPolicy(CheckoutPolicy policy) implements CheckoutPolicyActivities {
    }

    public CallLog log() {
        return log;
    }

    public FakeStock stock() {
        return stock;
    }

    public FakePayment payment() {
        return payment;
    }

    public FakeDelivery delivery() {
        return delivery;
    }

    public WorkflowClient client() {
        return env.getWorkflowClient();
    }

    /** The options the gateway uses: id {@code order-{orderId}} on the checkout task queue. */
    public static WorkflowOptions.Builder optionsFor(String orderId) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(CheckoutWorkflow.workflowId(orderId))
                .setTaskQueue(TaskQueues.CHECKOUT);
    }

    /** Starts the order's workflow without waiting for it and returns its typed stub. */
    public CheckoutWorkflow start(CheckoutRequest request) {
        CheckoutWorkflow workflow = client().newWorkflowStub(CheckoutWorkflow.class,
                optionsFor(request.orderId()).build());
        WorkflowClient.start(workflow::checkout, request);
        return workflow;
    }

    /**
     * Starts the order and cancels it in the same call (update-with-start), as a customer who
     * cancels at once: the cancel is in the order's first workflow task, before any step.
     */
    public OrderView startAndCancel(CheckoutRequest request, String reason) {
        CheckoutWorkflow workflow = client().newWorkflowStub(CheckoutWorkflow.class, optionsFor(request.orderId())
                .setWorkflowIdConflictPolicy(io.temporal.api.enums.v1.WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                .build());
        return WorkflowClient.executeUpdateWithStart(workflow::cancel, reason, CancelledBy.CUSTOMER,
                io.temporal.client.UpdateOptions.<OrderView>newBuilder()
                        .setWaitForStage(io.temporal.client.WorkflowUpdateStage.COMPLETED).build(),
                new io.temporal.client.WithStartWorkflowOperation<>(workflow::checkout, request));
    }

    /** A stub for an order's running (or finished) workflow. */
    public CheckoutWorkflow workflow(String orderId) {
        return client().newWorkflowStub(CheckoutWorkflow.class, CheckoutWorkflow.workflowId(orderId));
    }

    /** Moves the test server's clock forward, running every timer and retry due on the way. */
    public void skip(Duration duration) {
        env.sleep(duration);
    }

    /**
     * Waits (real time, the server's clock does not jump meanwhile) until the order's view matches,
     * and returns that view.
     */
    public OrderView awaitView(String orderId, String description, Predicate<OrderView> condition) {
        AtomicReference<OrderView> seen = new AtomicReference<>();
        await(description).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    seen.set(workflow(orderId).state());
                    return condition.test(seen.get());
                });
        return seen.get();
    }

    /** Waits (skipping time) for the order's final view. */
    public OrderView result(String orderId) {
        return WorkflowStub.fromTyped(workflow(orderId)).getResult(OrderView.class);
    }

    /**
     * Cancels the order's execution as an operator does from the Web UI or the CLI, waits until it
     * closed as cancelled (the SDK closes a cancel-requested execution that way, with no result)
     * and returns the final view kept in its memo.
     */
    public OrderView cancelExecution(String orderId) {
        requestExecutionCancel(orderId);
        return awaitCancelledExecution(orderId);
    }

    /** What the Web UI's or the CLI's cancel does: asks the execution to cancel, returns at once. */
    public void requestExecutionCancel(String orderId) {
        WorkflowStub.fromTyped(workflow(orderId)).cancel();
    }

    /** Waits until the execution closed as cancelled (no result) and returns the view kept in its memo. */
    public OrderView awaitCancelledExecution(String orderId) {
        WorkflowStub execution = WorkflowStub.fromTyped(workflow(orderId));
        assertThatThrownBy(() -> execution.getResult(OrderView.class)).isInstanceOf(WorkflowFailedException.class)
                .cause().isInstanceOf(CanceledFailure.class);
        return keptView(orderId);
    }

    /** The view the order keeps in its memo: what the gateway reads once the order has closed. */
    public OrderView keptView(String orderId) {
        return (OrderView) WorkflowStub.fromTyped(workflow(orderId)).describe().getMemo(CheckoutWorkflow.VIEW_MEMO, OrderView.class);
    }

    /**
     * How many events the order's history holds now, not counting workflow tasks: the Java test
     * server records a workflow task for every Update, also one its validator rejects, where the real
     * server runs that task speculatively and drops it (the real-stack suite counts those too).
     */
    public long historyLengthBesidesWorkflowTasks(String orderId) {
        return storedHistory(orderId).getEventsList().stream()
                .filter(event -> !event.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_TASK_"))
                .count();
    }

    /** Runs the order to its end (skipping time) and returns the final view. */
    public OrderView run(CheckoutRequest request) {
        start(request);
        return result(request.orderId());
    }

    /**
     * The order's event history as the server stores it: the SDK fetches it without passing any
     * payload through the data converter, so what a test sees here is what an operator with
     * server access, but without the key, would see.
     */
    public History storedHistory(String orderId) {
        return client().fetchHistory(CheckoutWorkflow.workflowId(orderId)).getHistory();
    }

    /** Lets time pass on the test server (timers fire without waiting for real). */
    public void sleep(java.time.Duration duration) {
        env.sleep(duration);
    }

    public SearchAttributes searchAttributes(String orderId) {
        return WorkflowStub.fromTyped(workflow(orderId)).describe().getTypedSearchAttributes();
    }

    @Override
    public void close() {
        env.close();
    }
}
