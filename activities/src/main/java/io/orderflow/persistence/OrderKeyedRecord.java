package io.orderflow.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

/**
 * A service's one row per order: primary key {@code order_id}, plus {@code created_at} and
 * {@code updated_at}. Each service still maps its own table and owns its migration; this class only
 * holds the columns and the insert rule they all share.
 *
 * <p>Why insert-only: the primary key is the idempotency guard. A new record reports
 * {@link #isNew()} so Spring Data INSERTs it instead of merging; a concurrent duplicate for the same
 * order then fails with a duplicate key rather than silently overwriting the winner's row, and
 * {@link RowConflicts} re-runs the loser so it answers from that row. Only a record loaded from (or
 * already written to) the database is updated in place.
 */
@MappedSuperclass
public abstract class OrderKeyedRecord implements Persistable<String> {

    @Id
    @Column(name = "order_id", length = 64)
    private String orderId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Transient
    private boolean isNew = true;

    protected OrderKeyedRecord() {
        // for JPA
    }

    protected OrderKeyedRecord(String orderId, Instant now) {
        this.orderId = orderId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Stamps a state change; subclasses call it from their transition methods. */
    protected void touch(Instant now) {
        this.updatedAt = now;
    }

    protected String orderId() {
        return orderId;
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
}
