package io.orderflow.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.TaskQueues;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowTaskFailedCause;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.interceptors.WorkerInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomerOrdersWorkflowTest {

    private static final String CUSTOMER = "alice";
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final AtomicReference<WorkflowClient> client = new AtomicReference<>();
    private final SignalsOnTheWay signalsOnTheWay = new SignalsOnTheWay(client, CUSTOMER);
    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment(new WorkerInterceptor[] {signalsOnTheWay});

    {
        client.set(env.client());
    }

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void theFirstOrderStartsTheListAndEachFurtherOneJoinsIt() {
        placed(1000, "o-1");
        placed(1000, "o-2");

        assertThat(list().page(null, 10).orders()).extracting(PlacedOrder::orderId).containsExactly("o-2", "o-1");
    }

    @Test
    void anOrderReportedTwiceIsListedOnce() {
        placed(1000, "o-1");
        placed(1000, "o-1");
        placed(1000, "o-2");

        assertThat(list().page(null, 10).orders()).extracting(PlacedOrder::orderId).containsExactly("o-2", "o-1");
    }

    @Test
    void pagesGoNewestFirstAndStayPutWhileNewOrdersArrive() {
        for (int i = 1; i <= 5; i++) {
            placed(1000, "o-" + i);
        }

        PlacedOrderPage first = list().page(null, 2);
        placed(1000, "o-6");
        PlacedOrderPage second = list().page(first.next(), 2);
        PlacedOrderPage last = list().page(second.next(), 2);

        assertThat(first.orders()).extracting(PlacedOrder::orderId).containsExactly("o-5", "o-4");
        assertThat(second.orders()).extracting(PlacedOrder::orderId).containsExactly("o-3", "o-2");
        assertThat(last.orders()).extracting(PlacedOrder::orderId).containsExactly("o-1");
        assertThat(last.next()).isNull();
    }

    @Test
    void continuesAsNewAfterItsSignalBudgetAndLosesNothing() {
        String firstRun = placed(3, "o-1");
        for (int i = 2; i <= 7; i++) {
            placed(3, "o-" + i);
        }

        List<String> all = new ArrayList<>();
        list().page(null, 100).orders().forEach(order -> all.add(order.orderId()));
        assertThat(all).containsExactly("o-7", "o-6", "o-5", "o-4", "o-3", "o-2", "o-1");
        assertThat(WorkflowStub.fromTyped(list()).describe().getExecution().getRunId()).isNotEqualTo(firstRun);
    }

    @Test
    void withTwoFullPagesTheOlderIsSealedIntoAClosedPageWorkflowAndTheListHoldsOnlyTheNewest() {
        for (int i = 1; i <= 10; i++) {
            placed(1000, 3, "o-" + i);
        }
        awaitHeldFrom(6, 1);

        SealedPage oldest = sealedPage(0);
        assertThat(oldest.orders()).extracting(PlacedOrder::orderId).containsExactly("o-1", "o-2", "o-3");
        assertThat(oldest.firstPosition()).isZero();
        assertThat(sealedPage(1).orders()).extracting(PlacedOrder::orderId).containsExactly("o-4", "o-5", "o-6");
        // The list answers from what it holds, and points at the page for anything older.
        assertThat(list().page(null, 100).orders()).extracting(PlacedOrder::orderId)
                .containsExactly("o-10", "o-9", "o-8", "o-7");
        assertThat(list().page(6L, 100).sealedPage()).isEqualTo(CustomerOrdersPageWorkflow.workflowId(CUSTOMER, 1));
        assertThat(reader().all(4)).containsExactly("o-10", "o-9", "o-8", "o-7", "o-6", "o-5", "o-4", "o-3", "o-2", "o-1");
    }

    @Test
    void aPositionHandedOutBeforeItsOrdersWereSealedStillReadsTheSameOrders() {
        for (int i = 1; i <= 5; i++) {
            placed(1000, 3, "o-" + i);
        }
        PlacedOrderPage first = reader().page(null, 2);

        for (int i = 6; i <= 9; i++) {
            placed(1000, 3, "o-" + i);
        }
        awaitHeldFrom(6, 1);
        PlacedOrderPage second = reader().page(first.next(), 2);
        PlacedOrderPage third = reader().page(second.next(), 2);

        assertThat(first.orders()).extracting(PlacedOrder::orderId).containsExactly("o-5", "o-4");
        assertThat(second.orders()).extracting(PlacedOrder::orderId).containsExactly("o-3", "o-2");
        assertThat(third.orders()).extracting(PlacedOrder::orderId).containsExactly("o-1");
        assertThat(third.next()).isNull();
    }

    @Test
    void aListCarriedOverFromTheCodeBeforePagesIsSealedPageByPageAndKeepsItsPositions() {
        // What the older code handed over: the newest 10 000 orders after 5 were let go, no page size.
        List<PlacedOrder> kept = IntStream.rangeClosed(6, 10_005).mapToObj(i -> new PlacedOrder("o-" + i, T0)).toList();
        WorkflowClient.start(env.client().newWorkflowStub(CustomerOrdersWorkflow.class, options())::run,
                new CustomerOrdersInput(CUSTOMER, 1000, 5, kept, 0, 0));

        awaitHeldFrom(5 + 19 * 500, 18);

        assertThat(sealedPage(0).firstPosition()).isEqualTo(5);
        assertThat(sealedPage(0).orders().get(0).orderId()).isEqualTo("o-6");
        assertThat(sealedPage(18).orders()).hasSize(CustomerOrdersInput.DEFAULT_PAGE_SIZE);
        assertThat(list().page(null, 1000).orders()).hasSize(500);
        // Position 7 000 (a token handed out by the older code) still starts at the same order.
        assertThat(reader().page(7_000L, 1).orders()).extracting(PlacedOrder::orderId).containsExactly("o-7000");
        assertThat(reader().all(100)).hasSize(10_000).doesNotHaveDuplicates().startsWith("o-10005").endsWith("o-6");
    }

    @Test
    void aSignalThatReachesTheServerWhileTheListIsContinuingAsNewIsCarriedOver() {
        String firstRun = placed(3, "o-1");
        signalsOnTheWay.whenContinuingAsNew(new PlacedOrder("o-racing", T0));
        placed(3, "o-2");
        placed(3, "o-3");
        await().atMost(Duration.ofSeconds(10)).until(() -> !currentRun().equals(firstRun));

        assertThat(signalsOnTheWay.sent()).isTrue();
        // The server refused the continue-as-new the signal raced with, and the retried task took it along.
        assertThat(env.client().fetchHistory(CustomerOrdersWorkflow.workflowId(CUSTOMER), firstRun).getEvents())
                .anyMatch(CustomerOrdersWorkflowTest::refusedAsUnhandled);
        assertThat(list().page(null, 10).orders()).extracting(PlacedOrder::orderId)
                .containsExactly("o-racing", "o-3", "o-2", "o-1");
    }

    @Test
    void aSignalThatArrivesWhileAPageIsBeingSealedIsKeptAfterThatPage() {
        signalsOnTheWay.whenSealing(new PlacedOrder("o-while-sealing", T0));
        for (int i = 1; i <= 6; i++) {
            placed(1000, 3, "o-" + i);
        }
        awaitHeldFrom(3, 0);

        assertThat(signalsOnTheWay.sent()).isTrue();
        assertThat(sealedPage(0).orders()).extracting(PlacedOrder::orderId).containsExactly("o-1", "o-2", "o-3");
        assertThat(reader().all(2)).containsExactly("o-while-sealing", "o-6", "o-5", "o-4", "o-3", "o-2", "o-1");
    }

    private static boolean refusedAsUnhandled(HistoryEvent event) {
        return event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED
                && event.getWorkflowTaskFailedEventAttributes().getCause()
                        == WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND;
    }

    /** What the gateway does for every order it starts: signal-with-start; returns the run it reached. */
    private String placed(int signalsPerRun, String orderId) {
        return placed(signalsPerRun, CustomerOrdersInput.DEFAULT_PAGE_SIZE, orderId);
    }

    private String placed(int signalsPerRun, int pageSize, String orderId) {
        WorkflowStub stub = env.client().newUntypedWorkflowStub(CustomerOrdersWorkflow.TYPE, options());
        return stub.signalWithStart("placed", new Object[] {new PlacedOrder(orderId, T0)},
                new Object[] {CustomerOrdersInput.first(CUSTOMER, signalsPerRun, pageSize)}).getRunId();
    }

    private static WorkflowOptions options() {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(CustomerOrdersWorkflow.workflowId(CUSTOMER))
                .setTaskQueue(TaskQueues.CHECKOUT)
                .build();
    }

    /** Waits until the list has let go of everything before {@code position}, and checks that page is closed. */
    private void awaitHeldFrom(long position, long newestPage) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Long.valueOf(position).equals(list().page(null, Integer.MAX_VALUE).next()));
        assertThat(env.client().newUntypedWorkflowStub(CustomerOrdersPageWorkflow.workflowId(CUSTOMER, newestPage))
                .describe().getStatus()).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
    }

    private SealedPage sealedPage(long index) {
        return env.client().newUntypedWorkflowStub(CustomerOrdersPageWorkflow.workflowId(CUSTOMER, index))
                .getResult(SealedPage.class);
    }

    private String currentRun() {
        return WorkflowStub.fromTyped(list()).describe().getExecution().getRunId();
    }

    private CustomerOrdersWorkflow list() {
        return env.client().newWorkflowStub(CustomerOrdersWorkflow.class, CustomerOrdersWorkflow.workflowId(CUSTOMER));
    }

    private ListReader reader() {
        return new ListReader(env.client(), CUSTOMER);
    }
}
