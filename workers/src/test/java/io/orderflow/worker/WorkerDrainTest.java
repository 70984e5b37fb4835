package io.orderflow.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.TaskQueues;
import io.orderflow.checkout.CheckoutPolicy;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.CheckoutWorkflowImpl;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.testing.CallLog;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.FakeStock;
import io.orderflow.testing.TestEncryption;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.orderflow.testing.mariadb.MariaDbServer;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scaling in is only safe if a worker that receives SIGTERM drains: it stops polling, lets the
 * task in flight end within its grace period and exits, and nothing it was doing is lost or done
 * twice. A charge that is still waiting for the provider hears of the shutdown on its next
 * heartbeat and hands the attempt back before any money moves, so the worker need not wait it
 * out; another worker charges the order, once. Here the payment worker is a real process against a
 * real MariaDB; the checkout workflow and fake stock/delivery run in this JVM against an in-process
 * Temporal server on a real port. {@code tok_slow} keeps a charge in flight for
 * {@link #SLOW_CHARGE}, which is when the worker is told to stop.
 */
@ExtendWith(MariaDbExtension.class)
class WorkerDrainTest {

    private static final Duration SLOW_CHARGE = Duration.ofSeconds(5);
    /** What a worker needs after its grace period to close its context and leave the JVM. */
    private static final Duration EXIT_AFTER_GRACE = Duration.ofSeconds(3);

    private TestServer.PortBoundTestServer temporal;
    private WorkflowServiceStubs service;
    private WorkflowClient client;
    private WorkerFactory inProcessWorkers;
    private String temporalTarget;
    private String database;

    @BeforeEach
    void startTemporalAndTheOtherRoles(MariaDbServer mariaDb) {
        int port = Ports.free();
        // Real time: the worker processes outside this JVM do not hold the test server's clock, which
        // would otherwise skip ahead to the charge's deadlines while the provider is still waiting.
        temporal = TestServer.createPortBoundServer(port, true);
        temporalTarget = "127.0.0.1:" + port;
        SearchAttributeRegistration.register(temporalTarget, "default");
        service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(temporalTarget).build());
        client = WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setDataConverter(TestEncryption.converter()).build());
        inProcessWorkers = WorkerFactory.newInstance(client);
        Worker checkout = inProcessWorkers.newWorker(TaskQueues.CHECKOUT);
        checkout.registerWorkflowImplementationTypes(CheckoutWorkflowImpl.class);
        checkout.registerActivitiesImplementations(CheckoutTestEnvironment.policy(CheckoutPolicy.defaults()));
        CallLog calls = new CallLog();
        inProcessWorkers.newWorker(TaskQueues.STOCK).registerActivitiesImplementations(new FakeStock(calls));
        Worker delivery = inProcessWorkers.newWorker(TaskQueues.DELIVERY);
        delivery.registerActivitiesImplementations(new FakeDelivery(calls));
        inProcessWorkers.start();
        database = "payment_drain_" + UUID.randomUUID().toString().substring(0, 8);
        mariaDb.createDatabase(database);
    }

    @AfterEach
    void stopEverything() {
        inProcessWorkers.shutdownNow();
        inProcessWorkers.awaitTermination(5, TimeUnit.SECONDS);
        service.shutdownNow();
        temporal.close();
    }

    @Test
    void aChargeWaitingForTheProviderIsHandedBackByTheDrainingWorkerUnchargedAndChargedOnceByTheNext(MariaDbServer mariaDb)
            throws Exception {
        // A rolling update: the next pod polls before the old one is told to stop.
        Duration grace = Duration.ofSeconds(20);
        PaymentWorkerProcess one = launchPaymentWorker(mariaDb, grace);
        PaymentWorkerProcess other = launchPaymentWorker(mariaDb, grace);
        try (one; other) {
            one.awaitReady(Duration.ofSeconds(90));
            other.awaitReady(Duration.ofSeconds(90));
            String orderId = "drain-" + UUID.randomUUID();
            WorkflowStub order = startSlowOrder(orderId);
            awaitChargeInFlight(orderId);
            PaymentWorkerProcess draining = chargingWorker(orderId).startsWith(one.identityPrefix()) ? one : other;
            PaymentWorkerProcess next = draining == one ? other : one;

            long sigterm = System.nanoTime();
            draining.terminate();
            boolean exited = draining.awaitExit(grace.plus(EXIT_AFTER_GRACE));
            Duration exitedAfter = Duration.ofNanos(System.nanoTime() - sigterm);

            assertThat(exited).as("worker exited; log:%n%s", draining.logTail()).isTrue();
            assertThat(exitedAfter).as("exit without waiting out the provider").isLessThan(SLOW_CHARGE);
            assertThat(draining.log()).contains("Draining Temporal workers");
            // The retry starts a backoff after the hand-back and takes SLOW_CHARGE: nothing is charged yet.
            assertThat(chargedRows(mariaDb, orderId)).as("charged by the draining worker").isZero();
            assertThat(providerCharges(mariaDb, orderId)).as("charged at the provider by the draining worker").isZero();
            OrderView view = order.getResult(60, TimeUnit.SECONDS, OrderView.class);
            assertThat(view.status()).as("%s; log:%n%s", view.failure(), next.logTail()).isEqualTo(OrderStatus.COMPLETED);
            // A retry the draining worker still polled for is handed back too: at least two attempts.
            assertThat(chargeAttempts(orderId)).as("the handed-back attempt and the next worker's").isGreaterThanOrEqualTo(2);
            assertThat(chargedRows(mariaDb, orderId)).isEqualTo(1);
            assertThat(providerCharges(mariaDb, orderId)).isEqualTo(1);
        }
    }

    @Test
    void aChargeCutOffByAShortGracePeriodIsRetriedByAnotherWorkerAndChargedOnce(MariaDbServer mariaDb) throws Exception {
        Duration grace = Duration.ofMillis(500);
        Duration exitDeadline = grace.plus(EXIT_AFTER_GRACE);
        assertThat(exitDeadline).as("an exit by then cuts the charge off").isLessThan(SLOW_CHARGE);
        String orderId = "cutoff-" + UUID.randomUUID();
        WorkflowStub order;
        try (PaymentWorkerProcess first = startPaymentWorker(mariaDb, grace)) {
            order = startSlowOrder(orderId);
            awaitChargeInFlight(orderId);

            first.terminate();

            assertThat(first.awaitExit(exitDeadline)).as("exits once its grace is over, before the charge could finish;"
                    + " log:%n%s", first.logTail()).isTrue();
        }
        try (PaymentWorkerProcess second = startPaymentWorker(mariaDb, Duration.ofSeconds(20))) {
            OrderView view = order.getResult(60, TimeUnit.SECONDS, OrderView.class);

            assertThat(view.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(chargeAttempts(orderId)).as("retried after the cut-off attempt timed out").isGreaterThanOrEqualTo(2);
            assertThat(chargedRows(mariaDb, orderId)).isEqualTo(1);
        }
    }

    private PaymentWorkerProcess startPaymentWorker(MariaDbServer mariaDb, Duration grace) {
        PaymentWorkerProcess worker = launchPaymentWorker(mariaDb, grace);
        worker.awaitReady(Duration.ofSeconds(90));
        return worker;
    }

    private PaymentWorkerProcess launchPaymentWorker(MariaDbServer mariaDb, Duration grace) {
        return PaymentWorkerProcess.start(temporalTarget, mariaDb.jdbcUrl(database),
                MariaDbServer.USER, MariaDbServer.PASSWORD, Ports.free(), grace, SLOW_CHARGE);
    }

    private WorkflowStub startSlowOrder(String orderId) {
        CheckoutRequest request = new CheckoutRequest(orderId, "cust-drain", List.of(new OrderLine("MUG-RED", 1)), "tok_slow",
                new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", "GB"));
        CheckoutWorkflow workflow = client.newWorkflowStub(CheckoutWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(CheckoutWorkflow.workflowId(orderId)).setTaskQueue(TaskQueues.CHECKOUT).build());
        WorkflowClient.start(workflow::checkout, request);
        return WorkflowStub.fromTyped(workflow);
    }

    /** The charge is in flight once the payment worker has picked it up (activity task started). */
    private void awaitChargeInFlight(String orderId) throws InterruptedException {
        await("the charge of " + orderId + " started").dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                .until(() -> chargeStarted(orderId));
        // The server marks the attempt started when it hands the task over; nothing outside the
        // worker marks the moment its provider call begins (the simulated provider writes only when
        // the 5 s charge ends). Half a second puts the SIGTERM well inside that call either way.
        Thread.sleep(500);
    }

    /** The identity of the worker running the order's charge. */
    private String chargingWorker(String orderId) {
        return pendingCharge(orderId).orElseThrow().getLastWorkerIdentity();
    }

    private boolean chargeStarted(String orderId) {
        return pendingCharge(orderId).isPresent();
    }

    /** The server writes ActivityTaskStarted only when the attempt ends, so watch pending activities instead. */
    private Optional<PendingActivityInfo> pendingCharge(String orderId) {
        return client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace("default")
                        .setExecution(WorkflowExecution.newBuilder()
                                .setWorkflowId(CheckoutWorkflow.workflowId(orderId)))
                        .build())
                .getPendingActivitiesList().stream()
                .filter(a -> a.getActivityType().getName().equals("PaymentCharge")
                        && a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
                .findFirst();
    }

    private int chargeAttempts(String orderId) {
        WorkflowExecutionHistory history = client.fetchHistory(CheckoutWorkflow.workflowId(orderId));
        long scheduled = history.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
                .filter(e -> e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("PaymentCharge"))
                .map(HistoryEvent::getEventId).findFirst().orElseThrow();
        return history.getEvents().stream()
                .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
                .filter(e -> e.getActivityTaskStartedEventAttributes().getScheduledEventId() == scheduled)
                .mapToInt(e -> e.getActivityTaskStartedEventAttributes().getAttempt())
                .max().orElse(0);
    }

    private int chargedRows(MariaDbServer mariaDb, String orderId) throws SQLException {
        return count(mariaDb, "SELECT COUNT(*) FROM payment WHERE order_id = ? AND state = 'CHARGED'", orderId);
    }

    /** The simulated provider's own books: what money really moved for the order. */
    private int providerCharges(MariaDbServer mariaDb, String orderId) throws SQLException {
        return count(mariaDb, "SELECT COUNT(*) FROM sim_provider_charge WHERE idempotency_key = ?", orderId);
    }

    private int count(MariaDbServer mariaDb, String sql, String orderId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(mariaDb.jdbcUrl(database), MariaDbServer.USER, MariaDbServer.PASSWORD);
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, orderId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
