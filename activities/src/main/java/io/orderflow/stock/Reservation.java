package io.orderflow.stock;

import io.orderflow.persistence.OrderKeyedRecord;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The stock an order holds, one row per order id. New rows are always INSERTed (never merged into
 * an existing row), so a concurrent duplicate collides on the primary key instead of overwriting.
 */
@Entity
@Table(name = "reservation")
public class Reservation extends OrderKeyedRecord {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "state", nullable = false, length = 16)
    private ReservationState state;

    @Column(name = "total_cents", nullable = false)
    private long totalCents;

    @Column(name = "currency", length = 3)
    private String currency;

    @ElementCollection
    @CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
    private List<ReservationLine> lines = new ArrayList<>();

    protected Reservation() {
        // for JPA
    }

    private Reservation(String orderId, ReservationState state, List<ReservationLine> lines,
            long totalCents, String currency, Instant now) {
        super(orderId, now);
        this.state = state;
        this.lines = new ArrayList<>(lines);
        this.totalCents = totalCents;
        this.currency = currency;
    }

    static Reservation reserved(String orderId, List<ReservationLine> lines, long totalCents,
            String currency, Instant now) {
        return new Reservation(orderId, ReservationState.RESERVED, lines, totalCents, currency, now);
    }

    /** Marks an order that was released before it ever reserved. */
    static Reservation tombstone(String orderId, Instant now) {
        return new Reservation(orderId, ReservationState.TOMBSTONE, List.of(), 0, null, now);
    }

    void released(Instant now) {
        this.state = ReservationState.RELEASED;
        touch(now);
    }

    /** The goods came back from a returned delivery and are on the shelf again. */
    void restocked(Instant now) {
        this.state = ReservationState.RESTOCKED;
        touch(now);
    }

    ReservationState state() {
        return state;
    }

    List<ReservationLine> lines() {
        return lines;
    }

    long totalCents() {
        return totalCents;
    }

    String currency() {
        return currency;
    }
}
