package io.orderflow.gateway.orders;

import io.orderflow.checkout.CarrierEventType;
import io.orderflow.checkout.DeliveryResolution;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/orders/{orderId}/resolve}: what an operator found out about an overdue parcel. */
public record ResolveRequest(
        @Schema(description = "How the delivery ended") @NotNull Outcome outcome,
        @Schema(description = "Why, for the order's story") @Size(max = 500) String note) {

    /** The outcomes that end a delivery (a pick-up resolves nothing). */
    public enum Outcome {
        DELIVERED,
        LOST,
        RETURNED
    }

    DeliveryResolution toResolution() {
        String trimmed = note == null ? null : note.strip();
        return new DeliveryResolution(CarrierEventType.valueOf(outcome.name()), trimmed);
    }
}
