package io.orderflow.cart;

/**
 * The argument of the {@code setLine} Update.
 *
 * <p>Why the catalog entry travels in the argument: an update validator must be deterministic and
 * cannot run an activity, so it cannot ask the stock service whether a SKU exists. The caller (the
 * gateway) looks the SKU up in the catalog and passes what it found here, {@code null} for a SKU
 * the catalog does not have. The validator decides on that, and because an accepted update's
 * argument is written to history, a replay meets the very same answer.
 *
 * @param quantity the line's new quantity, 0 to remove it
 * @param found the catalog entry for {@code sku}, {@code null} when the catalog has none (needed
 *     only for a quantity above 0)
 */
public record LineChange(String sku, int quantity, CatalogEntry found) {
}
