package io.orderflow.customer;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.VersioningBehavior;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the list. Each signal costs the run one signal event and one workflow task; after
 * {@link CustomerOrdersInput#signalsPerRun()} of them (or when the server suggests it) the run
 * continues as new with what it holds as its input. It holds about two pages of the newest
 * orders: whenever it has two full pages it seals all but the newest into page workflows
 * ({@link CustomerOrdersPageWorkflow}) and forgets them once those workflows have closed. So its input,
 * its replay and its answers stay the same size at 20 orders or 20 million.
 */
public class CustomerOrdersWorkflowImpl implements CustomerOrdersWorkflow {

    /** What runs started before sealed pages keep: the newest orders; older ones were let go. */
    static final int MAX_KEPT = 10_000;
    /** Version 1: full pages are sealed into page workflows instead of being let go past {@link #MAX_KEPT}. */
    static final String SEALED_PAGES = "sealed-pages";

    private final List<PlacedOrder> orders = new ArrayList<>();
    /** The held orders' ids: a repeat of one of the newest orders (a retried request) is recorded once. */
    private final Set<String> known = new HashSet<>();
    private final String customerId;
    private final int signalsPerRun;
    private final int pageSize;
    private long dropped;
    private long sealedPages;
    private int signals;

    /** The carried list comes first, before the signal that started (or woke) this run is handled. */
    @WorkflowInit
    public CustomerOrdersWorkflowImpl(CustomerOrdersInput input) {
        customerId = input.customerId();
        signalsPerRun = input.signalsPerRun();
        pageSize = input.pageSize() > 0 ? input.pageSize() : CustomerOrdersInput.DEFAULT_PAGE_SIZE;
        dropped = input.dropped();
        sealedPages = input.sealedPages();
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
        if (Workflow.getVersion(SEALED_PAGES, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
            keepNewestAndContinue();
            return;
        }
        // Sealing comes first, so the input handed over holds at most two pages, plus what arrived
        // during the last round of sealing. Once the run is full it continues after that round
        // even if orders keep coming; sealing never holds the hand-over back. (The server still
        // refuses a continue-as-new that a signal races with; under signals sent back to back
        // with no pause at all the test server kept the run going, see ManyOrdersOfOneCustomerTest.)
        // A list carried over from the older code (up to 10 000 orders) is sealed in its first round.
        boolean full;
        do {
            Workflow.await(() -> orders.size() >= 2 * pageSize || runIsFull());
            full = runIsFull();
            sealAllFullPagesButTheNewest();
        } while (!full);
        continueAsNew();
    }

    /** The run of the code before sealed pages: no child, the newest {@value #MAX_KEPT} carried over. */
    private void keepNewestAndContinue() {
        Workflow.await(this::runIsFull);
        while (orders.size() > MAX_KEPT) {
            known.remove(orders.remove(0).orderId());
            dropped++;
        }
        continueAsNew();
    }

    private boolean runIsFull() {
        return signals >= signalsPerRun || Workflow.getInfo().isContinueAsNewSuggested();
    }

    /**
     * Hands everything over to the next run. Signals already delivered to this task were handled
     * before this point (the handler is synchronous; the await makes that explicit should it ever
     * stop being so). A signal that reaches the server while this task is completing makes the
     * server refuse the continue-as-new and hand the task back with that signal in it, so that it
     * is part of the input too: none is lost.
     */
    private void continueAsNew() {
        Workflow.await(Workflow::isEveryHandlerFinished);
        Workflow.continueAsNew(new CustomerOrdersInput(customerId, signalsPerRun, dropped, List.copyOf(orders),
                pageSize, sealedPages));
    }

    /**
     * Seals every full page but the newest into its page workflow, all at once, and forgets those
     * orders once all of them have closed with their page as their result, so every position is
     * always readable: from the list until then, from the page after. ABANDON: a page must outlive
     * this run, which continues as new. A page id already used by a closed page of an earlier list
     * of this customer (one terminated and started over) is reused: the newest run of an id is
     * this list's.
     */
    private void sealAllFullPagesButTheNewest() {
        int pages = orders.size() / pageSize - 1;
        if (pages <= 0) {
            return;
        }
        List<Promise<SealedPage>> sealing = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            SealedPage page = new SealedPage(customerId, dropped, heldFrom() + (long) i * pageSize,
                    List.copyOf(orders.subList(i * pageSize, (i + 1) * pageSize)));
            CustomerOrdersPageWorkflow child = Workflow.newChildWorkflowStub(CustomerOrdersPageWorkflow.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId(CustomerOrdersPageWorkflow.workflowId(customerId, sealedPages + i))
                            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                            .build());
            sealing.add(Async.function(child::seal, page));
        }
        Promise.allOf(sealing).get();
        // Signals kept arriving while the pages were sealed: they were appended after them.
        List<PlacedOrder> sealed = orders.subList(0, pages * pageSize);
        sealed.forEach(order -> known.remove(order.orderId()));
        sealed.clear();
        sealedPages += pages;
    }

    @Override
    public void placed(PlacedOrder order) {
        signals++;
        add(order);
    }

    @Override
    public PlacedOrderPage page(Long before, int size) {
        long heldFrom = heldFrom();
        long upTo = before == null ? heldFrom + orders.size() : Math.min(before, heldFrom + orders.size());
        if (upTo > heldFrom || sealedPages == 0) {
            return SealedPage.slice(orders, dropped, heldFrom, upTo, size);
        }
        if (upTo <= dropped) {
            return new PlacedOrderPage(List.of(), null);
        }
        long index = (upTo - 1 - dropped) / pageSize;
        long pageStart = dropped + index * pageSize;
        return new PlacedOrderPage(List.of(), pageStart > dropped ? pageStart : null,
                CustomerOrdersPageWorkflow.workflowId(customerId, index));
    }

    /** The position of the oldest order this run holds itself. */
    private long heldFrom() {
        return dropped + sealedPages * pageSize;
    }

    private void add(PlacedOrder order) {
        if (known.add(order.orderId())) {
            orders.add(order);
        }
    }
}
