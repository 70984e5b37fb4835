package io.orderflow.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.TaskQueues;
import io.orderflow.cart.EntityHistories;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.interceptors.WorkerInterceptor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Walks customers' lists through the shapes their histories can take and records them (with
 * {@code -Dorderflow.recordHistories=true}) for the replay test. {@code first-run} and
 * {@code second-run} were recorded by the code before sealed pages and are kept as they are:
 * they prove that lists running that code when it was deployed still replay, as does
 * {@code holding-many-before-pages}: a run of that code holding 1 201 orders, which today's code
 * would seal into pages if the change were not guarded.
 */
class CustomerOrdersHistoryRecorderTest {

    private static final Instant PLACED_AT = Instant.parse("2026-11-30T10:00:00Z");

    private final AtomicReference<WorkflowClient> client = new AtomicReference<>();
    private final SignalsOnTheWay signalsOnTheWay = new SignalsOnTheWay(client, "paged");
    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment(new WorkerInterceptor[] {signalsOnTheWay});

    {
        client.set(env.client());
    }

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    /**
     * Pages of two, six signals a run: a repeat, a page sealed, a signal racing the continue-as-new
     * (refused by the server, retried with it), a second page sealed before continuing.
     */
    @Test
    void placedRepeatedSealedRacedAndContinuedPath() {
        String firstRun = placed("paged", "o-1");
        placed("paged", "o-2");
        placed("paged", "o-1");
        placed("paged", "o-3");
        placed("paged", "o-4");
        signalsOnTheWay.whenContinuingAsNew(new PlacedOrder("o-racing", PLACED_AT));
        placed("paged", "o-5");
        await().atMost(Duration.ofSeconds(10)).until(() -> !currentRun("paged").equals(firstRun));
        String secondRun = placed("paged", "o-6");

        // Recorded before reading: waiting on a page's result lets the test server skip time, up
        // to the list's ten-year run timeout.
        record("paged", firstRun, "paged-first-run");
        record("paged", secondRun, "paged-second-run");
        String page = CustomerOrdersPageWorkflow.workflowId("paged", 0);
        EntityHistories.recordIfRequested(env.client(), CustomerOrdersPageWorkflow.TYPE, page,
                env.client().newUntypedWorkflowStub(page).describe().getExecution().getRunId(), "sealed");
        assertThat(signalsOnTheWay.sent()).isTrue();
        assertThat(new ListReader(env.client(), "paged").all(10))
                .containsExactly("o-6", "o-racing", "o-5", "o-4", "o-3", "o-2", "o-1");
    }

    /** A run of today's code started with what a run of the code before pages handed over: 1 000 orders, no page size. */
    @Test
    void carriedOverFromTheCodeBeforePagesPath() {
        List<PlacedOrder> kept = IntStream.rangeClosed(1, 1000).mapToObj(i -> new PlacedOrder("o-" + i, PLACED_AT)).toList();
        WorkflowStub list = env.client().newUntypedWorkflowStub(CustomerOrdersWorkflow.TYPE, options("carried"));
        String run = list.start(new CustomerOrdersInput("carried", 1000, 0, kept, 0, 0)).getRunId();
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(500).equals(lists("carried").page(null, 1000).next()));
        placed("carried", "o-1001");

        record("carried", run, "carried-over-sealed");
        assertThat(new ListReader(env.client(), "carried").all(100)).hasSize(1001).startsWith("o-1001", "o-1000");
    }

    private void record(String customerId, String runId, String path) {
        EntityHistories.recordIfRequested(env.client(), CustomerOrdersWorkflow.TYPE,
                CustomerOrdersWorkflow.workflowId(customerId), runId, path);
    }

    private CustomerOrdersWorkflow lists(String customerId) {
        return env.client().newWorkflowStub(CustomerOrdersWorkflow.class, CustomerOrdersWorkflow.workflowId(customerId));
    }

    private String currentRun(String customerId) {
        return env.client().newUntypedWorkflowStub(CustomerOrdersWorkflow.workflowId(customerId)).describe()
                .getExecution().getRunId();
    }

    private static WorkflowOptions options(String customerId) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(CustomerOrdersWorkflow.workflowId(customerId))
                .setTaskQueue(TaskQueues.CHECKOUT)
                .build();
    }

    private String placed(String customerId, String orderId) {
        return env.client().newUntypedWorkflowStub(CustomerOrdersWorkflow.TYPE, options(customerId))
                .signalWithStart("placed", new Object[] {new PlacedOrder(orderId, PLACED_AT)},
                        new Object[] {CustomerOrdersInput.first(customerId, 6, 2)}).getRunId();
    }
}
