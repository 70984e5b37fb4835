package io.orderflow.delivery;

import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import java.util.List;

/**
 * The port to the carrier. Calls carry an idempotency key (the order id): the carrier books a key
 * at most once and answers a repeat with the same tracking number.
 */
public interface Carrier {

    /**
     * Books a shipment, or returns the earlier booking of this key.
     *
     * @return the tracking number
     * @throws AddressUnserviceableException the carrier does not deliver there (do not retry)
     * @throws RuntimeException any other exception is transient: try again later
     */
    String book(String idempotencyKey, ShippingAddress address, List<OrderLine> lines);

    /** Cancels the booking of this key; cancelling again, or an unknown key, does nothing. */
    void cancel(String idempotencyKey);
}
