package io.orderflow.stock;

import io.orderflow.Money;
import io.orderflow.checkout.PricedLine;
import java.util.List;

/** Stock held for an order, with the catalog prices at reservation time and their total. */
public record StockReservation(String orderId, List<PricedLine> lines, Money total) {
}
