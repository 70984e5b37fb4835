package io.orderflow.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link Gate} per order, for tests that hold many orders in one shared environment (the
 * gateway's): each order's attempts wait at its own gate, which exists from whichever comes first,
 * the order's first attempt or the test asking for it.
 */
public final class Gates {

    private final Map<String, Gate> byOrder = new ConcurrentHashMap<>();

    public Gate of(String orderId) {
        return byOrder.computeIfAbsent(orderId, id -> new Gate());
    }
}
