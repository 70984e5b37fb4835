package io.orderflow.gateway.orders;

import io.grpc.Status;
import io.orderflow.TaskQueues;
import io.orderflow.checkout.CarrierEvent;
import io.orderflow.checkout.CancelledBy;
import io.orderflow.checkout.CarrierEventReceipt;
import io.orderflow.checkout.CheckoutFailures;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.DeliveryResolution;
import io.orderflow.checkout.OrderItemView;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.checkout.TimelineEntry;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.security.Caller;
import io.orderflow.gateway.temporal.CallsWithDeadline;
import io.orderflow.gateway.temporal.TemporalErrors;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Service;

/**
 * Orders are checkout workflows: placing one starts {@code order-{orderId}}, reading one runs the
 * {@code state} query (or, once it has finished, reads its result), cancelling one sends the
 * {@code cancel} Update; carrier events and operators' resolutions and retries are Updates too. The
 * gateway keeps no copy.
 */
@Service
public class OrderWorkflows {

    private final WorkflowClient client;
    private final OrderListingRecorder listing;
    private final ExecutorService queryExecutor;
    private final CallsWithDeadline deadlines;
    private final GatewayProperties.Orders settings;
    private final Clock clock;
    /** Waits this gateway holds right now; capped so that a flood of them cannot exhaust it. */
    private final Semaphore waits;

    public OrderWorkflows(WorkflowClient client, ExecutorService orderQueryExecutor, CallsWithDeadline deadlines,
            GatewayProperties properties, MeterRegistry meters, OrderListingRecorder listing) {
        this.client = client;
        this.deadlines = deadlines;
        this.listing = listing;
        this.queryExecutor = orderQueryExecutor;
        this.settings = properties.orders();
        this.clock = Clock.systemUTC();
        this.waits = new Semaphore(settings.maxConcurrentWaits());
        Gauge.builder("orderflow.gateway.waits.active", waits,
                        permits -> settings.maxConcurrentWaits() - permits.availablePermits())
                .description("waitForTerminal calls this gateway is holding")
                .register(meters);
    }

    /** The outcome of a place call: the order and whether this call started it. */
    public record Placed(OrderView view, boolean created) {
    }

    /**
     * Starts the checkout for a client-chosen order id (an Idempotency-Key), or returns the order
     * this id already names. The fingerprint in the memo tells a retry of the same request (same
     * order back) from a reused key (422).
     */
    public Placed place(String orderId, PlaceOrderRequest request) {
        String fingerprint = RequestFingerprint.of(request);
        Optional<WorkflowExecutionDescription> existing = describe(orderId);
        if (existing.isPresent()) {
            return replay(orderId, request, fingerprint, existing.get());
        }
        start(orderId, request, fingerprint);
        // Check the winner's memo: with USE_EXISTING a concurrent request with another body "succeeds" too.
        WorkflowExecutionDescription started = describe(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        if (!fingerprint.equals(fingerprintOf(started))) {
            throw new IdempotencyKeyReusedException(orderId);
        }
        return new Placed(asReceived(orderId, request, OrderStatus.RECEIVED), true);
    }

    /**
     * Starts the checkout for an order id the gateway just minted. Nobody else can know that id, so
     * the idempotency look-ups of {@link #place} are skipped: one start call and the answer. The
     * gateway never waits for the workflow to run, so accepting an order does not depend on how
     * busy the checkout workers are.
     */
    public Placed placeNew(String orderId, PlaceOrderRequest request) {
        start(orderId, request, RequestFingerprint.of(request));
        return new Placed(asReceived(orderId, request, OrderStatus.RECEIVED), true);
    }

    private void start(String orderId, PlaceOrderRequest request, String fingerprint) {
        listing.placed(request.customerId(), orderId);
        CheckoutWorkflow workflow = client.newWorkflowStub(CheckoutWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(CheckoutWorkflow.workflowId(orderId))
                .setTaskQueue(TaskQueues.CHECKOUT)
                // A concurrent duplicate joins the running order; a finished order id is never reused.
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setMemo(Map.of(RequestFingerprint.MEMO_KEY, fingerprint))
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(OrderSearchAttributes.CUSTOMER_ID, request.customerId())
                        .set(OrderSearchAttributes.ORDER_STATUS, OrderStatus.RECEIVED.name())
                        .build())
                .build());
        try {
            WorkflowClient.start(workflow::checkout, request.toCheckoutRequest(orderId));
        } catch (WorkflowExecutionAlreadyStarted raced) {
            // Another request with this key got there first (and its order already finished).
        }
    }

    private Placed replay(String orderId, PlaceOrderRequest request, String fingerprint,
            WorkflowExecutionDescription existing) {
        if (!fingerprint.equals(fingerprintOf(existing))) {
            throw new IdempotencyKeyReusedException(orderId);
        }
        try {
            return new Placed(currentView(orderId), false);
        } catch (RuntimeException noAnswer) {
            if (!TemporalErrors.isUnavailable(noAnswer)) {
                throw noAnswer;
            }
            // No checkout worker answered in time: the indexed status is the honest answer.
            OrderStatus indexed = Optional.ofNullable(existing.getTypedSearchAttributes()
                            .get(OrderSearchAttributes.ORDER_STATUS))
                    .map(OrderStatus::valueOf)
                    .orElse(OrderStatus.RECEIVED);
            return new Placed(asReceived(orderId, request, indexed), false);
        }
    }

