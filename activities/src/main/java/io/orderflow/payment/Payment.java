package io.orderflow.payment;

import io.orderflow.Money;
import io.orderflow.persistence.OrderKeyedRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An order's payment, one row per order id. New rows are always INSERTed (never merged), so a
 * concurrent duplicate collides on the primary key instead of overwriting.
 */
@Entity
@Table(name = "payment")
public class Payment extends OrderKeyedRecord {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private PaymentState state;

    @Column(name = "payment_id", length = 64)
    private String paymentId;

    @Column(name = "customer_id", length = 64)
    private String customerId;

    @Column(name = "amount_cents", nullable = false)
    private long amountCents;

    @Column(name = "currency", length = 3)
    private String currency;

    protected Payment() {
        // for JPA
    }

    private Payment(String orderId, PaymentState state, String paymentId, String customerId, Money amount,
            Instant now) {
        super(orderId, now);
        this.state = state;
        this.paymentId = paymentId;
        this.customerId = customerId;
        this.amountCents = amount == null ? 0 : amount.amountCents();
        this.currency = amount == null ? null : amount.currency();
    }

    static Payment charged(ChargeRequest request, String paymentId, Instant now) {
        return new Payment(request.orderId(), PaymentState.CHARGED, paymentId, request.customerId(),
                request.amount(), now);
    }

    /** Marks an order that was refunded before it was ever charged. */
    static Payment tombstone(String orderId, Instant now) {
        return new Payment(orderId, PaymentState.TOMBSTONE, null, null, null, now);
    }

    /** Commits the intent to refund before the provider is asked. */
    void refundRequested(Instant now) {
        this.state = PaymentState.REFUNDING;
        touch(now);
    }

    /** The provider confirmed the refund of a pending one. */
    void refunded(Instant now) {
        this.state = PaymentState.REFUNDED;
        touch(now);
    }

    PaymentReceipt receipt() {
        return new PaymentReceipt(orderId(), paymentId, Money.of(amountCents, currency));
    }

    PaymentState state() {
        return state;
    }

    long amountCents() {
        return amountCents;
    }
}
