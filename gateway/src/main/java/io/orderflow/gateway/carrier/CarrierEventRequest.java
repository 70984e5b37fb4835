package io.orderflow.gateway.carrier;

import io.orderflow.checkout.CarrierEventType;
import io.orderflow.gateway.Identifiers;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Body of {@code POST /api/v1/carrier/events}: one tracking event, as the carrier sends it. */
@Schema(description = "A tracking event from the carrier")
public record CarrierEventRequest(
        @Schema(description = "The carrier's id of this event; the same id again is a duplicate")
        @NotNull @Size(min = 1, max = 100) @Pattern(regexp = "^[\\x21-\\x7E]+$") String eventId,
        @Schema(description = "The shipment's tracking number")
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[\\x21-\\x7E]+$") String trackingNumber,
        @Schema(description = "Our order id, given to the carrier at booking")
        @NotNull @Pattern(regexp = Identifiers.PATTERN) String reference,
        @NotNull CarrierEventType type,
        @Schema(description = "When it happened, according to the carrier")
        @NotNull Instant at) {
}
