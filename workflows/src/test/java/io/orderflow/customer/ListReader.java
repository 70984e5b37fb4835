package io.orderflow.customer;

import io.temporal.client.WorkflowClient;
import java.util.ArrayList;
import java.util.List;

/** Reads a customer's whole list page by page as the gateway does: from the list, then from its sealed pages. */
final class ListReader {

    private final WorkflowClient client;
    private final String customerId;

    ListReader(WorkflowClient client, String customerId) {
        this.client = client;
        this.customerId = customerId;
    }

    /** Up to {@code size} orders before {@code before}, from wherever they are kept. */
    PlacedOrderPage page(Long before, int size) {
        PlacedOrderPage fromList = client.newWorkflowStub(CustomerOrdersWorkflow.class,
                CustomerOrdersWorkflow.workflowId(customerId)).page(before, size);
        if (fromList.sealedPage() == null) {
            return fromList;
        }
        return client.newUntypedWorkflowStub(fromList.sealedPage()).getResult(SealedPage.class)
                .before(before == null ? Long.MAX_VALUE : before, size);
    }

    /** Every order id, newest first, read {@code size} at a time. */
    List<String> all(int size) {
        List<String> ids = new ArrayList<>();
        Long position = null;
        do {
            PlacedOrderPage page = page(position, size);
            page.orders().forEach(order -> ids.add(order.orderId()));
            position = page.next();
        } while (position != null);
        return ids;
    }
}