    /** The order as it stands now, via the {@code state} query, if the caller may see it. */
    public OrderView view(String orderId, Caller caller) {
        OrderView view = currentView(orderId);
        if (!caller.mayActFor(view.customerId())) {
            throw new OrderNotFoundException(orderId);
        }
        return view;
    }

    /**
     * Completes as soon as the order is terminal, or with its current view when {@code wait} runs
     * out. No thread waits meanwhile: the result is a long poll on Temporal's async client, and only
     * the final state query runs on the bounded query pool. Ownership is checked before waiting, so
     * nobody can learn when someone else's order ends.
     *
     * @throws TooManyWaitsException when this gateway already holds its maximum of waits
     */
    public CompletableFuture<OrderView> awaitTerminal(String orderId, Duration wait, Caller caller) {
        requireVisibleTo(orderId, caller);
        if (!waits.tryAcquire()) {
            throw new TooManyWaitsException(settings.maxConcurrentWaits(), settings.waitRetryAfter());
        }
        CompletableFuture<OrderView> outcome;
        try {
            outcome = client.newUntypedWorkflowStub(CheckoutWorkflow.workflowId(orderId))
                    .getResultAsync(wait.toMillis(), TimeUnit.MILLISECONDS, OrderView.class)
                    .handleAsync((view, failure) -> failure == null ? view : afterWait(orderId, failure), queryExecutor);
        } catch (RuntimeException notStarted) {
            waits.release();
            throw notStarted;
        }
        outcome.whenComplete((view, failure) -> waits.release());
        return outcome;
    }

    private OrderView afterWait(String orderId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return currentView(orderId);
        }
        if (cause instanceof WorkflowNotFoundException || TemporalErrors.is(cause, Status.Code.NOT_FOUND)) {
            throw new OrderNotFoundException(orderId);
        }
        if (cause instanceof WorkflowException) {
            // Terminated or failed outside the saga's own handling: the query still tells the story.
            return currentView(orderId);
        }
        throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /**
     * Sends the {@code cancel} Update; the workflow's validator decides whether it is too late.
     * Someone else's order is "not found", exactly like an order that never existed.
     */
    public OrderView cancel(String orderId, String reason, Caller caller) {
        String owner = requireVisibleTo(orderId, caller);
        // An operator cancelling someone's order is the operator's cancel; their own order, a customer's.
        CancelledBy by = caller.isOperator() && !caller.subject().equals(owner) ? CancelledBy.OPERATOR : CancelledBy.CUSTOMER;
        try {
            return deadlines.call(() -> stub(orderId).cancel(reason, by), settings.updateTimeout());
        } catch (WorkflowUpdateException rejected) {
            if (rejected.getCause() instanceof ApplicationFailure failure
                    && CheckoutFailures.NOT_CANCELLABLE.equals(failure.getType())) {
                throw new OrderNotCancellableException(orderId, failure.getOriginalMessage());
            }
            throw rejected;
        } catch (WorkflowNotFoundException | io.grpc.StatusRuntimeException notRunning) {
            if (notRunning instanceof io.grpc.StatusRuntimeException
                    && !TemporalErrors.is(notRunning, Status.Code.NOT_FOUND)) {
                throw notRunning;
            }
            // The order exists (checked above) but an Update cannot reach a closed workflow.
            throw new OrderNotCancellableException(orderId, "the order has already finished");
        }
    }

    /**
     * Hands a carrier event to the order. {@code ACCEPTED} when it is new; {@code DUPLICATE} when it
     * can change nothing: the order saw its {@code eventId} before, was already picked up or its
     * parcel already arrived (its validator refuses those before they reach the history), or the
     * order has finished.
     *
     * @throws OrderNotFoundException no such order
     * @throws ShipmentNotFoundException the order has no shipment with that tracking number
     */
    public CarrierEventReceipt reportCarrierEvent(String orderId, CarrierEvent event) {
        requireExists(orderId);
        try {
            return deadlines.call(() -> stub(orderId).reportCarrierEvent(event), settings.updateTimeout());
        } catch (WorkflowUpdateException rejected) {
            if (isRejectedAs(rejected, CheckoutFailures.UNKNOWN_SHIPMENT)) {
                throw new ShipmentNotFoundException(orderId);
            }
            if (isRejectedAs(rejected, CheckoutFailures.CARRIER_EVENT_IGNORED)) {
                return CarrierEventReceipt.DUPLICATE;
            }
            throw rejected;
        } catch (RuntimeException failure) {
            if (isClosed(failure)) {
                return CarrierEventReceipt.DUPLICATE;
            }
            throw failure;
        }
    }

