package io.orderflow.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every payload with AES-256-GCM (the JDK's {@code AES/GCM/NoPadding}) before it leaves
 * the process for Temporal, and decrypts it on the way back.
 *
 * <p>An encrypted payload carries the whole original payload (data and metadata, serialized) as
 * its plaintext, so the server sees neither the JSON nor its encoding. Its own metadata says
 * {@code encoding: binary/encrypted}, the cipher and the id of the key it was written with; its
 * data is a fresh random 12-byte nonce followed by the ciphertext and the 16-byte tag. The key id
 * is also bound in as associated data, so a payload relabelled with another key id fails to
 * decrypt instead of being read under the wrong key.
 *
 * <p>Decoding passes a payload without the {@code binary/encrypted} encoding through unchanged:
 * histories written before encryption was switched on still decode and replay. A payload written
 * with a key that is not in the ring, or altered in any way, fails loudly with a
 * {@link PayloadCodecException}; it is never returned half-read.
 *
 * <p>Random nonces keep a key safe for about 2<sup>32</sup> payloads; at a few dozen payloads per
 * order, rotate keys long before a key has written a hundred million orders.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {

    public static final String ENCODING = "binary/encrypted";
    public static final String CIPHER = "AES/GCM/NoPadding";
    public static final String METADATA_KEY_ID = "encryption-key-id";
    public static final String METADATA_CIPHER = "encryption-cipher";

    private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);
    private static final ByteString CIPHER_BYTES = ByteString.copyFromUtf8(CIPHER);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final EncryptionKeys keys;
    private final SecureRandom random = new SecureRandom();

    public AesGcmPayloadCodec(EncryptionKeys keys) {
        this.keys = keys;
    }

    @Override
    public List<Payload> encode(List<Payload> payloads) {
        return payloads.stream().map(this::encrypt).toList();
    }

    @Override
    public List<Payload> decode(List<Payload> payloads) {
        return payloads.stream().map(this::decrypt).toList();
    }

    private Payload encrypt(Payload payload) {
        String keyId = keys.currentKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext;
        try {
            ciphertext = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, keyId).doFinal(payload.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new PayloadCodecException("could not encrypt a payload with key '" + keyId + "'", e);
        }
        return Payload.newBuilder()
                .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ENCODING_BYTES)
                .putMetadata(METADATA_CIPHER, CIPHER_BYTES)
                .putMetadata(METADATA_KEY_ID, ByteString.copyFromUtf8(keyId))
                .setData(ByteString.copyFrom(ByteBuffer.allocate(nonce.length + ciphertext.length)
                        .put(nonce).put(ciphertext).array()))
                .build();
    }

    private Payload decrypt(Payload payload) {
        if (!ENCODING_BYTES.equals(payload.getMetadataOrDefault(EncodingKeys.METADATA_ENCODING_KEY, null))) {
            return payload;
        }
        ByteString cipherName = payload.getMetadataOrDefault(METADATA_CIPHER, CIPHER_BYTES);
        if (!CIPHER_BYTES.equals(cipherName)) {
            throw new PayloadCodecException("encrypted payload uses cipher '" + cipherName.toStringUtf8()
                    + "'; this codec reads " + CIPHER + " only");
        }
        ByteString keyIdBytes = payload.getMetadataOrDefault(METADATA_KEY_ID, null);
        if (keyIdBytes == null) {
            throw new PayloadCodecException("encrypted payload has no " + METADATA_KEY_ID + " metadata");
        }
        String keyId = keyIdBytes.toString(StandardCharsets.UTF_8);
        SecretKey key = keys.find(keyId).orElseThrow(() -> new PayloadCodecException(
                "payload was encrypted with key '" + keyId + "', which is not in this process's key ring "
                        + keys.keyIds() + ": add that key to orderflow.encryption.keys"));
        ByteString data = payload.getData();
        if (data.size() < NONCE_BYTES + TAG_BITS / 8) {
            throw new PayloadCodecException("encrypted payload is too short to hold a nonce and a tag");
        }
        try {
            byte[] plaintext = cipher(Cipher.DECRYPT_MODE, key, data.substring(0, NONCE_BYTES).toByteArray(), keyId)
                    .doFinal(data.substring(NONCE_BYTES).toByteArray());
            return Payload.parseFrom(plaintext);
        } catch (AEADBadTagException tampered) {
            throw new PayloadCodecException("encrypted payload failed authentication with key '" + keyId
                    + "': it was altered, or written with a different key under that id", tampered);
        } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
            throw new PayloadCodecException("could not decrypt a payload with key '" + keyId + "'", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
