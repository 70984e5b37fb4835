package io.orderflow.gateway.products;

import io.orderflow.gateway.Identifiers;
import io.orderflow.gateway.openapi.CallsUpstream;
import io.orderflow.gateway.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product catalog, proxied from the stock service (which owns it). The problem responses every
 * operation shares are declared once for the whole API ({@code io.orderflow.gateway.openapi}).
 */
@RestController
@RequestMapping(path = "/api/v1/products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "products", description = "The catalog, served by the stock service")
@CallsUpstream("The catalog (stock service)")
public class ProductsController {

    private final CatalogClient catalog;

    public ProductsController(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List products", description = "Public: no token needed.")
    @ApiResponse(responseCode = "200", description = "The catalog")
    public ProductList list() {
        return catalog.list();
    }

    @GetMapping("/{sku}")
    @Operation(summary = "Get one product", description = "Public: no token needed. The ETag header names this "
            + "version of the product; send it back as If-Match with a PUT so that the PUT never undoes a change made "
            + "since (a reservation, a stock change, another edit).")
    @ApiResponse(responseCode = "200", description = "The product", headers = @Header(name = HttpHeaders.ETAG,
            required = true, description = ETAG, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "Unknown SKU")
    public ResponseEntity<Product> get(@Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN))
            @PathVariable String sku) {
        if (!Identifiers.isValid(sku)) {
            // No product can have such a SKU; the value itself is not echoed back.
            throw new CatalogRejectedException(HttpStatus.NOT_FOUND, "No product has a SKU of that form.", List.of());
        }
        return withETag(catalog.get(sku));
    }

    @PutMapping(path = "/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "catalog:write")
    @Operation(summary = "Create or replace a product (catalog:write)", description = "With If-Match, the product "
            + "is written only if it is still that version; without it, it is replaced whatever happened since.")
    @ApiResponse(responseCode = "200", description = "The product as stored", headers = @Header(
            name = HttpHeaders.ETAG, required = true, description = ETAG, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "412", description = "If-Match names no current version of the product: it "
            + "changed since it was read (or does not exist). Nothing was written; read it again")
    public ResponseEntity<Product> put(@Parameter(hidden = true) @AuthenticationPrincipal Jwt token,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String sku,
            @Parameter(description = "The ETag of the version this change was made from (or *: any existing "
                    + "version). Compared strongly: a weak tag never matches")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProductUpsert upsert) {
        if (!Identifiers.isValid(sku)) {
            throw new InvalidRequestException("sku", Identifiers.RULE);
        }
        // The stock service checks catalog:write itself, so the caller's own token goes along.
        return withETag(catalog.put(sku, upsert, Optional.ofNullable(ifMatch), token.getTokenValue()));
    }

    @PostMapping(path = "/{sku}/stock", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "catalog:write")
    @Operation(summary = "Add or take stock of a product (catalog:write)", description = "A delta, applied to "
            + "whatever the stock is now, so it composes with reservations made meanwhile. Never below zero, never "
            + "past 1000000. A stock change that timed out may or may not have been applied: read the product "
            + "before sending it again.")
    @ApiResponse(responseCode = "200", description = "The product after the change", headers = @Header(
            name = HttpHeaders.ETAG, required = true, description = ETAG, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "Unknown SKU")
    @ApiResponse(responseCode = "409", description = "The change would take the available units below zero "
            + "(not-enough-stock) or past 1000000 (stock-limit-exceeded); nothing changed")
    @ApiResponse(responseCode = "422", description = "The product is not stocked in that warehouse "
            + "(unknown-warehouse); nothing changed")
    public ResponseEntity<Product> changeStock(@Parameter(hidden = true) @AuthenticationPrincipal Jwt token,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String sku,
            @Valid @RequestBody StockChangeRequest change) {
        if (!Identifiers.isValid(sku)) {
            throw new InvalidRequestException("sku", Identifiers.RULE);
        }
        return withETag(catalog.changeStock(sku, change, token.getTokenValue()));
    }

    private static ResponseEntity<Product> withETag(Product product) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (product.etag() != null) {
            ok.header(HttpHeaders.ETAG, product.etag());
        }
        return ok.body(product);
    }

    private static final String ETAG = "This version of the product (a strong validator, the same as the body's "
            + "etag): it changes whenever the product does, stock included";
}
