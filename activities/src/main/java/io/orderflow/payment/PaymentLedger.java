package io.orderflow.payment;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment service's transactions, each short and none calling the provider: a remote call
 * inside one would hold a pooled connection, and for a refund the order's row lock, for as long as
 * the provider takes. READ COMMITTED for the same reason as the stock ledger: a re-run after a lost
 * race must see the winner's row, and no gap locks turn a race into a deadlock.
 */
@Component
class PaymentLedger {

    private final PaymentRepository payments;

    PaymentLedger(PaymentRepository payments) {
        this.payments = payments;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED, readOnly = true)
    public Optional<Payment> find(String orderId) {
        return payments.findById(orderId);
    }

    /** Records a charge the provider approved; a duplicate key means another attempt got there first. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public PaymentReceipt recordCharge(ChargeRequest request, String paymentId) {
        return payments.saveAndFlush(Payment.charged(request, paymentId, Instant.now())).receipt();
    }

    /**
     * First half of a refund: commits the decision before the provider is asked. A charged order
     * becomes {@code REFUNDING}; an order never charged gets its {@code TOMBSTONE}, which refuses a
     * late charge. The row lock serialises concurrent refunds only for this short transaction.
     *
     * @return the row's state afterwards: {@code REFUNDING} or {@code TOMBSTONE} (the provider must
     *     be asked) or {@code REFUNDED} (nothing left to do)
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public PaymentState beginRefund(String orderId) {
        Optional<Payment> found = payments.findForUpdate(orderId);
        if (found.isEmpty()) {
            return payments.saveAndFlush(Payment.tombstone(orderId, Instant.now())).state();
        }
        Payment payment = found.get();
        if (payment.state() == PaymentState.CHARGED) {
            payment.refundRequested(Instant.now());
        }
        return payment.state();
    }

    /** Second half: the provider has refunded, so a pending refund is done (a no-op if another attempt confirmed it). */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void confirmRefund(String orderId) {
        payments.findForUpdate(orderId)
                .filter(payment -> payment.state() == PaymentState.REFUNDING)
                .ifPresent(payment -> payment.refunded(Instant.now()));
    }
}
