package io.orderflow.testing;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.codec.EncryptionKeys;
import io.temporal.common.converter.DataConverter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fixed key ring for tests, so a test's clients, workers and child processes all read each
 * other's payloads as the processes of one deployment do. It is published in the test-jar because it
 * is not a secret: it protects nothing but test data.
 */
public final class TestEncryption {

    public static final String KEY_ID = "test1";
    public static final String KEY = "yQrN7KkIeL1hRlby2O89nlVHrah+zGY4TuUuFF98eoE=";

    private TestEncryption() {
    }

    public static EncryptionKeys keys() {
        return EncryptionKeys.of(KEY_ID, Map.of(KEY_ID, KEY));
    }

    /** The production converter (JSON, then AES-GCM) with the test key. */
    public static DataConverter converter() {
        return OrderflowDataConverter.create(new AesGcmPayloadCodec(keys()));
    }

    /** Spring Boot command-line arguments: {@code others}, then the ones that configure the test key. */
    public static String[] springArgs(String... others) {
        return Stream.concat(Arrays.stream(others), Stream.of(
                "--orderflow.encryption.current-key-id=" + KEY_ID,
                "--orderflow.encryption.keys." + KEY_ID + "=" + KEY)).toArray(String[]::new);
    }

    /** The same as environment variables, as a pod receives them from its Secret. */
    public static Map<String, String> environment() {
        return Map.of("ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID", KEY_ID,
                "ORDERFLOW_ENCRYPTION_KEYS_" + KEY_ID.toUpperCase(Locale.ROOT), KEY);
    }
}
