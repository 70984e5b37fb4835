package io.orderflow.gateway.orders;

import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.problem.InvalidRequestException;
import io.orderflow.gateway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The order resource of the REST contract (design brief §3). */
@RestController
@RequestMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "orders", description = "Place, follow, cancel and list orders (checkout workflows)")
@ApiResponse(responseCode = "503", description = "Temporal unreachable; see Retry-After",
        headers = @Header(name = "Retry-After", description = "seconds"),
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDetail.class)))
public class OrdersController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Order ids double as idempotency keys, so both follow the same rule. */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final OrderWorkflows workflows;
    private final OrderListing listing;
    private final GatewayProperties.Orders settings;

    public OrdersController(OrderWorkflows workflows, OrderListing listing, GatewayProperties properties) {
        this.workflows = workflows;
        this.listing = listing;
        this.settings = properties.orders();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirement(name = "oauth2", scopes = "orders:write")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Place an order", description = "Starts the checkout. The same Idempotency-Key with the "
            + "same body returns the same order; with a different body it is a 422.")
    @ApiResponse(responseCode = "202", description = "Order accepted", headers = @Header(name = "Location"))
    @ApiResponse(responseCode = "200", description = "Replay of an earlier request with the same key and body")
    @ApiResponse(responseCode = "400", description = "Invalid body or Idempotency-Key", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body over 64 KiB", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "Body is not JSON", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<OrderView> place(@Parameter(hidden = true) Caller caller,
            @Parameter(in = ParameterIn.HEADER, description = "1-64 chars [A-Za-z0-9_-]; scoped to the caller: "
                    + "the same key from two customers makes two orders")
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
    @Operation(summary = "Get an order", description = "With waitForTerminal (ISO-8601, at most PT60S) the call "
            + "returns as soon as the order is COMPLETED, FAILED or CANCELLED, or when the wait ends.")
    @ApiResponse(responseCode = "200", description = "The order view")
    @ApiResponse(responseCode = "400", description = "Bad waitForTerminal", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "Unknown order, or not yours", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public CompletableFuture<OrderView> get(@Parameter(hidden = true) Caller caller, @PathVariable String orderId,
            @Parameter(example = "PT10S") @RequestParam(required = false) String waitForTerminal) {
        Duration wait = waitForTerminal == null ? null : checkedWait(waitForTerminal);
        String id = knownShape(orderId);
        // A wait is served asynchronously: the request thread is free while Temporal long-polls.
        return wait == null || wait.isZero()
                ? CompletableFuture.completedFuture(workflows.view(id, caller))
                : workflows.awaitTerminal(id, wait, caller);
    }

    @PostMapping("/{orderId}/cancel")
    @SecurityRequirement(name = "oauth2", scopes = "orders:write")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "Cancel an order", description = "Accepted until delivery scheduling starts.")
    @ApiResponse(responseCode = "202", description = "Cancel accepted; compensation runs in the background")
    @ApiResponse(responseCode = "404", description = "Unknown order, or not yours", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "Too late to cancel", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<OrderView> cancel(@Parameter(hidden = true) Caller caller, @PathVariable String orderId,
            @Valid @RequestBody(required = false) CancelRequest request) {
        // No reason is passed on as none: the workflow words the failure itself ("cancelled by the
        // customer"), so a default here would read "cancelled by the customer: cancelled by customer".
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        return ResponseEntity.accepted().body(workflows.cancel(knownShape(orderId), reason, caller));
    }

    @GetMapping
    @SecurityRequirement(name = "oauth2", scopes = "orders:read")
    @SecurityRequirement(name = "oauth2", scopes = "orders:admin")
    @Operation(summary = "List orders", description = "From Temporal visibility; needs a real Temporal server with "
            + "the OrderStatus and CustomerId search attributes (501 otherwise).")
    @ApiResponse(responseCode = "200", description = "A page of orders")
    @ApiResponse(responseCode = "403", description = "customerId names someone else (needs orders:admin)", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "400", description = "Bad filter or page parameters", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "501", description = "This Temporal server cannot list workflows", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ProblemDetail.class)))
    public OrderPage list(@Parameter(hidden = true) Caller caller,
            @Parameter(description = "Operators: any customer (omit for all). Customers: omit, or their own id (403 otherwise)")
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        if (customerId != null && (customerId.isBlank() || customerId.length() > 64)) {
            throw new InvalidRequestException("customerId", "must be 1-64 characters");
        }
        int size = pageSize == null ? settings.defaultPageSize() : pageSize;
        if (size < 1 || size > 100) {
            throw new InvalidRequestException("pageSize", "must be between 1 and 100");
        }
        String customer = caller.isOperator() ? customerId : caller.customerFor(customerId);
        return listing.list(customer, status == null ? null : checkedStatus(status), size, pageToken, caller.subject());
    }

    private static String checkedKey(String key) {
        if (!ORDER_ID.matcher(key).matches()) {
            throw new InvalidRequestException(IDEMPOTENCY_KEY, "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        return key;
    }

    /** An id that could never have been issued cannot name an order: 404 without asking Temporal. */
    private static String knownShape(String orderId) {
        if (!ORDER_ID.matcher(orderId).matches()) {
            // Never echo what the client sent: it may be anything, including markup.
            throw OrderNotFoundException.malformed();
        }
        return orderId;
    }

    private Duration checkedWait(String text) {
        Duration wait;
        try {
            wait = Duration.parse(text);
        } catch (DateTimeParseException notIso) {
            throw new InvalidRequestException("waitForTerminal", "must be an ISO-8601 duration such as PT10S");
        }
        if (wait.isNegative() || wait.compareTo(settings.maxWait()) > 0) {
            throw new InvalidRequestException("waitForTerminal",
                    "must be between PT0S and " + settings.maxWait());
        }
        return wait;
    }

    private static OrderStatus checkedStatus(String status) {
        try {
            return OrderStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidRequestException("status", "must be one of " + Arrays.toString(OrderStatus.values()));
        }
    }
}
