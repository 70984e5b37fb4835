package io.orderflow.gateway.orders;

import jakarta.validation.constraints.Size;

/** Optional body of {@code POST /api/v1/orders/{orderId}/cancel}. */
public record CancelRequest(@Size(max = 500) String reason) {
}
