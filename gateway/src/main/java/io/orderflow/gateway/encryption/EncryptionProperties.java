package io.orderflow.gateway.encryption;

import io.orderflow.codec.EncryptionKeys;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The payload encryption keys, under {@code orderflow.encryption}: the same ring as every worker's,
 * since the gateway writes the orders' inputs and memo and reads their query answers. There is
 * deliberately no default: a gateway without a key refuses to start rather than write plaintext,
 * or ciphertext no worker can read. The embedded platform and the tests pass a key of their own.
 *
 * <p>From the environment (a Kubernetes Secret): {@code ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID=k2},
 * {@code ORDERFLOW_ENCRYPTION_KEYS_K1=<base64>}, {@code ORDERFLOW_ENCRYPTION_KEYS_K2=<base64>}.
 *
 * @param currentKeyId the id of the key that encrypts new payloads
 * @param keys every key that may still be needed to decrypt, by id: 32 random bytes in Base64
 */
@ConfigurationProperties("orderflow.encryption")
public record EncryptionProperties(String currentKeyId, Map<String, String> keys) {

    /** The key ring, or a start-up failure that says which setting is missing (never a key's value). */
    public EncryptionKeys keyRing() {
        return EncryptionKeys.fromConfiguration(currentKeyId, keys);
    }
}
