package io.orderflow.web.cart;

import io.orderflow.web.orders.OrderView;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Carts through the gateway: {@code /api/v1/carts}, as the logged-in customer. */
@Component
class CartClient {

    private final RestClient gateway;

    CartClient(RestClient gatewayClient) {
        this.gateway = gatewayClient;
    }

    Cart create() {
        return gateway.post().uri("/api/v1/carts").retrieve().body(Cart.class);
    }

    Cart cart(String cartId) {
        return gateway.get().uri("/api/v1/carts/{cartId}", cartId).retrieve().body(Cart.class);
    }

    /** Sets the quantity of a line (0 removes it). */
    Cart setLine(String cartId, String sku, int quantity) {
        return gateway.put().uri("/api/v1/carts/{cartId}/lines/{sku}", cartId, sku)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("quantity", quantity))
                .retrieve()
                .body(Cart.class);
    }

    Cart removeLine(String cartId, String sku) {
        return gateway.delete().uri("/api/v1/carts/{cartId}/lines/{sku}", cartId, sku).retrieve().body(Cart.class);
    }

    /** Starts the order; repeating it returns the same order. */
    OrderView checkout(String cartId, CheckoutForm form) {
        return gateway.post().uri("/api/v1/carts/{cartId}/checkout", cartId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(form.body())
                .retrieve()
                .body(OrderView.class);
    }
}
