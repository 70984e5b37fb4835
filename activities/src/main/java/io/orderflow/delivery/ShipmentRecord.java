package io.orderflow.delivery;

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
 * An order's shipment, one row per order id (named apart from the {@link Shipment} contract record
 * it produces). New rows are always INSERTed, so a concurrent duplicate collides on the key.
 */
@Entity
@Table(name = "shipment")
public class ShipmentRecord implements Persistable<String> {

    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private ShipmentState state;

    @Column(name = "tracking_number", length = 64)
    private String trackingNumber;

    @Column(name = "country", length = 2)
    private String country;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Transient
    private boolean isNew = true;

    protected ShipmentRecord() {
        // for JPA
    }

    private ShipmentRecord(String orderId, ShipmentState state, String trackingNumber, String country, Instant now) {
        this.orderId = orderId;
        this.state = state;
        this.trackingNumber = trackingNumber;
        this.country = country;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static ShipmentRecord scheduled(String orderId, String trackingNumber, String country, Instant now) {
        return new ShipmentRecord(orderId, ShipmentState.SCHEDULED, trackingNumber, country, now);
    }

    /** Marks an order that was cancelled before it was ever scheduled. */
    static ShipmentRecord tombstone(String orderId, Instant now) {
        return new ShipmentRecord(orderId, ShipmentState.TOMBSTONE, null, null, now);
    }

    void cancelled(Instant now) {
        this.state = ShipmentState.CANCELLED;
        this.updatedAt = now;
    }

    Shipment shipment() {
        return new Shipment(orderId, trackingNumber);
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

    ShipmentState state() {
        return state;
    }
}
