package io.orderflow.delivery;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ShipmentRepository extends JpaRepository<ShipmentRecord, String> {

    /**
     * Reads the row and locks it for the rest of a short transaction, so concurrent cancels of one
     * order take their decision one after the other. Never held across a carrier call.
     * Plain {@code SELECT ... FOR UPDATE} rather than a JPA lock mode: Hibernate's MySQL dialect
     * writes {@code FOR UPDATE OF alias}, which MariaDB rejects when it is reached through
     * mysql-connector-j (the driver reports it as MySQL 5.5).
     */
    @Query(value = "SELECT * FROM shipment WHERE order_id = :orderId FOR UPDATE", nativeQuery = true)
    Optional<ShipmentRecord> findForUpdate(@Param("orderId") String orderId);
}
