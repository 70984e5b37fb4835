package io.orderflow.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook bodies the way a carrier does: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t.body)>}. */
public final class CarrierSignatures {

    private CarrierSignatures() {
    }

    public static String sign(String secret, String body) {
        return sign(secret, Instant.now().getEpochSecond(), body);
    }

    public static String sign(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "t=" + unixSeconds + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
