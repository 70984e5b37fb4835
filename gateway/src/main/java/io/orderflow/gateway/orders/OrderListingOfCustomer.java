package io.orderflow.gateway.orders;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Status;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.customer.CustomerOrdersWorkflow;
import io.orderflow.customer.PlacedOrder;
import io.orderflow.customer.PlacedOrderPage;
import io.orderflow.customer.SealedPage;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.temporal.TemporalErrors;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.common.SearchAttributes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * "My orders": one customer's orders read from their {@code CustomerOrders} workflow (ids, newest
 * first) and, for each, the order's own search attributes (status, total) through a describe call,
 * which every Temporal server answers, the in-process test server included. The describe calls of
 * a page go out together on gRPC's asynchronous stub (no thread waits per call). A status filter is
 * applied while reading; a page may then come back short, with a token to read on. Entries whose
 * order never started are skipped. Older orders the list has sealed into page workflows are read
 * from the closed page's result, which needs no worker. Page tokens hold a position in the list
 * (sealed like visibility's, {@link PageTokens}); a position names the same order before and after
 * its page was sealed, so tokens keep working.
 */
@Component
class OrderListingOfCustomer {

    /** Orders looked at for one page at most, so a rare status cannot make one request read the whole list. */
    static final int MAX_SCANNED_PER_PAGE = 200;

    private final WorkflowClient client;
    private final PageTokens pageTokens;
    private final Duration describeTimeout;

    OrderListingOfCustomer(WorkflowClient client, PageTokens pageTokens, GatewayProperties properties) {
        this.client = client;
        this.pageTokens = pageTokens;
        this.describeTimeout = properties.orders().queryTimeout();
    }

    OrderPage list(String customerId, OrderStatus status, int pageSize, String pageToken, String caller) {
        String scope = scope(customerId, status);
        Long position = pageToken == null || pageToken.isEmpty()
                ? null : ByteBuffer.wrap(pageTokens.open(pageToken, scope, caller)).getLong();
        List<OrderSummary> orders = new ArrayList<>();
        int scanned = 0;
        do {
            PlacedOrderPage batch = page(customerId, position, pageSize - orders.size());
            List<ListenableFuture<DescribeWorkflowExecutionResponse>> described = batch.orders().stream()
                    .map(placed -> describe(placed.orderId())).toList();
            for (int i = 0; i < described.size(); i++) {
                scanned++;
                summary(customerId, batch.orders().get(i), described.get(i))
                        .filter(summary -> status == null || status.name().equals(summary.status()))
                        .ifPresent(orders::add);
            }
            if (described.isEmpty()) {
                scanned++;  // a page that is gone counts too, so a run of them cannot hold one request long
            }
            position = batch.next();
        } while (position != null && orders.size() < pageSize && scanned < MAX_SCANNED_PER_PAGE);
        return new OrderPage(orders, position == null ? null
                : pageTokens.seal(ByteBuffer.allocate(Long.BYTES).putLong(position).array(), scope, caller));
    }

    /** Whether {@code pageToken} is one this listing gave {@code caller} for this customer and status. */
    boolean continues(String pageToken, String customerId, OrderStatus status, String caller) {
        return pageTokens.issued(pageToken, scope(customerId, status), caller);
    }

    /** What a token is sealed to: a token for another customer's or another status's list is refused. */
    static String scope(String customerId, OrderStatus status) {
        return "customer-orders|" + customerId.length() + ":" + customerId + "|" + (status == null ? "" : status.name());
    }

    private PlacedOrderPage page(String customerId, Long before, int size) {
        PlacedOrderPage fromList = fromList(customerId, before, size);
        return fromList.sealedPage() == null ? fromList : fromSealedPage(fromList, before, size);
    }

    /**
     * The orders before {@code before} from the closed page workflow the list named. A page that
     * Temporal no longer keeps (past the namespace's retention, like the closed orders on it) is
     * skipped: the listing goes on with the older pages.
     */
    private PlacedOrderPage fromSealedPage(PlacedOrderPage pointer, Long before, int size) {
        SealedPage page;
        try {
            page = client.newUntypedWorkflowStub(pointer.sealedPage())
                    .getResult(describeTimeout.toMillis(), TimeUnit.MILLISECONDS, SealedPage.class);
        } catch (WorkflowNotFoundException gone) {
            return new PlacedOrderPage(List.of(), pointer.next());
        } catch (TimeoutException notClosed) {
            // Never expected: the list forgets a page's orders only after the page has closed.
            // Temporal not answering in time, like any call past its deadline: a 503 with Retry-After.
            throw Status.DEADLINE_EXCEEDED.withDescription("the page " + pointer.sealedPage()
                    + " did not answer within " + describeTimeout).asRuntimeException();
        }
        return page.before(before == null ? Long.MAX_VALUE : before, size);
    }

    private PlacedOrderPage fromList(String customerId, Long before, int size) {
        try {
            return client.newWorkflowStub(CustomerOrdersWorkflow.class, CustomerOrdersWorkflow.workflowId(customerId))
                    .page(before, size);
        } catch (WorkflowNotFoundException noOrdersYet) {
            return new PlacedOrderPage(List.of(), null);
        } catch (RuntimeException failure) {
            if (TemporalErrors.is(failure, Status.Code.NOT_FOUND)) {
                return new PlacedOrderPage(List.of(), null);
            }
            throw failure;
        }
    }

    private ListenableFuture<DescribeWorkflowExecutionResponse> describe(String orderId) {
        return client.getWorkflowServiceStubs().futureStub()
                .withDeadlineAfter(describeTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(client.getOptions().getNamespace())
                        .setExecution(WorkflowExecution.newBuilder().setWorkflowId(CheckoutWorkflow.workflowId(orderId)))
                        .build());
    }

    private Optional<OrderSummary> summary(String customerId, PlacedOrder placed,
            ListenableFuture<DescribeWorkflowExecutionResponse> described) {
        WorkflowExecutionDescription order;
        try {
            order = new WorkflowExecutionDescription(described.get(), client.getOptions().getDataConverter());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading orders", interrupted);
        } catch (ExecutionException failed) {
            if (TemporalErrors.is(failed.getCause(), Status.Code.NOT_FOUND)) {
                return Optional.empty();  // its start failed after it was listed
            }
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
        }
        SearchAttributes attributes = order.getTypedSearchAttributes();
        if (!customerId.equals(attributes.get(OrderSearchAttributes.CUSTOMER_ID))) {
            return Optional.empty();
        }
        return Optional.of(new OrderSummary(placed.orderId(), customerId,
                attributes.get(OrderSearchAttributes.ORDER_STATUS),
                attributes.get(OrderSearchAttributes.ORDER_TOTAL_CENTS),
                order.getStartTime()));
    }
}
