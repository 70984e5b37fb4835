package io.orderflow.bench.ceiling;

import io.temporal.activity.ActivityInterface;

/** Does nothing: what is measured is Temporal scheduling it, a worker polling it and reporting back. */
@ActivityInterface
public interface NoOpActivity {

    /** One task queue per step, like stock, payment and delivery. */
    String[] TASK_QUEUES = {"ceiling-stock", "ceiling-payment", "ceiling-delivery"};

    void step();
}
