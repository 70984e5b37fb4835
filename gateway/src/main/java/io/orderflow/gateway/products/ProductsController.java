package io.orderflow.gateway.products;

import io.orderflow.gateway.Identifiers;
import io.orderflow.gateway.openapi.CallsUpstream;
import io.orderflow.gateway.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    @Operation(summary = "Get one product", description = "Public: no token needed.")
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(responseCode = "404", description = "Unknown SKU")
    public Product get(@Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN))
            @PathVariable String sku) {
        if (!Identifiers.isValid(sku)) {
            // No product can have such a SKU; the value itself is not echoed back.
            throw new CatalogRejectedException(HttpStatus.NOT_FOUND, "No product has a SKU of that form.", List.of());
        }
        return catalog.get(sku);
    }

    @PutMapping(path = "/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "catalog:write")
    @Operation(summary = "Create or replace a product (catalog:write)")
    @ApiResponse(responseCode = "200", description = "The product as stored")
    public Product put(@Parameter(hidden = true) @AuthenticationPrincipal Jwt token,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String sku,
            @Valid @RequestBody ProductUpsert upsert) {
        if (!Identifiers.isValid(sku)) {
            throw new InvalidRequestException("sku", Identifiers.RULE);
        }
        // The stock service checks catalog:write itself, so the caller's own token goes along.
        return catalog.put(sku, upsert, token.getTokenValue());
    }
}
