package io.orderflow.gateway.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Builds {@code POST /api/v1/orders} bodies: a valid order, then whatever a test changes in it. */
public final class OrderJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderJson() {
    }

    public static String valid(String customerId, String token) {
        return with(customerId, token, order -> { });
    }

    public static String with(String customerId, String token, Consumer<Map<String, Object>> change) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("customerId", customerId);
        List<Object> items = new ArrayList<>();
        items.add(item("MUG-RED", 2));
        order.put("items", items);
        order.put("payment", new LinkedHashMap<>(Map.of("token", token)));
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("name", "Ada Lovelace");
        address.put("line1", "12 Main St");
        address.put("city", "London");
        address.put("postalCode", "N1 9GU");
        address.put("country", "GB");
        order.put("shippingAddress", address);
        change.accept(order);
        try {
            return JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> item(String sku, Object quantity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("quantity", quantity);
        return item;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> address(Map<String, Object> order) {
        return (Map<String, Object>) order.get("shippingAddress");
    }
}
