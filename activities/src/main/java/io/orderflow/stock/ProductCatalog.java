package io.orderflow.stock;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and sets the catalog for the HTTP API. No write here can undo another made meanwhile: an
 * upsert locks the product's row for its check and its write (so an {@code If-Match} is checked
 * against what is really overwritten), and stock changes are deltas applied in one conditional
 * statement, like reservations.
 */
@Service
class ProductCatalog {

    private static final Logger log = LoggerFactory.getLogger(ProductCatalog.class);

    private final ProductRepository products;
    private final TransactionTemplate readCommitted;

    ProductCatalog(ProductRepository products, PlatformTransactionManager transactions) {
        this.products = products;
        this.readCommitted = new TransactionTemplate(transactions);
        // As in StockLedger: no gap locks, so two creates of one SKU collide on the primary key
        // instead of deadlocking.
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Transactional(readOnly = true)
    public List<ProductView> all() {
        return products.findAllByOrderBySkuAsc().stream().map(ProductView::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProductView> find(String sku) {
        return products.findById(sku).map(ProductView::of);
    }

    /**
     * Creates or replaces the product. With {@code ifMatch} (an {@code If-Match} header) it writes
     * only if the product is still the version the client read, else {@link PreconditionFailedException}
     * and nothing changes; without it, it replaces whatever is there, as it always has.
     */
    public ProductView upsert(String sku, ProductUpdate update, Optional<String> ifMatch) {
        Optional<IfMatch> precondition = ifMatch.map(IfMatch::parse);
        try {
            return readCommitted.execute(status -> write(sku, update, precondition));
        } catch (DataIntegrityViolationException createdMeanwhile) {
            // A concurrent PUT created the SKU first; it exists now, so this attempt replaces it
            // (or, with If-Match, is judged against it).
            return readCommitted.execute(status -> write(sku, update, precondition));
        }
    }

    private ProductView write(String sku, ProductUpdate update, Optional<IfMatch> precondition) {
        Product current = products.findForUpdate(sku).orElse(null);
        if (precondition.isPresent() && !precondition.get().matches(current)) {
            throw new PreconditionFailedException(sku);
        }
        Product product = current != null ? current
                : new Product(sku, update.name(), update.priceCents(), update.currency(), update.available());
        product.change(update.name(), update.priceCents(), update.currency(), update.available());
        return ProductView.of(products.saveAndFlush(product));
    }

    /**
     * Adds or takes units: never below zero, never past {@link StockChange#MAX_AVAILABLE}, and
     * never lost to a concurrent change or reservation.
     */
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public ProductView changeStock(String sku, StockChange change) {
        if (change.warehouse() != null && !change.warehouse().equals(Warehouses.ONLY)) {
            products.findById(sku).orElseThrow(() -> new ProductNotFoundException(sku));
            throw new UnknownWarehouseException(sku);
        }
        int delta = Math.toIntExact(change.delta());
        if (products.adjust(sku, delta, StockChange.MAX_AVAILABLE) == 0) {
            Product product = products.findById(sku).orElseThrow(() -> new ProductNotFoundException(sku));
            throw delta < 0 ? StockOutOfBoundsException.belowZero(sku, product.available(), delta)
                    : StockOutOfBoundsException.pastTheLimit(sku, product.available(), delta);
        }
        Product changed = products.findById(sku).orElseThrow(() -> new ProductNotFoundException(sku));
        log.info("Stock of {} in {} changed by {} to {} available: {}", sku, Warehouses.ONLY, delta,
                changed.available(), change.reason().replaceAll("\\p{Cntrl}", " "));
        return ProductView.of(changed);
    }
}
