package io.orderflow.customer;

import io.temporal.common.VersioningBehavior;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the list. Each signal costs the run one signal event and one workflow task; after
 * {@link CustomerOrdersInput#signalsPerRun()} of them (or when the server suggests it) the run continues as new with
 * the list as its input. The newest {@value #MAX_KEPT} orders are kept, which keeps that input far
 * below Temporal's payload limit; older ones remain findable by operator search.
 */
public class CustomerOrdersWorkflowImpl implements CustomerOrdersWorkflow {

    static final int MAX_KEPT = 10_000;

    private final List<PlacedOrder> orders = new ArrayList<>();
    private final Set<String> known = new HashSet<>();
    private final String customerId;
    private final int signalsPerRun;
    private long dropped;
    private int signals;

    /** The carried list comes first, before the signal that started (or woke) this run is handled. */
    @WorkflowInit
    public CustomerOrdersWorkflowImpl(CustomerOrdersInput input) {
        customerId = input.customerId();
        signalsPerRun = input.signalsPerRun();
        dropped = input.dropped();
        input.orders().forEach(this::add);
    }

    /**
     * AUTO_UPGRADE (when the worker runs versioned): the list lives as long as its customer and
     * continues as new; pinned, it would keep every old build running forever. Changes to this code
     * are guarded by getVersion.
     */
    @Override
    @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
    public void run(CustomerOrdersInput ignored) {
        Workflow.await(() -> signals >= signalsPerRun || Workflow.getInfo().isContinueAsNewSuggested());
        // A signal arriving while the run closes makes the server refuse the continue-as-new and
        // hand the task back with that signal in it, so none is lost.
        Workflow.continueAsNew(new CustomerOrdersInput(customerId, signalsPerRun, dropped, List.copyOf(orders)));
    }

    @Override
    public void placed(PlacedOrder order) {
        signals++;
        add(order);
    }

    @Override
    public PlacedOrderPage page(Long before, int size) {
        long end = dropped + orders.size();
        long upTo = before == null ? end : Math.min(before, end);
        long from = Math.max(dropped, upTo - Math.max(size, 0));
        List<PlacedOrder> page = new ArrayList<>();
        for (long position = upTo - 1; position >= from; position--) {
            page.add(orders.get((int) (position - dropped)));
        }
        return new PlacedOrderPage(page, from > dropped ? from : null);
    }

    private void add(PlacedOrder order) {
        if (!known.add(order.orderId())) {
            return;
        }
        orders.add(order);
        if (orders.size() > MAX_KEPT) {
            known.remove(orders.remove(0).orderId());
            dropped++;
        }
    }
}
