package io.orderflow.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.orderflow.OrderflowDataConverter;
import io.orderflow.testing.Orders;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmPayloadCodecTest {

    private static final String OLD_KEY = EncryptionKeys.randomKey();
    private static final String NEW_KEY = EncryptionKeys.randomKey();

    private final AesGcmPayloadCodec codec = codec("k1", Map.of("k1", OLD_KEY));
    /** A checkout request as the JSON payload converter writes it: token, name and address in clear. */
    private final Payload checkout = OrderflowDataConverter.create().toPayload(Orders.sample("o-1")).orElseThrow();

    @Test
    void anEncryptedPayloadDecodesToExactlyTheOriginal() {
        Payload encrypted = encode(codec, checkout);

        assertThat(decode(codec, encrypted)).isEqualTo(checkout);
    }

    @Test
    void anEncryptedPayloadNamesItsEncodingCipherAndKeyButNotTheOriginalEncoding() {
        Payload encrypted = encode(codec, checkout);

        assertThat(encrypted.getMetadataMap()).containsOnlyKeys(EncodingKeys.METADATA_ENCODING_KEY,
                AesGcmPayloadCodec.METADATA_CIPHER, AesGcmPayloadCodec.METADATA_KEY_ID);
        assertThat(metadata(encrypted, EncodingKeys.METADATA_ENCODING_KEY)).isEqualTo("binary/encrypted");
        assertThat(metadata(encrypted, AesGcmPayloadCodec.METADATA_CIPHER)).isEqualTo("AES/GCM/NoPadding");
        assertThat(metadata(encrypted, AesGcmPayloadCodec.METADATA_KEY_ID)).isEqualTo("k1");
    }

    @Test
    void theCiphertextContainsNeitherThePaymentTokenNorTheAddress() {
        assertThat(checkout.getData().toStringUtf8()).as("the plaintext, as a control")
                .contains("tok_visa", "12 Main St", "Ada Lovelace");

        String stored = encode(codec, checkout).toByteString().toStringUtf8();

        assertThat(stored).doesNotContain("tok_visa", "12 Main St", "Ada Lovelace", "json/plain");
    }

    @Test
    void theSamePayloadEncryptsDifferentlyEachTimeUnderAFreshNonce() {
        ByteString first = encode(codec, checkout).getData();
        ByteString second = encode(codec, checkout).getData();

        assertThat(first).isNotEqualTo(second);
        assertThat(first.substring(0, 12)).as("nonce").isNotEqualTo(second.substring(0, 12));
        assertThat(first.size()).as("12-byte nonce + plaintext + 16-byte tag")
                .isEqualTo(12 + checkout.toByteArray().length + 16);
    }

    @Test
    void aTamperedCiphertextFailsToDecode() {
        Payload encrypted = encode(codec, checkout);
        byte[] data = encrypted.getData().toByteArray();
        data[data.length / 2] ^= 0x01;
        Payload tampered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

        assertThatThrownBy(() -> decode(codec, tampered))
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void aPayloadRelabelledWithAnotherKeyIdFailsToDecode() {
        AesGcmPayloadCodec twoKeys = codec("k1", Map.of("k1", OLD_KEY, "k2", OLD_KEY));
        Payload relabelled = encode(twoKeys, checkout).toBuilder()
                .putMetadata(AesGcmPayloadCodec.METADATA_KEY_ID, ByteString.copyFromUtf8("k2"))
                .build();

        assertThatThrownBy(() -> decode(twoKeys, relabelled))
                .as("the key id is authenticated, even when both ids hold the same key")
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void aPayloadWrittenBeforeEncryptionStillDecodes() {
        assertThat(decode(codec, checkout)).isSameAs(checkout);
    }

    @Test
    void aPayloadEncryptedWithAKeyNotInTheRingFailsNamingThatKey() {
        Payload fromElsewhere = encode(codec("other", Map.of("other", NEW_KEY)), checkout);

        assertThatThrownBy(() -> decode(codec, fromElsewhere))
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("'other'")
                .hasMessageContaining("[k1]")
                .hasMessageNotContaining(NEW_KEY)
                .hasMessageNotContaining(OLD_KEY);
    }

    @Test
    void aPayloadWrittenWithTheOldKeyStillDecodesAfterANewKeyBecameCurrent() {
        Payload writtenBeforeRotation = encode(codec, checkout);
        AesGcmPayloadCodec rotated = codec("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY));

        Payload writtenAfterRotation = encode(rotated, checkout);

        assertThat(decode(rotated, writtenBeforeRotation)).isEqualTo(checkout);
        assertThat(metadata(writtenAfterRotation, AesGcmPayloadCodec.METADATA_KEY_ID)).isEqualTo("k2");
        assertThat(decode(rotated, writtenAfterRotation)).isEqualTo(checkout);
        assertThatThrownBy(() -> decode(codec, writtenAfterRotation))
                .as("a process that does not have the new key yet cannot read it: add keys before making them current")
                .isInstanceOf(PayloadCodecException.class);
    }

    @Test
    void anEncryptedPayloadWithAnUnknownCipherIsRefused() {
        Payload other = encode(codec, checkout).toBuilder()
                .putMetadata(AesGcmPayloadCodec.METADATA_CIPHER, ByteString.copyFromUtf8("AES/CBC/PKCS5Padding"))
                .build();

        assertThatThrownBy(() -> decode(codec, other))
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("AES/CBC/PKCS5Padding");
    }

    @Test
    void aTruncatedPayloadIsRefused() {
        Payload truncated = encode(codec, checkout).toBuilder().setData(ByteString.copyFromUtf8("short")).build();

        assertThatThrownBy(() -> decode(codec, truncated))
                .isInstanceOf(PayloadCodecException.class)
                .hasMessageContaining("too short");
    }

    private static AesGcmPayloadCodec codec(String current, Map<String, String> keys) {
        return new AesGcmPayloadCodec(EncryptionKeys.of(current, keys));
    }

    private static Payload encode(AesGcmPayloadCodec codec, Payload payload) {
        return codec.encode(List.of(payload)).get(0);
    }

    private static Payload decode(AesGcmPayloadCodec codec, Payload payload) {
        return codec.decode(List.of(payload)).get(0);
    }

    private static String metadata(Payload payload, String key) {
        return payload.getMetadataOrThrow(key).toStringUtf8();
    }
}
