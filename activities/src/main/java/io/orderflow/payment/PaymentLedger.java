package io.orderflow.payment;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment service's transactions. READ COMMITTED for the same reason as the stock ledger: a
 * re-run after a lost race must see the winner's row, and no gap locks turn a race into a deadlock.
 */
@Component
class PaymentLedger {

    private final PaymentRepository payments;
    private final PaymentProvider provider;

    PaymentLedger(PaymentRepository payments, PaymentProvider provider) {
        this.payments = payments;
        this.provider = provider;
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
     * Refunds once. The provider is asked to refund even when no charge was recorded (tombstone
     * case): a charge whose reply or bookkeeping was lost may still have moved money, and refunding
     * an unknown key is a no-op at the provider. The row stays locked meanwhile, so concurrent
     * refunds of one order serialise.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void refund(String orderId) {
        Optional<Payment> found = payments.findForUpdate(orderId);
        if (found.isEmpty()) {
            payments.saveAndFlush(Payment.tombstone(orderId, Instant.now()));
            provider.refund(orderId);
            return;
        }
        Payment payment = found.get();
        if (payment.state() == PaymentState.CHARGED) {
            provider.refund(orderId);
            payment.refunded(Instant.now());
        }
    }
}
