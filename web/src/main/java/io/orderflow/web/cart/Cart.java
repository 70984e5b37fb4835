package io.orderflow.web.cart;

import java.time.Instant;
import java.util.List;

/** A cart as the gateway shows it ({@code /api/v1/carts/{cartId}}); prices are the catalog's current ones. */
public record Cart(String cartId, String customerId, String status, List<Line> lines, Long subtotalCents,
        String currency, String orderId, Instant expiresAt) {

    public record Line(String sku, String name, int quantity, Long unitPriceCents) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean empty() {
        return lines == null || lines.isEmpty();
    }

    /** How many of this SKU the cart holds (0 when none). */
    public int quantityOf(String sku) {
        return lines == null ? 0 : lines.stream().filter(line -> line.sku().equals(sku))
                .mapToInt(Line::quantity).sum();
    }
}
