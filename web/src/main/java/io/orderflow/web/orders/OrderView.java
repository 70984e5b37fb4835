package io.orderflow.web.orders;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** An order as the gateway shows it ({@code GET /orders/{orderId}}). */
public record OrderView(String orderId, String customerId, String status, List<Item> items, Long totalCents,
        String currency, String paymentId, String trackingNumber, Failure failure, Attention attention,
        List<Step> timeline) {

    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
    /** The checkout accepts a cancel until delivery scheduling starts. */
    private static final Set<String> CANCELLABLE = Set.of("RECEIVED", "RESERVING_STOCK", "CHARGING_PAYMENT");

    public record Item(String sku, int quantity, Long unitPriceCents) {
    }

    /** A status the order entered, or (with {@code event}) what the carrier or an operator reported while in it. */
    public record Step(String status, Instant at, String event) {
    }

    public record Failure(String code, String step, String message) {
    }

    public record Attention(String reason, String step, Instant since, String lastError) {
    }

    /** Nothing more will happen to it: its page stops asking. */
    public boolean terminal() {
        return TERMINAL.contains(status);
    }

    public boolean cancellable() {
        return CANCELLABLE.contains(status);
    }
}
