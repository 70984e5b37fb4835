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
        RowConflicts.retry(() -> ledger.refund(orderId));
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
