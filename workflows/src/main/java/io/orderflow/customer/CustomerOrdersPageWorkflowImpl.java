package io.orderflow.customer;

import io.temporal.common.VersioningBehavior;
import io.temporal.workflow.WorkflowVersioningBehavior;

/** Returns its page: the whole job is to be a closed workflow whose result is the page. */
public class CustomerOrdersPageWorkflowImpl implements CustomerOrdersPageWorkflow {

    /** PINNED: it ends in its first workflow task, so it never holds a build alive. */
    @Override
    @WorkflowVersioningBehavior(VersioningBehavior.PINNED)
    public SealedPage seal(SealedPage page) {
        return page;
    }
}
