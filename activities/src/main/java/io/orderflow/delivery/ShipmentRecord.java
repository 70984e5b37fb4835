package io.orderflow.delivery;

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
 * An order's shipment, one row per order id (named apart from the {@link Shipment} contract record
 * it produces). New rows are always INSERTed, so a concurrent duplicate collides on the key.
 */
@Entity
@Table(name = "shipment")
public class ShipmentRecord extends OrderKeyedRecord {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private ShipmentState state;

    @Column(name = "tracking_number", length = 64)
    private String trackingNumber;

    @Column(name = "country", length = 2)
    private String country;

    protected ShipmentRecord() {
        // for JPA
    }

    private ShipmentRecord(String orderId, ShipmentState state, String trackingNumber, String country, Instant now) {
        super(orderId, now);
        this.state = state;
        this.trackingNumber = trackingNumber;
        this.country = country;
    }

    static ShipmentRecord scheduled(String orderId, String trackingNumber, String country, Instant now) {
        return new ShipmentRecord(orderId, ShipmentState.SCHEDULED, trackingNumber, country, now);
    }

    /** Marks an order that was cancelled before it was ever scheduled. */
    static ShipmentRecord tombstone(String orderId, Instant now) {
        return new ShipmentRecord(orderId, ShipmentState.TOMBSTONE, null, null, now);
    }

    /** Commits the intent to cancel before the carrier is told. */
    void cancelRequested(Instant now) {
        this.state = ShipmentState.CANCELLING;
        touch(now);
    }

    /** The carrier confirmed the cancellation of a pending one. */
    void cancelled(Instant now) {
        this.state = ShipmentState.CANCELLED;
        touch(now);
    }

    /** The shipment ended after it shipped: lost or returned. */
    void ended(ShipmentState outcome, Instant now) {
        this.state = outcome;
        touch(now);
    }

    Shipment shipment() {
        return new Shipment(orderId(), trackingNumber);
    }

    ShipmentState state() {
        return state;
    }
}
