package io.orderflow.gateway.carts;

import io.orderflow.cart.CartLine;
import io.orderflow.cart.CartView;
import io.orderflow.gateway.products.CatalogClient;
import io.orderflow.gateway.products.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Prices a cart with the catalog's current names and prices (one catalog read per cart served). A
 * line whose product has left the catalog keeps the name and price it was set with.
 */
@Component
class CartPricing {

    private final CatalogClient catalog;

    CartPricing(CatalogClient catalog) {
        this.catalog = catalog;
    }

    Cart priced(CartView cart) {
        Map<String, Product> current = cart.lines().isEmpty() ? Map.of()
                : catalog.list().products().stream().collect(Collectors.toMap(Product::sku, Function.identity(),
                        (first, second) -> first));
        List<PricedCartLine> lines = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        long subtotal = 0;
        for (CartLine line : cart.lines()) {
            Product product = current.get(line.sku());
            boolean known = product != null && product.priceCents() != null && product.currency() != null;
            String name = known ? product.name() : line.name();
            long unitPrice = known ? product.priceCents() : line.unitPriceCents();
            String currency = known ? product.currency() : line.currency();
            lines.add(new PricedCartLine(line.sku(), name, line.quantity(), unitPrice));
            if (!currencies.contains(currency)) {
                currencies.add(currency);
            }
            subtotal = Math.addExact(subtotal, Math.multiplyExact(unitPrice, line.quantity()));
        }
        boolean oneCurrency = currencies.size() <= 1;
        return new Cart(cart.cartId(), cart.customerId(), cart.status(), lines,
                oneCurrency ? subtotal : null, currencies.size() == 1 ? currencies.get(0) : null,
                cart.orderId(), cart.expiresAt());
    }
}
