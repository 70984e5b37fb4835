package io.orderflow.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the carrier signs what it posts, as carriers' webhooks commonly do: header
 * {@code Carrier-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}. The
 * timestamp inside the signed text lets the receiver refuse old replays.
 */
final class CarrierWebhookSignature {

    static final String HEADER = "Carrier-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private CarrierWebhookSignature() {
    }

    static String header(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
