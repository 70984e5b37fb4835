package io.orderflow.gateway.orders;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.gateway.temporal.TemporalErrors;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Lists orders. A caller's own orders ("my orders") come from their customer order list
 * ({@link OrderListingOfCustomer}): it works on every Temporal server and shows an order the moment
 * it is accepted. Every other listing (operators searching by customer, status or nothing) is a
 * search of Temporal visibility with the {@code CustomerId} and {@code OrderStatus} search
 * attributes; the raw gRPC call is used because the SDK's stream hides the page token. On a server
 * without list support an operator's search for one customer reads that customer's list instead;
 * every other search gets a {@code 501}, never an empty or wrong list.
 */
@Service
public class OrderListing {

    private static final String ORDER_ID_PREFIX = CheckoutWorkflow.workflowId("");

    private final WorkflowClient client;
    private final PageTokens pageTokens;
    private final OrderListingOfCustomer ownOrders;

    OrderListing(WorkflowClient client, PageTokens pageTokens, OrderListingOfCustomer ownOrders) {
        this.client = client;
        this.pageTokens = pageTokens;
        this.ownOrders = ownOrders;
    }

    /** A page of the orders matching the filter, as {@code caller} (whose page tokens these are) sees them. */
    public OrderPage list(String customerId, OrderStatus status, int pageSize, String pageToken, String caller) {
        return list(customerId, status, null, pageSize, pageToken, caller);
    }

    /**
     * As above, also filtered by whether the order waits for a person ({@code null}: either way).
     * That filter needs visibility (the NeedsAttention search attribute), also for a customer's own orders.
     */
    public OrderPage list(String customerId, OrderStatus status, Boolean needsAttention, int pageSize,
            String pageToken, String caller) {
        boolean oneCustomer = customerId != null && needsAttention == null;
        boolean firstPage = pageToken == null || pageToken.isEmpty();
        if (oneCustomer && (caller.equals(customerId)
                || !firstPage && ownOrders.continues(pageToken, customerId, status, caller))) {
            return ownOrders.list(customerId, status, pageSize, pageToken, caller);
        }
        try {
            return search(customerId, status, needsAttention, pageSize, pageToken, caller);
        } catch (OrderListingUnavailableException noVisibility) {
            // An operator's search for one customer's orders reads that customer's list where the
            // server cannot search (the embedded default); its next pages continue on the list (above).
            if (oneCustomer && firstPage && noVisibility.serverCannotList()) {
                return ownOrders.list(customerId, status, pageSize, null, caller);
            }
            throw noVisibility;
        }
    }

    private OrderPage search(String customerId, OrderStatus status, Boolean needsAttention, int pageSize,
            String pageToken, String caller) {
        String query = query(customerId, status, needsAttention);
        ByteString temporalToken = pageToken == null || pageToken.isEmpty()
                ? ByteString.EMPTY : ByteString.copyFrom(pageTokens.open(pageToken, query, caller));
        ListWorkflowExecutionsRequest request = ListWorkflowExecutionsRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setQuery(query)
                .setPageSize(pageSize)
                .setNextPageToken(temporalToken)
                .build();
        ListWorkflowExecutionsResponse response;
        try {
            response = client.getWorkflowServiceStubs().blockingStub().listWorkflowExecutions(request);
        } catch (StatusRuntimeException failure) {
            Status.Code code = failure.getStatus().getCode();
            if (code == Status.Code.UNIMPLEMENTED) {
                throw OrderListingUnavailableException.serverCannotList(failure);
            }
            if (code == Status.Code.INVALID_ARGUMENT && !TemporalErrors.isUnavailable(failure)) {
                throw new OrderListingUnavailableException("the server rejected the visibility query: "
                        + failure.getStatus().getDescription(), failure);
            }
            throw failure;
        }
        List<OrderSummary> orders = new ArrayList<>();
        response.getExecutionsList().forEach(info -> orders.add(summary(
                new WorkflowExecutionMetadata(info, client.getOptions().getDataConverter()))));
        ByteString next = response.getNextPageToken();
        return new OrderPage(orders, next.isEmpty() ? null : pageTokens.seal(next.toByteArray(), query, caller));
    }

    static String query(String customerId, OrderStatus status) {
        return query(customerId, status, null);
    }

    static String query(String customerId, OrderStatus status, Boolean needsAttention) {
        StringBuilder query = new StringBuilder("WorkflowType = '").append(CheckoutWorkflow.TYPE).append('\'');
        if (customerId != null) {
            query.append(" AND ").append(OrderSearchAttributes.CUSTOMER_ID.getName())
                    .append(" = '").append(escape(customerId)).append('\'');
        }
        if (status != null) {
            query.append(" AND ").append(OrderSearchAttributes.ORDER_STATUS.getName())
                    .append(" = '").append(status.name()).append('\'');
        }
        if (needsAttention != null) {
            String attention = OrderSearchAttributes.NEEDS_ATTENTION.getName();
            // Orders that were never flagged do not have the attribute at all.
            query.append(needsAttention
                    ? " AND " + attention + " = true"
                    : " AND (" + attention + " = false OR " + attention + " IS NULL)");
        }
        // No ORDER BY: SQL visibility stores reject it; their default order is newest first anyway.
        return query.toString();
    }

    /** Customer ids are free text: quote characters must not end the literal (no query injection). */
    private static String escape(String literal) {
        return literal.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static OrderSummary summary(WorkflowExecutionMetadata execution) {
        SearchAttributes attributes = execution.getTypedSearchAttributes();
        String workflowId = execution.getExecution().getWorkflowId();
        String orderId = workflowId.startsWith(ORDER_ID_PREFIX)
                ? workflowId.substring(ORDER_ID_PREFIX.length()) : workflowId;
        return new OrderSummary(orderId,
                attributes.get(OrderSearchAttributes.CUSTOMER_ID),
                attributes.get(OrderSearchAttributes.ORDER_STATUS),
                attributes.get(OrderSearchAttributes.ORDER_TOTAL_CENTS),
                execution.getStartTime());
    }
}
