package io.orderflow.gateway.carrier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Checks {@code Carrier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>}:
 * the MAC over the exact bytes received, compared in constant time, and {@code t} within the
 * tolerance of now, so a captured event cannot be replayed later.
 */
@Component
class CarrierSignature {

    static final String HEADER = "Carrier-Signature";
    /** Also the documented shape of the header. */
    static final String PATTERN = "^t=[0-9]{1,12},v1=[0-9a-f]{64}$";
    private static final Pattern SHAPE = Pattern.compile("t=([0-9]{1,12}),v1=([0-9a-f]{64})");
    private static final String ALGORITHM = "HmacSHA256";

    private final CarrierWebhookProperties settings;
    private final Clock clock;

    CarrierSignature(CarrierWebhookProperties settings) {
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** @throws InvalidCarrierSignatureException unless the header signs this body with our secret, recently */
    void verify(String header, byte[] body) {
        String secret = settings.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new InvalidCarrierSignatureException("no carrier webhook secret is configured");
        }
        Matcher parts = header == null ? null : SHAPE.matcher(header.strip());
        if (parts == null || !parts.matches()) {
            throw new InvalidCarrierSignatureException("missing or malformed " + HEADER + " header");
        }
        long signedAt = Long.parseLong(parts.group(1));
        Duration age = Duration.between(Instant.ofEpochSecond(signedAt), clock.instant()).abs();
        if (age.compareTo(settings.tolerance()) > 0) {
            throw new InvalidCarrierSignatureException("the signature's timestamp is outside the tolerance");
        }
        byte[] expected = mac(secret, parts.group(1), body);
        byte[] given = HexFormat.of().parseHex(parts.group(2));
        if (!MessageDigest.isEqual(expected, given)) {
            throw new InvalidCarrierSignatureException("the signature does not match the body");
        }
    }

    private static byte[] mac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
