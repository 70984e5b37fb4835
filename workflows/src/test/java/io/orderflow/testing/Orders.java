package io.orderflow.testing;

import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import java.util.List;

/** Sample checkout requests priced by {@link FakeStock#CATALOG}. */
public final class Orders {

    public static final String CUSTOMER = "cust-42";
    /** 2 × MUG-RED at 12.50 + 1 × TEA-GREEN at 4.50. */
    public static final long SAMPLE_TOTAL_CENTS = 2950;

    private Orders() {
    }

    /** Three items to a serviceable address, paid with a token that approves. */
    public static CheckoutRequest sample(String orderId) {
        return new CheckoutRequest(orderId, CUSTOMER,
                List.of(new OrderLine("MUG-RED", 2), new OrderLine("TEA-GREEN", 1)),
                "tok_visa", address("GB"));
    }

    public static CheckoutRequest shippingTo(String orderId, String country) {
        CheckoutRequest sample = sample(orderId);
        return new CheckoutRequest(orderId, CUSTOMER, sample.items(), sample.paymentToken(), address(country));
    }

    /** The sample order to an address whose first line is {@code line1} (the carrier's scenarios key on it). */
    public static CheckoutRequest shippingToLine(String orderId, String line1) {
        CheckoutRequest sample = sample(orderId);
        return new CheckoutRequest(orderId, CUSTOMER, sample.items(), sample.paymentToken(),
                new ShippingAddress("Ada Lovelace", line1, "London", "N1 9GU", "GB"));
    }

    public static CheckoutRequest withItems(String orderId, OrderLine... lines) {
        CheckoutRequest sample = sample(orderId);
        return new CheckoutRequest(orderId, CUSTOMER, List.of(lines), sample.paymentToken(), sample.shippingAddress());
    }

    private static ShippingAddress address(String country) {
        return new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", country);
    }
}
