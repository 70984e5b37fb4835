package io.orderflow.gateway.carrier;

import io.orderflow.checkout.CarrierEventReceipt;
import io.orderflow.gateway.openapi.CallsUpstream;
import io.orderflow.gateway.orders.OrderWorkflows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The carrier's webhook. It needs no bearer token: the carrier signs each event with the shared
 * secret ({@link CarrierSignature}), and the signature is checked before anything else is read.
 * The order's workflow deduplicates by {@code eventId}, so the carrier may resend at will.
 */
@RestController
@Tag(name = "carrier", description = "Tracking events from the carrier (signed webhook)")
@CallsUpstream("The order service (Temporal)")
public class CarrierWebhookController {

    /** Signed instead of authenticated: the security chain lets it through, the rate limiter skips it. */
    public static final String PATH = "/api/v1/carrier/events";

    private final CarrierSignature signature;
    private final CarrierEventReader reader;
    private final OrderWorkflows orders;

    CarrierWebhookController(CarrierSignature signature, CarrierEventReader reader, OrderWorkflows orders) {
        this.signature = signature;
        this.reader = reader;
        this.orders = orders;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a tracking event (carrier only)", description = "Signed with the shared secret, "
            + "not authenticated with a token: Carrier-Signature is t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "
            + "t + \".\" + raw body)>, and t must be within 5 minutes of the gateway's clock. Anything not signed "
            + "that way is refused with 401 before the body is read, so requests made without the carrier's secret "
            + "(generated ones included) all get 401. Events may come late, out of order and more than once.")
    @ApiResponse(responseCode = "202", description = "Event accepted: the order takes it into account")
    @ApiResponse(responseCode = "200", description = "Event already received (same eventId), or the order has "
            + "already finished: no effect")
    @ApiResponse(responseCode = "400", description = "Correctly signed, but not a valid event; `errors` names each field")
    @ApiResponse(responseCode = "401", description = "Carrier-Signature missing, malformed, not matching the body, "
            + "or its timestamp more than 5 minutes away (a bearer token, if sent, must also be valid)")
    @ApiResponse(responseCode = "404", description = "No such order, or no shipment with that tracking number")
    public ResponseEntity<Void> receive(
            @Parameter(name = CarrierSignature.HEADER, in = ParameterIn.HEADER, required = true,
                    description = "t=<unix seconds>,v1=<hex HMAC-SHA256 of t + \".\" + the raw body>",
                    schema = @Schema(type = "string", pattern = CarrierSignature.PATTERN))
            @RequestHeader(name = CarrierSignature.HEADER, required = false) String signed,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = CarrierEventRequest.class)))
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        signature.verify(signed, raw);
        CarrierEventRequest event = reader.read(raw);
        CarrierEventReceipt receipt = orders.reportCarrierEvent(event.reference(), CarrierEventReader.toEvent(event));
        return receipt == CarrierEventReceipt.ACCEPTED
                ? ResponseEntity.accepted().build()
                : ResponseEntity.ok().build();
    }
}
