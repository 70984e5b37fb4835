package io.orderflow.stock;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ProductRepository extends JpaRepository<Product, String> {

    List<Product> findAllByOrderBySkuAsc();

    /**
     * Takes {@code quantity} units if, and only if, that many are available. The check and the
     * decrement are one statement, so the row lock the database takes makes it atomic: 0 rows
     * updated means short stock, and {@code available} can never become negative.
     */
    @Modifying(flushAutomatically = true)
    @Query("update Product p set p.available = p.available - :quantity, p.version = p.version + 1"
            + " where p.sku = :sku and p.available >= :quantity")
    int take(@Param("sku") String sku, @Param("quantity") int quantity);

    /**
     * Reads the row and locks it until the transaction ends, so nothing changes the product between
     * an upsert's {@code If-Match} check and its write. Plain {@code SELECT ... FOR UPDATE} for the
     * reason given at {@link ReservationRepository#findForUpdate}.
     */
    @Query(value = "SELECT * FROM product WHERE sku = :sku FOR UPDATE", nativeQuery = true)
    Optional<Product> findForUpdate(@Param("sku") String sku);

    /**
     * Adds {@code delta} (negative: takes) if, and only if, the result stays within 0 and
     * {@code max}: one conditional statement, like {@link #take}, so concurrent changes and
     * reservations each apply in full and none is lost. 0 rows updated: no such product, or out of
     * bounds. Clears the persistence context, so the product read next is the updated row.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Product p set p.available = p.available + :delta, p.version = p.version + 1"
            + " where p.sku = :sku and p.available + :delta >= 0 and p.available + :delta <= :max")
    int adjust(@Param("sku") String sku, @Param("delta") int delta, @Param("max") int max);

    /** Gives units back (release of a reservation). */
    @Modifying(flushAutomatically = true)
    @Query("update Product p set p.available = p.available + :quantity, p.version = p.version + 1"
            + " where p.sku = :sku")
    int give(@Param("sku") String sku, @Param("quantity") int quantity);
}
