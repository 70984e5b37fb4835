package io.orderflow.gateway.orders;

import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.Identifiers;
import io.orderflow.gateway.openapi.CallsUpstream;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order resource of the REST contract (docs/api.md). The problem responses every operation
 * shares (400, 413, 415, 429, 503, 401, 403) are declared once for the whole API
 * ({@code io.orderflow.gateway.openapi}); each method names only its own.
 */
@RestController
@RequestMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "orders", description = "Place, follow, cancel and list orders (checkout workflows); operators resolve "
        + "overdue deliveries and retry failing compensations")
@CallsUpstream("The order service (Temporal)")
public class OrdersController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MIN_PAGE_SIZE = 1;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_CUSTOMER_ID = 64;

    private final OrderWorkflows workflows;
    private final OrderListing listing;
    private final GatewayProperties.Orders settings;
    private final WaitForTerminal waitForTerminal;

    public OrdersController(OrderWorkflows workflows, OrderListing listing, GatewayProperties properties) {
        this.workflows = workflows;
        this.listing = listing;
        this.settings = properties.orders();
        this.waitForTerminal = new WaitForTerminal(settings.maxWait());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "orders:write")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Place an order", description = "Starts the checkout and answers as soon as it has started "
            + "(the view may still say RECEIVED). The same Idempotency-Key with the same body returns the same order; "
            + "with a different body it is a 422. Keys are scoped to the caller.")
    @ApiResponse(responseCode = "202", description = "Order accepted", headers = @Header(name = "Location",
            required = true, description = "The order's URL", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same key and body",
            headers = @Header(name = "Location", required = true, description = "The order's URL",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "403", description = "customerId names someone else (needs orders:admin), "
            + "or the token lacks the scope")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key already used for another body")
    public ResponseEntity<OrderView> place(@Parameter(hidden = true) Caller caller,
            @Parameter(in = ParameterIn.HEADER, description = "Scoped to the caller: the same key from two customers "
                    + "makes two orders", schema = @Schema(type = "string", pattern = Identifiers.PATTERN))
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @Valid @RequestBody PlaceOrderRequest request) {
        PlaceOrderRequest owned = request.forCustomer(caller.customerFor(request.customerId()));
        OrderWorkflows.Placed placed = idempotencyKey == null
                ? workflows.placeNew(OrderIds.minted(), owned)
                : workflows.place(OrderIds.forIdempotencyKey(caller.subject(), checkedKey(idempotencyKey)), owned);
        return ResponseEntity.status(placed.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/orders/" + placed.view().orderId()))
                .body(placed.view());
    }

    @GetMapping("/{orderId}")
    @SecurityRequirement(name = "oauth2", scopes = "orders:read")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Get an order", description = "With waitForTerminal the call returns as soon as the order "
            + "is COMPLETED, FAILED or CANCELLED, or with its current view when the wait ends.")
    @ApiResponse(responseCode = "200", description = "The order view")
    @ApiResponse(responseCode = "404", description = "Unknown order, or not yours")
    @ApiResponse(responseCode = "429", description = "With waitForTerminal: this gateway already holds as many "
            + "waits as it may; retry after Retry-After seconds, or read the order without waiting")
    public CompletableFuture<OrderView> get(@Parameter(hidden = true) Caller caller,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String orderId,
            @Parameter(name = WaitForTerminal.PARAMETER, example = "PT10S",
                    description = "How long to wait for the order to end: an ISO-8601 duration in whole seconds, "
                            + "at most the configured maximum (PT60S by default)")
            @RequestParam(name = WaitForTerminal.PARAMETER, required = false) String waitFor) {
        Duration wait = waitFor == null ? null : waitForTerminal.parse(waitFor);
        String id = knownShape(orderId);
        // A wait is served asynchronously: the request thread is free while Temporal long-polls.
        return wait == null || wait.isZero()
                ? CompletableFuture.completedFuture(workflows.view(id, caller))
                : workflows.awaitTerminal(id, wait, caller);
    }

    @PostMapping("/{orderId}/cancel")
    @SecurityRequirement(name = "oauth2", scopes = "orders:write")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Cancel an order", description = "Accepted until delivery scheduling starts (never while "
            + "SHIPPING). The body is optional.")
    @ApiResponse(responseCode = "202", description = "Cancel accepted; compensation runs in the background")
    @ApiResponse(responseCode = "404", description = "Unknown order, or not yours")
    @ApiResponse(responseCode = "409", description = "Too late to cancel")
    public ResponseEntity<OrderView> cancel(@Parameter(hidden = true) Caller caller,
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String orderId,
            @Valid @RequestBody(required = false) CancelRequest request) {
        // No reason is passed on as none: the workflow words the failure itself ("cancelled by the
        // customer"), so a default here would read "cancelled by the customer: cancelled by customer".
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        return ResponseEntity.accepted().body(workflows.cancel(knownShape(orderId), reason, caller));
    }

    @GetMapping
    @SecurityRequirement(name = "oauth2", scopes = "orders:read")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "List orders", description = "Newest first. A customer's own orders come from their order "
            + "list and work on every Temporal server; an operator's search of other customers' or all orders uses "
            + "Temporal visibility, which needs the OrderStatus, CustomerId and NeedsAttention search attributes (501 "
            + "otherwise); so does the needsAttention filter, also for a customer's own orders. On a server that "
            + "cannot search at all, an operator's search naming a customerId reads that customer's order list. "
            + "With a status filter a page may hold fewer orders than pageSize and still have a nextPageToken.")
    @ApiResponse(responseCode = "200", description = "A page of orders")
    @ApiResponse(responseCode = "400", description = "A bad filter or page parameter, or a pageToken this API "
            + "did not give this caller for this listing")
    @ApiResponse(responseCode = "403", description = "customerId names someone else (needs orders:admin), "
            + "or the token lacks the scope")
    @ApiResponse(responseCode = "501", description = "An operator's search without a customerId, or any "
            + "needsAttention filter: this Temporal server cannot search workflows")
    public OrderPage list(@Parameter(hidden = true) Caller caller,
            @Parameter(description = "Operators: any customer (omit for all). Customers: omit, or their own id "
                    + "(403 otherwise)", schema = @Schema(type = "string", minLength = 1, maxLength = MAX_CUSTOMER_ID))
            @RequestParam(required = false) String customerId,
            @Parameter(schema = @Schema(implementation = OrderStatus.class))
            @RequestParam(required = false) String status,
            @Parameter(description = "true: only orders waiting for a person (overdue delivery, failing "
                    + "compensation); false: only the others", schema = @Schema(type = "boolean"))
            @RequestParam(required = false) String needsAttention,
            @Parameter(description = "Orders per page; " + "the default is configured (20 unless changed)",
                    schema = @Schema(type = "integer", format = "int32",
                            minimum = "" + MIN_PAGE_SIZE, maximum = "" + MAX_PAGE_SIZE))
            @RequestParam(required = false) Integer pageSize,
            @Parameter(description = "nextPageToken of the previous page, unchanged (empty: the first page)",
                    schema = @Schema(type = "string", pattern = PageTokens.PATTERN))
            @RequestParam(required = false) String pageToken) {
        if (customerId != null && (customerId.isEmpty() || customerId.length() > MAX_CUSTOMER_ID)) {
            throw new InvalidRequestException("customerId", "must be 1-" + MAX_CUSTOMER_ID + " characters");
        }
        int size = pageSize == null ? settings.defaultPageSize() : pageSize;
        if (size < MIN_PAGE_SIZE || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("pageSize", "must be between " + MIN_PAGE_SIZE + " and " + MAX_PAGE_SIZE);
        }
        String customer = caller.isOperator() ? customerId : caller.customerFor(customerId);
        return listing.list(customer, status == null ? null : checkedStatus(status), checkedFlag(needsAttention),
                size, pageToken, caller.subject());
    }

    @PostMapping(path = "/{orderId}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Resolve an overdue delivery (operators)", description = "For an order that is SHIPPING "
            + "past its delivery deadline (attention.reason DELIVERY_OVERDUE): it then ends as if the carrier had "
            + "reported the outcome (DELIVERED: COMPLETED; LOST: refunded; RETURNED: refunded and restocked).")
    @ApiResponse(responseCode = "202", description = "Resolution recorded; the order ends in the background")
    @ApiResponse(responseCode = "404", description = "Unknown order")
    @ApiResponse(responseCode = "409", description = "The order is not waiting for a resolution")
    public ResponseEntity<OrderView> resolve(
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String orderId,
            @Valid @RequestBody ResolveRequest request) {
        return ResponseEntity.accepted().body(workflows.resolveDelivery(knownShape(orderId), request.toResolution()));
    }

    @PostMapping("/{orderId}/retry-compensation")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Retry a failing compensation now (operators)", description = "The compensation the "
            + "order is running (a refund, a stock release, …) is tried again at once instead of at its next "
            + "scheduled retry. Meant for orders flagged COMPENSATION_FAILING, once the cause is fixed.")
    @ApiResponse(responseCode = "202", description = "Retry started")
    @ApiResponse(responseCode = "404", description = "Unknown order")
    @ApiResponse(responseCode = "409", description = "The order is running no compensation")
    public ResponseEntity<OrderView> retryCompensation(
            @Parameter(schema = @Schema(type = "string", pattern = Identifiers.PATTERN)) @PathVariable String orderId) {
        return ResponseEntity.accepted().body(workflows.retryCompensation(knownShape(orderId)));
    }

    /** Only the literals a JSON Schema boolean allows in a query: never a guess from "yes" or "1". */
    private static Boolean checkedFlag(String flag) {
        if (flag == null) {
            return null;
        }
        return switch (flag) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("needsAttention", "must be true or false");
        };
    }

    private static String checkedKey(String key) {
        if (!Identifiers.isValid(key)) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, Identifiers.RULE);
        }
        return key;
    }

    /** An id that could never have been issued cannot name an order: 404 without asking Temporal. */
    private static String knownShape(String orderId) {
        if (!Identifiers.isValid(orderId)) {
            // Never echo what the client sent: it may be anything, including markup.
            throw OrderNotFoundException.malformed();
        }
        return orderId;
    }

    private static OrderStatus checkedStatus(String status) {
        try {
            return OrderStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException("status", "must be one of " + Arrays.toString(OrderStatus.values()));
        }
    }
}
