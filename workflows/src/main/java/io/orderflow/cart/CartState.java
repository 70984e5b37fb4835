package io.orderflow.cart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The cart's mutable state inside the workflow; {@link #view()} is what the query returns. */
final class CartState {

    private final String cartId;
    private final String customerId;
    private final Duration idleExpiry;
    private final List<CartLine> lines;
    private CartStatus status;
    private String orderId;
    private Instant expiresAt;
    private String checkoutFingerprint;

    CartState(CartInput input, Instant now) {
        this.cartId = input.cartId();
        this.customerId = input.customerId();
        this.idleExpiry = input.idleExpiry();
        CartView carried = input.carried();
        if (carried == null) {
            this.lines = new ArrayList<>();
            this.status = CartStatus.OPEN;
            this.expiresAt = now.plus(idleExpiry);
        } else {
            this.lines = new ArrayList<>(carried.lines());
            this.status = carried.status();
            this.orderId = carried.orderId();
            this.expiresAt = carried.expiresAt();
            this.checkoutFingerprint = carried.checkoutFingerprint();
        }
    }

    boolean isOpen() {
        return status == CartStatus.OPEN;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    boolean has(String sku) {
        return lines.stream().anyMatch(line -> line.sku().equals(sku));
    }

    int lineCount() {
        return lines.size();
    }

    Instant expiresAt() {
        return expiresAt;
    }

    String customerId() {
        return customerId;
    }

    List<CartLine> lines() {
        return List.copyOf(lines);
    }

    /** Sets, replaces or (quantity 0) removes the line; a new line goes to the end, a changed one keeps its place. */
    void set(LineChange change, Instant now) {
        int index = indexOf(change.sku());
        if (change.quantity() == 0) {
            if (index >= 0) {
                lines.remove(index);
            }
        } else {
            CatalogEntry found = change.found();
            CartLine line = new CartLine(change.sku(), change.quantity(), found.name(), found.priceCents(),
                    found.currency());
            if (index >= 0) {
                lines.set(index, line);
            } else {
                lines.add(line);
            }
        }
        touched(now);
    }

    void checkedOut(String orderId, String fingerprint) {
        this.status = CartStatus.CHECKED_OUT;
        this.orderId = orderId;
        this.checkoutFingerprint = fingerprint;
    }

    void expired() {
        this.status = CartStatus.EXPIRED;
    }

    /** Any change restarts the idle clock. */
    private void touched(Instant now) {
        this.expiresAt = now.plus(idleExpiry);
    }

    private int indexOf(String sku) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }

    CartView view() {
        return new CartView(cartId, customerId, status, List.copyOf(lines), orderId, expiresAt, checkoutFingerprint);
    }
}
