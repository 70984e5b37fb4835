package io.orderflow.delivery;

import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The deterministic carrier of brief section 4: delivers to the configured countries, never to
 * {@code AQ}. Tracking numbers are derived from the order id, so a repeat booking (even after a
 * restart) yields the same number.
 */
@Component
public class SimulatedCarrier implements Carrier {

    /** Antarctica: the brief's fixed way to trigger ADDRESS_UNSERVICEABLE. */
    public static final String NEVER_SERVICEABLE = "AQ";

    private final Set<String> serviceable;
    private final Map<String, String> bookings = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    public SimulatedCarrier(CarrierProperties settings) {
        this.serviceable = settings.serviceableCountries().stream()
                .map(country -> country.toUpperCase(Locale.ROOT))
                .filter(country -> !NEVER_SERVICEABLE.equals(country))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String book(String idempotencyKey, ShippingAddress address, List<OrderLine> lines) {
        String country = address == null || address.country() == null ? "" : address.country().toUpperCase(Locale.ROOT);
        if (!serviceable.contains(country)) {
            throw new AddressUnserviceableException("The carrier does not deliver to country '" + country + "'");
        }
        return bookings.computeIfAbsent(idempotencyKey, SimulatedCarrier::trackingNumberFor);
    }

    @Override
    public void cancel(String idempotencyKey) {
        if (bookings.containsKey(idempotencyKey)) {
            cancelled.add(idempotencyKey);
        }
    }

    /** Shipments booked and not cancelled, for invariant checks. */
    public Set<String> liveShipments() {
        return bookings.keySet().stream().filter(key -> !cancelled.contains(key)).collect(Collectors.toSet());
    }

    static String trackingNumberFor(String orderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(StandardCharsets.UTF_8));
            return "OF" + HexFormat.of().withUpperCase().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
