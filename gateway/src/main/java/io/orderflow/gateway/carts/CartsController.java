package io.orderflow.gateway.carts;

import io.orderflow.cart.CartStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.gateway.Identifiers;
import io.orderflow.gateway.openapi.CallsUpstream;
import io.orderflow.gateway.orders.OrderWorkflows;
import io.orderflow.gateway.problem.InvalidRequestException;
import io.orderflow.gateway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cart resource: a customer's cart (a {@code Cart} workflow), priced with the catalog's current
 * prices, checked out into an order. The problem responses every operation shares are declared once
 * ({@code io.orderflow.gateway.openapi}); each method names only its own.
 */
@RestController
@RequestMapping(path = "/api/v1/carts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "carts", description = "Fill a cart, then check it out into an order (cart workflows)")
@CallsUpstream("The order service (Temporal) or the catalog")
public class CartsController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CartWorkflows carts;
    private final CartPricing pricing;
    private final OrderWorkflows orders;

    CartsController(CartWorkflows carts, CartPricing pricing, OrderWorkflows orders) {
        this.carts = carts;
        this.pricing = pricing;
        this.orders = orders;
    }

    @PostMapping
    @SecurityRequirement(name = "oauth2", scopes = "orders:write")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Start a cart", description = "An empty cart owned by the caller. It expires after the "
            + "configured idle time (a day unless changed) without a change.")
    @ApiResponse(responseCode = "201", description = "The new cart", headers = @Header(name = "Location",
            required = true, description = "The cart's URL", schema = @Schema(type = "string", format = "uri-reference")))
    public ResponseEntity<Cart> create(@Parameter(hidden = true) Caller caller) {
        Cart cart = pricing.priced(carts.create(caller.subject()));
        return ResponseEntity.created(URI.create("/api/v1/carts/" + cart.cartId())).body(cart);
    }

    @GetMapping("/{cartId}")
    @SecurityRequirement(name = "oauth2", scopes = "orders:read")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Get a cart", description = "Priced with the catalog's current prices. Operators may read "
            + "any cart.")
    @ApiResponse(responseCode = "200", description = "The cart (open or checked out)")
    @ApiResponse(responseCode = "404", description = "Unknown cart, or not yours")
    @ApiResponse(responseCode = "410", description = "The cart expired")
    public Cart get(@Parameter(hidden = true) Caller caller,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String cartId) {
        Cart cart = pricing.priced(carts.view(knownShape(cartId), caller));
        if (cart.status() == CartStatus.EXPIRED) {
            throw new CartExpiredException(cart.cartId());
        }
        return cart;
    }

    @PutMapping(path = "/{cartId}/lines/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "orders:write")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Set a line's quantity", description = "Adds the product, changes its quantity, or "
            + "removes it (quantity 0). A cart holds at most 50 lines.")
    @ApiResponse(responseCode = "200", description = "The cart after the change")
    @ApiResponse(responseCode = "404", description = "Unknown cart, or not yours")
    @ApiResponse(responseCode = "409", description = "The cart is checked out or expired")
    @ApiResponse(responseCode = "422", description = "The catalog has no such SKU (unknown-sku), or the line "
            + "would be the 51st (cart-full)")
    public Cart setLine(@Parameter(hidden = true) Caller caller,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String cartId,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String sku,
            @Valid @RequestBody SetQuantityRequest request) {
        return pricing.priced(carts.setLine(knownShape(cartId), checkedSku(sku), request.quantity(), caller));
    }

    @DeleteMapping("/{cartId}/lines/{sku}")
    @SecurityRequirement(name = "oauth2", scopes = "orders:write")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Remove a line", description = "The same as setting its quantity to 0; removing a line "
            + "the cart does not have changes nothing.")
    @ApiResponse(responseCode = "200", description = "The cart after the change")
    @ApiResponse(responseCode = "404", description = "Unknown cart, or not yours")
    @ApiResponse(responseCode = "409", description = "The cart is checked out or expired")
    public Cart removeLine(@Parameter(hidden = true) Caller caller,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String cartId,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String sku) {
        return pricing.priced(carts.setLine(knownShape(cartId), checkedSku(sku), 0, caller));
    }

    @PostMapping(path = "/{cartId}/checkout", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "orders:write")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Check a cart out", description = "Places the order for the cart's lines and answers "
            + "with it. Repeating the checkout with the same body answers with the same order; the cart itself "
            + "makes the checkout idempotent, so an Idempotency-Key is accepted but not needed.")
    @ApiResponse(responseCode = "202", description = "Order accepted (or the order an identical checkout made)",
            headers = @Header(name = "Location", required = true, description = "The order's URL",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "404", description = "Unknown cart, or not yours")
    @ApiResponse(responseCode = "409", description = "The cart expired, or was checked out with another body")
    @ApiResponse(responseCode = "422", description = "The cart has no lines (cart-empty)")
    public ResponseEntity<OrderView> checkout(@Parameter(hidden = true) Caller caller,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String cartId,
            @Parameter(in = ParameterIn.HEADER, description = "Optional; 1-64 characters of A-Z, a-z, 0-9, '_' or '-'",
                    schema = @Schema(type = "string", pattern = Identifiers.PATTERN))
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody CheckoutCartRequest request) {
        if (idempotencyKey != null && !Identifiers.isValid(idempotencyKey)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, Identifiers.RULE);
        }
        String orderId = carts.checkout(knownShape(cartId), request, caller);
        return ResponseEntity.accepted().location(URI.create("/api/v1/orders/" + orderId))
                .body(orders.view(orderId, caller));
    }

    /** An id no cart could have cannot name one: 404 without asking Temporal, and never echoed. */
    private static String knownShape(String cartId) {
        if (!Identifiers.isValid(cartId)) {
            throw new CartNotFoundException();
        }
        return cartId;
    }

    private static String checkedSku(String sku) {
        if (!Identifiers.isValid(sku)) {
            throw new InvalidRequestException("sku", Identifiers.RULE);
        }
        return sku;
    }
}
