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
        return RowConflicts.retry(() -> chargeOnce(request));
    }

    @Override
    public void refund(String orderId) {
        PaymentState decided = RowConflicts.retry(() -> ledger.beginRefund(orderId));
        if (decided == PaymentState.REFUNDED) {
            return;
        }
        // Also for a tombstone: a charge whose reply or bookkeeping was lost may still have moved
        // money, and refunding an unknown key is a no-op at the provider.
        provider.refund(orderId);
        if (decided == PaymentState.REFUNDING) {
            ledger.confirmRefund(orderId);
        }
    }

    private PaymentReceipt chargeOnce(ChargeRequest request) {
        Optional<Payment> existing = ledger.find(request.orderId());
        if (existing.isPresent()) {
            return answerRepeat(existing.get(), request.orderId());
        }
        String paymentId;
        try {
            paymentId = provider.charge(request.orderId(), request.customerId(), request.amount(),
                    request.paymentToken());
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
                provider.refund(request.orderId());
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
