package io.orderflow.delivery;

import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import java.util.List;

/** What to ship for an order and where to. */
public record ShipmentRequest(String orderId, ShippingAddress address, List<OrderLine> lines) {
}
