package io.orderflow.payment;

import io.orderflow.persistence.RowConflicts;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The payment activities the payment worker registers (bean name {@code paymentActivities}).
 *
 * <p>A charge is: look for the order's row; if none, ask the provider (idempotency key = order id)
 * OUTSIDE any database transaction, since it may take seconds; then record the charge in a short
 * transaction. Two concurrent charges of one order both reach the provider, which moves money
 * once, and only one of them records it; the other answers from the recorded row. Provider
 * outages surface as ordinary exceptions, which Temporal retries.
 *
 * <p>A refund writes ahead instead: it commits the decision ({@code REFUNDING}, or a
 * {@code TOMBSTONE} if nothing was charged) in a short transaction, asks the provider with no
 * transaction open, then confirms in another. A crash or a concurrent refund in between finds the
 * pending row and asks the provider again, which refunds a key once; a late charge finds the
 * decision and is refused.
 *
 * <p>Both hand the provider this attempt's {@link Heartbeat}: while the provider takes its time
 * the attempt heartbeats, and a cancel of the order's step (delivered on a heartbeat) ends the
 * charge before the provider charges anything. The activity then ends cancelled (the exception
 * propagates as it is) and writes nothing, so the refund compensation that follows finds no
 * charge and leaves its tombstone; and should the step be retried instead (a worker shutting down),
 * the retry is a first charge of the order id like any other.
 */
@Component("paymentActivities")
public class PaymentActivitiesImpl implements PaymentActivities {

    private final PaymentLedger ledger;
    private final PaymentProvider provider;

    public PaymentActivitiesImpl(PaymentLedger ledger, PaymentProvider provider) {
        this.ledger = ledger;
        this.provider = provider;
    }

    @Override
    public PaymentReceipt charge(ChargeRequest request) {
        Heartbeat heartbeat = Heartbeat.ofCurrentAttempt();
        return RowConflicts.retry(() -> chargeOnce(request, heartbeat));
    }

    @Override
    public void refund(String orderId) {
        Heartbeat heartbeat = Heartbeat.ofCurrentAttempt();
        PaymentState decided = RowConflicts.retry(() -> ledger.beginRefund(orderId));
        if (decided == PaymentState.REFUNDED) {
            return;
        }
        // Also for a tombstone: a charge whose reply or bookkeeping was lost may still have moved
        // money, and refunding an unknown key is a no-op at the provider.
        provider.refund(orderId, heartbeat);
        if (decided == PaymentState.REFUNDING) {
            ledger.confirmRefund(orderId);
        }
    }

    private PaymentReceipt chargeOnce(ChargeRequest request, Heartbeat heartbeat) {
        Optional<Payment> existing = ledger.find(request.orderId());
        if (existing.isPresent()) {
            return answerRepeat(existing.get(), request.orderId());
        }
        String paymentId;
        try {
            paymentId = provider.charge(request.orderId(), request.customerId(), request.amount(),
                    request.paymentToken(), heartbeat);
        } catch (PaymentRefusedException refused) {
            throw ApplicationFailure.newNonRetryableFailure(refused.getMessage(), refused.failureType());
        }
        try {
            return ledger.recordCharge(request, paymentId);
        } catch (DataIntegrityViolationException lostRace) {
            Payment winner = ledger.find(request.orderId()).orElseThrow(() -> lostRace);
            if (winner.state() != PaymentState.CHARGED) {
                // A refund overtook this charge and left its tombstone: undo the provider charge
                // we just made (a no-op if the refund already did) rather than keep the money.
                // Not stoppable by this attempt's heartbeat: once money moved, it must go back.
                provider.refund(request.orderId(), Heartbeat.NONE);
            }
            return answerRepeat(winner, request.orderId());
        }
    }

    private static PaymentReceipt answerRepeat(Payment payment, String orderId) {
        if (payment.state() != PaymentState.CHARGED) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "Order " + orderId + " was already refunded; it cannot be charged again",
                    PaymentFailures.PAYMENT_REFUNDED);
        }
        return payment.receipt();
    }
}
