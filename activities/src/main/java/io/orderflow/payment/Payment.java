package io.orderflow.payment;

import io.orderflow.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * An order's payment, one row per order id. New rows are always INSERTed (never merged), so a
 * concurrent duplicate collides on the primary key instead of overwriting.
 */
@Entity
@Table(name = "payment")
public class Payment implements Persistable<String> {

    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Transient
    private boolean isNew = true;

    protected Payment() {
        // for JPA
    }

    private Payment(String orderId, PaymentState state, String paymentId, String customerId, Money amount,
            Instant now) {
        this.orderId = orderId;
        this.state = state;
        this.paymentId = paymentId;
        this.customerId = customerId;
        this.amountCents = amount == null ? 0 : amount.amountCents();
        this.currency = amount == null ? null : amount.currency();
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Payment charged(ChargeRequest request, String paymentId, Instant now) {
        return new Payment(request.orderId(), PaymentState.CHARGED, paymentId, request.customerId(),
                request.amount(), now);
    }

    /** Marks an order that was refunded before it was ever charged. */
    static Payment tombstone(String orderId, Instant now) {
        return new Payment(orderId, PaymentState.TOMBSTONE, null, null, null, now);
    }

    void refunded(Instant now) {
        this.state = PaymentState.REFUNDED;
        this.updatedAt = now;
    }

    PaymentReceipt receipt() {
        return new PaymentReceipt(orderId, paymentId, Money.of(amountCents, currency));
    }

    @Override
    public String getId() {
        return orderId;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        this.isNew = false;
    }

    PaymentState state() {
        return state;
    }

    long amountCents() {
        return amountCents;
    }
}
