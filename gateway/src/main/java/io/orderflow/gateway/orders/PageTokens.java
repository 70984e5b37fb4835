package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Page tokens clients can carry but not forge: Temporal's own next-page token, sealed with an
 * HMAC-SHA256 (JCA) over the token, the listing's query and the caller's subject. A token that was
 * edited, or that comes from another query or another caller, is a {@code 400}; it never reaches
 * Temporal, so it can neither fail there (5xx) nor open someone else's page.
 */
@Component
class PageTokens {

    private static final Logger log = LoggerFactory.getLogger(PageTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 32;
    /**
     * What {@link #seal} can produce, or empty (no token: the first page): the MAC and at least one
     * byte of Temporal's token, Base64url without padding. Declared in the OpenAPI document.
     */
    static final String PATTERN = "^([A-Za-z0-9_-]{44,})?$";
    private static final Pattern SHAPE = Pattern.compile(PATTERN);

    /**
     * {@code orderflow.gateway.page-tokens.key}: Base64 of at least 32 random bytes, the same on every
     * gateway replica (a page token issued by one replica is presented to another).
     */
    @ConfigurationProperties("orderflow.gateway.page-tokens")
    record Settings(String key) {
    }

    private final SecretKeySpec key;

    PageTokens(Settings settings) {
        byte[] bytes;
        if (settings.key() == null || settings.key().isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            log.warn("orderflow.gateway.page-tokens.key is not set: page tokens are valid on this replica only");
        } else {
            bytes = Base64.getDecoder().decode(settings.key().trim());
            if (bytes.length < 32) {
                throw new IllegalStateException("orderflow.gateway.page-tokens.key must be at least 32 bytes (Base64)");
            }
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    String seal(byte[] temporalToken, String query, String subject) {
        byte[] sealed = ByteBuffer.allocate(MAC_BYTES + temporalToken.length)
                .put(mac(temporalToken, query, subject)).put(temporalToken).array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** Whether {@code pageToken} was sealed for this query and this caller (no exception either way). */
    boolean issued(String pageToken, String query, String subject) {
        try {
            open(pageToken, query, subject);
            return true;
        } catch (InvalidRequestException notThisListing) {
            return false;
        }
    }

    /** Temporal's token inside a sealed one, if it was issued for this query and this caller. */
    byte[] open(String pageToken, String query, String subject) {
        if (!SHAPE.matcher(pageToken).matches()) {
            throw invalid();
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(pageToken);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (sealed.length <= MAC_BYTES) {
            throw invalid();
        }
        byte[] temporalToken = Arrays.copyOfRange(sealed, MAC_BYTES, sealed.length);
        byte[] expected = mac(temporalToken, query, subject);
        if (!MessageDigest.isEqual(expected, Arrays.copyOf(sealed, MAC_BYTES))) {
            throw invalid();
        }
        return temporalToken;
    }

    private byte[] mac(byte[] temporalToken, String query, String subject) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            for (byte[] part : new byte[][] {query.getBytes(StandardCharsets.UTF_8),
                    subject.getBytes(StandardCharsets.UTF_8), temporalToken}) {
                mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(part.length).array());
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, impossible);
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("pageToken", "is not a page token this API gave you for this listing");
    }
}
