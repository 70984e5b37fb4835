package io.orderflow.stock;

import java.util.List;
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

    /** Gives units back (release of a reservation). */
    @Modifying(flushAutomatically = true)
    @Query("update Product p set p.available = p.available + :quantity, p.version = p.version + 1"
            + " where p.sku = :sku")
    int give(@Param("sku") String sku, @Param("quantity") int quantity);
}
