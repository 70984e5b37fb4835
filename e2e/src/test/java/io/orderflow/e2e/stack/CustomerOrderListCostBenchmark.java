package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.TaskQueues;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.codec.EncryptionKeys;
import io.orderflow.customer.CustomerOrdersInput;
import io.orderflow.customer.CustomerOrdersWorkflow;
import io.orderflow.customer.PlacedOrder;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.identity.testing.DevTokens;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What putting each order on its customer's list costs, on the real stack, in one run: orders are
 * started exactly as the gateway starts them, alternately without the list (one start) and with it
 * (signal-with-start of the list, then the start), so both halves meet the same server, workers
 * and load. Prints latency per placed order for both, the extra events in the list's history per
 * order, and what reading a page of 20 costs as "my orders" and as an operator's visibility search.
 * A benchmark, not a test: it asserts only that every order completed, and runs only when named
 * ({@code -Dtest=CustomerOrderListCostBenchmark}, stack up); numbers go to docs/benchmarks.md.
 */
class CustomerOrderListCostBenchmark {

    private static final int ORDERS_EACH = Integer.getInteger("orderflow.bench.orders", 100);

    @Test
    void measure() throws Exception {
        RealStack.assertUp();
        WorkflowClient client = client();
        OrderflowClient operator = RealStack.client();
        String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(operator.putProduct(sku, "Bench mug", 100, "EUR", 100_000).status()).isEqualTo(200);
        String customer = "bench-" + UUID.randomUUID().toString().substring(0, 8);

        List<Long> without = new ArrayList<>();
        List<Long> with = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 2 * ORDERS_EACH; i++) {
            boolean listed = i % 2 == 1;
            String orderId = UUID.randomUUID().toString();
            long started = System.nanoTime();
            if (listed) {
                client.newUntypedWorkflowStub(CustomerOrdersWorkflow.TYPE, WorkflowOptions.newBuilder()
                                .setWorkflowId(CustomerOrdersWorkflow.workflowId(customer))
                                .setTaskQueue(TaskQueues.CHECKOUT).build())
                        .signalWithStart("placed", new Object[] {new PlacedOrder(orderId, Instant.now())},
                                new Object[] {CustomerOrdersInput.first(customer, 1000)});
            }
            start(client, customer, orderId, sku);
            (listed ? with : without).add(System.nanoTime() - started);
            orders.add(orderId);
        }
        for (String orderId : orders) {
            OrderView view = client.newUntypedWorkflowStub(CheckoutWorkflow.workflowId(orderId)).getResult(OrderView.class);
            assertThat(view.status()).isEqualTo(OrderStatus.COMPLETED);
        }

        List<HistoryEvent> listHistory = client.fetchHistory(CustomerOrdersWorkflow.workflowId(customer)).getEvents();
        long signals = count(listHistory, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
        long tasks = count(listHistory, EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
        int orderEvents = client.fetchHistory(CheckoutWorkflow.workflowId(orders.get(0))).getEvents().size();

        OrderflowClient alice = operator.as(() -> RealStack.TOKENS.accessToken(DevTokens.ALICE));
        for (int i = 0; i < 20; i++) {
            alice.placeOrder(OrderflowClient.order(null, sku, 1, "tok_visa", "GB"), null);
        }
        List<Long> myOrders = new ArrayList<>();
        List<Long> search = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            myOrders.add(timed(() -> assertThat(alice.listOrders("pageSize=20").status()).isEqualTo(200)));
            search.add(timed(() -> assertThat(operator.listOrders("customerId=alice&pageSize=20").status())
                    .isEqualTo(200)));
        }

        System.out.printf("customer-order-list-cost: %d orders each way, sequential, one client%n", ORDERS_EACH);
        System.out.printf("  place (start only)               p50 %.1f ms  p95 %.1f ms  mean %.1f ms%n",
                ms(percentile(without, 50)), ms(percentile(without, 95)), ms(mean(without)));
        System.out.printf("  place (signal-with-start + start) p50 %.1f ms  p95 %.1f ms  mean %.1f ms%n",
                ms(percentile(with, 50)), ms(percentile(with, 95)), ms(mean(with)));
        System.out.printf("  list history: %d events for %d orders (%d signals, %d workflow tasks) = %.2f events/order;"
                        + " a completed order's own history: %d events%n",
                listHistory.size(), ORDERS_EACH, signals, tasks, (double) listHistory.size() / ORDERS_EACH, orderEvents);
        System.out.printf("  page of 20: my orders (query + 20 describes) p50 %.1f ms p95 %.1f ms;"
                + " operator visibility search p50 %.1f ms p95 %.1f ms%n",
                ms(percentile(myOrders, 50)), ms(percentile(myOrders, 95)),
                ms(percentile(search, 50)), ms(percentile(search, 95)));
    }

    private static void start(WorkflowClient client, String customer, String orderId, String sku) {
        CheckoutWorkflow workflow = client.newWorkflowStub(CheckoutWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(CheckoutWorkflow.workflowId(orderId))
                .setTaskQueue(TaskQueues.CHECKOUT)
                .setMemo(Map.of("requestFingerprint", "bench"))
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(OrderSearchAttributes.CUSTOMER_ID, customer)
                        .set(OrderSearchAttributes.ORDER_STATUS, OrderStatus.RECEIVED.name())
                        .build())
                .build());
        WorkflowClient.start(workflow::checkout, new CheckoutRequest(orderId, customer, List.of(new OrderLine(sku, 1)),
                "tok_visa", new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", "GB")));
    }

    /** A client like the gateway's: the stack's Temporal, its payload key (from the stack's credentials). */
    private static WorkflowClient client() throws IOException {
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(RealStack.runDirectory().resolve("credentials.env"))) {
            credentials.load(reader);
        }
        EncryptionKeys keys = EncryptionKeys.of("stack", Map.of("stack", credentials.getProperty("payload_key")));
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget(RealStack.TEMPORAL_ADDRESS).build());
        return WorkflowClient.newInstance(service, WorkflowClientOptions.newBuilder()
                .setDataConverter(OrderflowDataConverter.create(new AesGcmPayloadCodec(keys))).build());
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
    }

    private static long count(List<HistoryEvent> events, EventType type) {
        return events.stream().filter(event -> event.getEventType() == type).count();
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }

    private static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }
}
