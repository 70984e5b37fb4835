package io.orderflow.web.orders;

import java.util.List;

/** A page of orders and the token of the next one (null: the last page). */
public record OrderPage(List<OrderSummary> orders, String nextPageToken) {
}
