package io.orderflow.gateway.products;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.orderflow.gateway.problem.InvalidRequestException;
import jakarta.validation.Valid;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The product catalog, proxied from the stock service (which owns it). */
@RestController
@RequestMapping(path = "/api/v1/products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "products", description = "The catalog, served by the stock service")
@ApiResponse(responseCode = "503", description = "Stock service unavailable; see Retry-After",
        headers = @Header(name = "Retry-After", description = "seconds"),
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
public class ProductsController {

    /** The SKU alphabet of the contract; anything else never reaches the stock service. */
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String SKU_RULE = "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'";

    private final CatalogClient catalog;

    public ProductsController(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "List products")
    public ProductList list() {
        return catalog.list();
    }

    @GetMapping("/{sku}")
    @Operation(summary = "Get one product")
    @ApiResponse(responseCode = "200", description = "The product")
    @ApiResponse(responseCode = "404", description = "Unknown SKU", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public Product get(@PathVariable String sku) {
        if (!SKU.matcher(sku).matches()) {
            // No product can have such a SKU; the value itself is not echoed back.
            throw new CatalogRejectedException(HttpStatus.NOT_FOUND, "No product has a SKU of that form.", List.of());
        }
        return catalog.get(sku);
    }

    @PutMapping(path = "/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "catalog:write")
    @Operation(summary = "Create or replace a product (catalog:write)")
    @ApiResponse(responseCode = "200", description = "The product as stored")
    @ApiResponse(responseCode = "400", description = "Invalid product", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public Product put(@Parameter(hidden = true) @AuthenticationPrincipal Jwt token, @PathVariable String sku,
            @Valid @RequestBody ProductUpsert upsert) {
        if (!SKU.matcher(sku).matches()) {
            throw new InvalidRequestException("sku", SKU_RULE);
        }
        // The stock service checks catalog:write itself, so the caller's own token goes along.
        return catalog.put(sku, upsert, token.getTokenValue());
    }
}
