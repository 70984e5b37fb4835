package io.orderflow.codec;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key ring payloads are encrypted with: every configured AES-256 key by its id, and the id of
 * the current one.
 *
 * <p>Rotation: add the new key to every process first (readers), then make it current (writers).
 * The current key encrypts; every key in the ring decrypts, because each payload names the key it
 * was written with. Remove an old key only when no open workflow, and no retained history that
 * must stay readable, still holds a payload written with it.
 *
 * <p>Key ids are short lower-case names ({@code k1}, {@code 2026a}): they are written into every
 * payload, and lower case is what a map key set through an environment variable becomes
 * ({@code ORDERFLOW_ENCRYPTION_KEYS_K1} binds to id {@code k1}).
 */
public final class EncryptionKeys {

    /** AES-256: the only key size accepted, so a truncated secret fails at start-up, not silently weaker. */
    public static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private EncryptionKeys(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /**
     * The key ring of a process's {@code orderflow.encryption.*} settings, or a start-up failure that
     * says which setting is missing or malformed (never a key's value) and how to set it.
     */
    public static EncryptionKeys fromConfiguration(String currentKeyId, Map<String, String> base64Keys) {
        try {
            return of(currentKeyId, base64Keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Payload encryption is not configured correctly: " + e.getMessage()
                    + ". Set orderflow.encryption.current-key-id and orderflow.encryption.keys.<id> "
                    + "(environment: ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID and ORDERFLOW_ENCRYPTION_KEYS_<ID>)", e);
        }
    }

    /**
     * Builds the ring from configuration.
     *
     * @param currentKeyId the id of the key that encrypts from now on; must be in {@code base64Keys}
     * @param base64Keys every key by id, each 32 random bytes in standard Base64 (surrounding
     *     whitespace, such as a secret file's trailing newline, is ignored)
     * @throws IllegalArgumentException naming what is missing or malformed, never a key's value
     */
    public static EncryptionKeys of(String currentKeyId, Map<String, String> base64Keys) {
        if (base64Keys == null || base64Keys.isEmpty()) {
            throw new IllegalArgumentException("no encryption key is configured");
        }
        Map<String, SecretKey> keys = new TreeMap<>();
        base64Keys.forEach((id, base64) -> keys.put(checkedId(id), decode(id, base64)));
        if (currentKeyId == null || currentKeyId.isBlank()) {
            throw new IllegalArgumentException("no current encryption key id is configured (configured ids: "
                    + keys.keySet() + ")");
        }
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current encryption key id '" + currentKeyId
                    + "' is not one of the configured ids " + keys.keySet());
        }
        return new EncryptionKeys(currentKeyId, Collections.unmodifiableMap(keys));
    }

    /** A fresh random key in the Base64 form {@link #of} reads, for a development run or a new rotation. */
    public static String randomKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, new SecureRandom());
            return Base64.getEncoder().encodeToString(generator.generateKey().getEncoded());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has AES", impossible);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    SecretKey current() {
        return keys.get(currentKeyId);
    }

    Optional<SecretKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Names the ids only: a key ring ends up in logs and failure messages. */
    @Override
    public String toString() {
        return "EncryptionKeys[current=" + currentKeyId + ", ids=" + keys.keySet() + "]";
    }

    private static String checkedId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("encryption key id '" + id
                    + "' is not a short lower-case name (letters, digits, '.', '_', '-')");
        }
        return id;
    }

    private static SecretKey decode(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("encryption key '" + id + "' is not valid Base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("encryption key '" + id + "' is " + bytes.length
                    + " bytes; AES-256 needs " + KEY_BYTES + " (generate one with: openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
