package io.orderflow.problem;

import java.net.URI;

/**
 * The one vocabulary of problem types (RFC 9457 {@code type}) of every HTTP API in orderflow: the
 * gateway's and the stock service's catalog API answer with these, so a problem the gateway passes
 * on means the same thing on both sides. Clients may switch on them, so never rename one.
 */
public final class ProblemTypes {

    private static final String BASE = "https://orderflow.io/problems/";

    public static final URI VALIDATION = of("validation");
    public static final URI MALFORMED_REQUEST = of("malformed-request");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI NOT_ACCEPTABLE = of("not-acceptable");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI NOT_FOUND = of("not-found");
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI FORBIDDEN = of("forbidden");
    public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");
    /** An HTTP method this server does not know at all (a known one an endpoint lacks is a 405). */
    public static final URI NOT_IMPLEMENTED = of("not-implemented");
    public static final URI ORDER_NOT_FOUND = of("order-not-found");
    public static final URI ORDER_NOT_CANCELLABLE = of("order-not-cancellable");
    public static final URI IDEMPOTENCY_KEY_REUSED = of("idempotency-key-reused");
    public static final URI ORDER_NOT_AWAITING_RESOLUTION = of("order-not-awaiting-resolution");
    public static final URI NO_COMPENSATION_RUNNING = of("no-compensation-running");
    public static final URI SHIPMENT_NOT_FOUND = of("shipment-not-found");
    public static final URI INVALID_CARRIER_SIGNATURE = of("invalid-carrier-signature");
    public static final URI ORDER_LISTING_UNAVAILABLE = of("order-listing-unavailable");
    public static final URI CART_NOT_FOUND = of("cart-not-found");
    /** The cart was left alone past its idle time; it is kept for reading only. */
    public static final URI CART_EXPIRED = of("cart-expired");
    /** The cart is checked out or expired and takes no changes. */
    public static final URI CART_NOT_OPEN = of("cart-not-open");
    public static final URI CART_EMPTY = of("cart-empty");
    public static final URI CART_FULL = of("cart-full");
    /** A SKU the catalog does not have (a cart line names one). */
    public static final URI UNKNOWN_SKU = of("unknown-sku");
    public static final URI TEMPORAL_UNAVAILABLE = of("temporal-unavailable");
    public static final URI TOO_MANY_WAITS = of("too-many-waits");
    public static final URI RATE_LIMITED = of("rate-limited");
    public static final URI PRODUCT_NOT_FOUND = of("product-not-found");
    /** Two writes of one product raced; the later one is refused rather than silently lost. */
    public static final URI PRODUCT_CHANGED = of("product-changed");
    /** A write's {@code If-Match} names a version of the product that is no longer the current one. */
    public static final URI PRECONDITION_FAILED = of("precondition-failed");
    /** A stock change would take a product's available units below zero. */
    public static final URI NOT_ENOUGH_STOCK = of("not-enough-stock");
    /** A stock change would take a product's available units past the catalog's bound. */
    public static final URI STOCK_LIMIT_EXCEEDED = of("stock-limit-exceeded");
    /** A stock change names a warehouse the product is not stocked in. */
    public static final URI UNKNOWN_WAREHOUSE = of("unknown-warehouse");
    public static final URI CATALOG_REJECTED = of("catalog-rejected");
    public static final URI CATALOG_UNAVAILABLE = of("catalog-unavailable");
    public static final URI INTERNAL = of("internal-error");

    private ProblemTypes() {
    }

    private static URI of(String name) {
        return URI.create(BASE + name);
    }
}
