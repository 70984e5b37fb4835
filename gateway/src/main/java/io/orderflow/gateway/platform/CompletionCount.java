package io.orderflow.gateway.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The orders whose checkout closed in {@code [from, to)}: completed, and failed or cancelled. */
@Schema(description = "Orders whose checkout closed in [from, to)")
public record CompletionCount(
        Instant from,
        Instant to,
        @Schema(description = "Orders that reached COMPLETED", minimum = "0") long completed,
        @Schema(description = "Orders that ended FAILED or CANCELLED", minimum = "0") long failed) {
}
