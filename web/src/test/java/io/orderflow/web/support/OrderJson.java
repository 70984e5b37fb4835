package io.orderflow.web.support;

/** Order views as the gateway writes them. */
public final class OrderJson {

    private OrderJson() {
    }

    /** Order {@code o-1} of alice (two red mugs), in this status, with its timeline so far. */
    public static String order(String status) {
        return "{\"orderId\":\"o-1\",\"customerId\":\"alice\",\"status\":\"" + status + "\","
                + "\"items\":[{\"sku\":\"MUG-RED\",\"quantity\":2,\"unitPriceCents\":1250}],\"totalCents\":2500,"
                + "\"currency\":\"EUR\",\"paymentId\":null,\"trackingNumber\":null,\"failure\":null,\"attention\":null,"
                + "\"timeline\":[{\"status\":\"RECEIVED\",\"at\":\"2026-11-24T10:00:00Z\"},"
                + "{\"status\":\"" + status + "\",\"at\":\"2026-11-24T10:00:01Z\"}]}";
    }

    /** Order {@code o-1} of alice, shipping, after the carrier reported the pick-up. */
    public static String pickedUp() {
        return order("SHIPPING").replace("]}", ",{\"status\":\"SHIPPING\",\"at\":\"2026-11-24T10:00:02Z\","
                + "\"event\":\"PICKED_UP\"}]}");
    }
}
