package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.customer.CustomerOrdersWorkflow;
import io.orderflow.customer.PlacedOrderPage;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "My orders" of a customer with 20 000 orders, on the in-process test server: each order is put
 * on the customer's list exactly as the gateway does before starting it ({@link OrderListingRecorder}),
 * and the list is read through the API page by page. Each order is a workflow {@code order-{id}}
 * with the gateway's search attributes on a task queue no worker polls (20 000 full sagas would
 * take too long here; the listing reads only the order's search attributes). About 25 seconds
 * on two cores.
 */
class ManyOrdersOfOneCustomerTest extends GatewayIntegrationTest {

    private static final String CUSTOMER = "customer-with-many-orders";
    private static final int ORDERS = 20_000;
    private static final int PAGE_SIZE = 100;
    /** No payload the list writes or answers may come near Temporal's 512 KB warning, whatever the volume. */
    private static final int PAYLOAD_BOUND = 256 * 1024;

    @Autowired
    private OrderListingRecorder recorder;

    @Autowired
    private WorkflowClient client;

    @Test
    void twentyThousandOrdersAreListedNewestFirstEachExactlyOnceWhileTheListStaysSmall() {
        List<String> placed = new ArrayList<>();
        ExecutorService starts = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> started = new ArrayList<>();
        String earlyToken = null;
        String runBefore = "";
        for (int i = 0; i < ORDERS; i++) {
            String orderId = "many-" + i;
            recorder.placed(CUSTOMER, orderId);
            started.add(CompletableFuture.runAsync(() -> startUnpolledOrder(orderId), starts));
            placed.add(orderId);
            if (i % 1000 == 999) {
                awaitContinuedAsNew(runBefore);
                runBefore = currentRun();
            }
            if (i == 599) {
                CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
                earlyToken = listPage(null).path("nextPageToken").asText();
            }
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        starts.shutdown();

        List<String> listed = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = listPage(token);
            page.path("orders").forEach(order -> listed.add(order.path("orderId").asText()));
            token = page.path("nextPageToken").isNull() ? null : page.path("nextPageToken").asText();
        } while (token != null);

        Collections.reverse(placed);
        assertThat(listed).hasSize(ORDERS).doesNotHaveDuplicates().isEqualTo(placed);
        // A token handed out at 600 orders, before those orders were sealed into a page, reads on where it did.
        assertThat(ids(listPage(earlyToken))).containsExactlyElementsOf(
                placed.subList(ORDERS - 500, ORDERS - 500 + PAGE_SIZE));
        assertThat(largestPayloadTheListWrote()).isLessThan(PAYLOAD_BOUND);
        assertThat(largestQueryAnswer()).isLessThan(PAYLOAD_BOUND);
    }

    /**
     * Waits (at most 30 s) until the list has continued as new since {@code run}. Signals sent
     * back to back from one thread, with no pause at all, kept the test server refusing and the
     * worker not retrying the list's continue-as-new (one run took all 20 000 signals); one
     * customer's orders are never that dense, so the test lets each thousand be handed over.
     */
    private void awaitContinuedAsNew(String run) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !currentRun().equals(run));
    }

    private String currentRun() {
        return client.newUntypedWorkflowStub(CustomerOrdersWorkflow.workflowId(CUSTOMER)).describe()
                .getExecution().getRunId();
    }

    /** What the gateway starts for an order, minus a worker to run it: its id and search attributes. */
    private void startUnpolledOrder(String orderId) {
        client.newUntypedWorkflowStub(CheckoutWorkflow.TYPE, WorkflowOptions.newBuilder()
                        .setWorkflowId(CheckoutWorkflow.workflowId(orderId))
                        .setTaskQueue("not-polled-in-this-test")
                        .setTypedSearchAttributes(SearchAttributes.newBuilder()
                                .set(OrderSearchAttributes.CUSTOMER_ID, CUSTOMER)
                                .set(OrderSearchAttributes.ORDER_STATUS, OrderStatus.RECEIVED.name())
                                .set(OrderSearchAttributes.ORDER_TOTAL_CENTS, 1250L)
                                .build())
                        .build())
                .start();
    }

    /** One page as an operator searching for the customer reads it (this server has no visibility). */
    private JsonNode listPage(String token) {
        String path = "/api/v1/orders?customerId=" + CUSTOMER + "&pageSize=" + PAGE_SIZE
                + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        ApiClient.Reply reply = api().get(path);
        while (reply.status() == 429) {  // the per-subject rate limit, not the listing: wait as told
            sleep(Duration.ofSeconds(Long.parseLong(reply.header("Retry-After"))));
            reply = api().get(path);
        }
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The largest payload in every run of the list: its inputs, the signals and the pages it sealed. */
    private int largestPayloadTheListWrote() {
        String workflowId = CustomerOrdersWorkflow.workflowId(CUSTOMER);
        String runId = client.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId();
        int largest = 0;
        int runs = 0;
        while (!runId.isEmpty()) {
            List<HistoryEvent> events = client.fetchHistory(workflowId, runId).getEvents();
            for (HistoryEvent event : events) {
                largest = Math.max(largest, largestIn(event));
            }
            runId = events.get(0).getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
            runs++;
        }
        // One run per thousand signals; a run takes a few more while its last pages are sealed.
        assertThat(runs).as("runs of the list").isGreaterThan(ORDERS / 2000);
        return largest;
    }

    private static int largestIn(HistoryEvent event) {
        List<Payloads> payloads = List.of(
                event.getWorkflowExecutionStartedEventAttributes().getInput(),
                event.getWorkflowExecutionContinuedAsNewEventAttributes().getInput(),
                event.getWorkflowExecutionSignaledEventAttributes().getInput(),
                event.getStartChildWorkflowExecutionInitiatedEventAttributes().getInput(),
                event.getChildWorkflowExecutionCompletedEventAttributes().getResult());
        return payloads.stream().mapToInt(Payloads::getSerializedSize).max().orElse(0);
    }

    /** The list's answer to the largest page anyone can ask of it: everything it holds. */
    private int largestQueryAnswer() {
        PlacedOrderPage everything = client.newWorkflowStub(CustomerOrdersWorkflow.class,
                CustomerOrdersWorkflow.workflowId(CUSTOMER)).page(null, Integer.MAX_VALUE);
        return client.getOptions().getDataConverter().toPayloads(everything).orElseThrow().getSerializedSize();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("orders").forEach(order -> ids.add(order.path("orderId").asText()));
        return ids;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