    /** An operator's resolution of an overdue delivery (operators only: no ownership check). */
    public OrderView resolveDelivery(String orderId, DeliveryResolution resolution) {
        requireExists(orderId);
        try {
            return deadlines.call(() -> stub(orderId).resolveDelivery(resolution), settings.updateTimeout());
        } catch (WorkflowUpdateException rejected) {
            if (rejected.getCause() instanceof ApplicationFailure failure) {
                throw new OrderNotAwaitingResolutionException(orderId, failure.getOriginalMessage());
            }
            throw rejected;
        } catch (RuntimeException failure) {
            if (isClosed(failure)) {
                throw new OrderNotAwaitingResolutionException(orderId, "the order has already finished");
            }
            throw failure;
        }
    }

    /** Makes the order's failing compensation try again now (operators only). */
    public OrderView retryCompensation(String orderId) {
        requireExists(orderId);
        try {
            return deadlines.call(() -> stub(orderId).retryCompensation(), settings.updateTimeout());
        } catch (WorkflowUpdateException rejected) {
            if (isRejectedAs(rejected, CheckoutFailures.NO_COMPENSATION_RUNNING)) {
                throw new NoCompensationRunningException(orderId,
                        ((ApplicationFailure) rejected.getCause()).getOriginalMessage());
            }
            throw rejected;
        } catch (RuntimeException failure) {
            if (isClosed(failure)) {
                throw new NoCompensationRunningException(orderId, "the order has already finished");
            }
            throw failure;
        }
    }

    private void requireExists(String orderId) {
        if (describe(orderId).isEmpty()) {
            throw new OrderNotFoundException(orderId);
        }
    }

    private static boolean isRejectedAs(WorkflowUpdateException rejected, String type) {
        return rejected.getCause() instanceof ApplicationFailure failure && type.equals(failure.getType());
    }

    /** An Update cannot reach a closed workflow: the server answers NOT_FOUND for an order that exists. */
    private static boolean isClosed(RuntimeException failure) {
        return failure instanceof WorkflowNotFoundException || TemporalErrors.is(failure, Status.Code.NOT_FOUND);
    }

    /**
     * The order as it stands. A closed order is read from what its closed workflow keeps, never by a
     * query: orders are pinned to the checkout build they ran on, which may since have been retired,
     * and a query needs a worker of that build. The view in the memo covers every way of closing
     * (completed, failed, cancelled by anyone, terminated); orders from before it existed have their
     * result if they completed. A running order answers the {@code state} query.
     */
    private OrderView currentView(String orderId) {
        try {
            WorkflowStub order = client.newUntypedWorkflowStub(CheckoutWorkflow.workflowId(orderId));
            WorkflowExecutionDescription description = order.describe();
            WorkflowExecutionStatus status = description.getStatus();
            if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
                OrderView kept = (OrderView) description.getMemo(CheckoutWorkflow.VIEW_MEMO, OrderView.class);
                if (kept != null) {
                    return kept;
                }
                if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
                    return order.getResult(OrderView.class);
                }
                // Closed otherwise before views were kept: only its own build can still tell.
            }
            return stub(orderId).state();
        } catch (WorkflowNotFoundException notFound) {
            throw new OrderNotFoundException(orderId);
        } catch (WorkflowException | io.grpc.StatusRuntimeException failure) {
            if (TemporalErrors.is(failure, Status.Code.NOT_FOUND)) {
                throw new OrderNotFoundException(orderId);
            }
            throw failure;
        }
    }

    /**
     * The owner is the {@code CustomerId} search attribute the gateway set when it started the order.
     *
     * @return the owner
     */
    private String requireVisibleTo(String orderId, Caller caller) {
        String owner = describe(orderId)
                .map(description -> description.getTypedSearchAttributes().get(OrderSearchAttributes.CUSTOMER_ID))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
        if (!caller.mayActFor(owner)) {
            throw new OrderNotFoundException(orderId);
        }
        return owner;
    }

    private OrderView asReceived(String orderId, PlaceOrderRequest request, OrderStatus status) {
        List<OrderItemView> items = request.items().stream()
                .map(item -> new OrderItemView(item.sku(), item.quantity(), null))
                .toList();
        return new OrderView(orderId, request.customerId(), status, items, null, null, null, null, null, null,
                List.of(new TimelineEntry(OrderStatus.RECEIVED, clock.instant())));
    }

    private Optional<WorkflowExecutionDescription> describe(String orderId) {
        try {
            return Optional.of(client.newUntypedWorkflowStub(CheckoutWorkflow.workflowId(orderId)).describe());
        } catch (WorkflowNotFoundException notFound) {
            return Optional.empty();
        } catch (RuntimeException failure) {
            if (TemporalErrors.is(failure, Status.Code.NOT_FOUND)) {
                return Optional.empty();
            }
            throw failure;
        }
    }

    private static String fingerprintOf(WorkflowExecutionDescription description) {
        Object memo = description.getMemo(RequestFingerprint.MEMO_KEY, String.class);
        return memo == null ? null : memo.toString();
    }

    private CheckoutWorkflow stub(String orderId) {
        return client.newWorkflowStub(CheckoutWorkflow.class, CheckoutWorkflow.workflowId(orderId));
    }
}
