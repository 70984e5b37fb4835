package io.orderflow.gateway;

import java.util.regex.Pattern;

/**
 * The one alphabet of the identifiers clients send: SKUs, order ids and Idempotency-Keys (order
 * ids double as idempotency keys, so all follow the same rule). {@link #PATTERN} is anchored, so it
 * means the same in Java (a full match) and in the OpenAPI document (a JSON Schema pattern, which is
 * a search): both validation and documentation use this constant.
 */
public final class Identifiers {

    public static final String PATTERN = "^[A-Za-z0-9_-]{1,64}$";
    public static final String RULE = "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Identifiers() {
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }
}
