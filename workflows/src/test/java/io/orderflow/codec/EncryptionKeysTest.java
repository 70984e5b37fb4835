package io.orderflow.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionKeysTest {

    private static final String KEY = EncryptionKeys.randomKey();

    @Test
    void theCurrentKeyEncryptsAndEveryConfiguredKeyDecrypts() {
        EncryptionKeys keys = EncryptionKeys.of("k2", Map.of("k1", KEY, "k2", EncryptionKeys.randomKey()));

        assertThat(keys.currentKeyId()).isEqualTo("k2");
        assertThat(keys.keyIds()).containsExactly("k1", "k2");
        assertThat(keys.find("k1")).isPresent();
        assertThat(keys.find("k3")).isEmpty();
    }

    @Test
    void noConfiguredKeyIsRefused() {
        assertThatThrownBy(() -> EncryptionKeys.of("k1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no encryption key");
        assertThatThrownBy(() -> EncryptionKeys.of(null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCurrentKeyIdThatNamesNoConfiguredKeyIsRefused() {
        assertThatThrownBy(() -> EncryptionKeys.of("k9", Map.of("k1", KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'k9'")
                .hasMessageContaining("[k1]");
        assertThatThrownBy(() -> EncryptionKeys.of(" ", Map.of("k1", KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no current encryption key id");
    }

    @Test
    void aKeyThatIsNotExactly256BitsIsRefusedWithoutPrintingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> EncryptionKeys.of("k1", Map.of("k1", shortKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16 bytes")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void aKeyThatIsNotBase64IsRefusedWithoutPrintingIt() {
        assertThatThrownBy(() -> EncryptionKeys.of("k1", Map.of("k1", "not base64!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid Base64")
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void aKeyReadFromASecretFileWithATrailingNewlineIsAccepted() {
        assertThat(EncryptionKeys.of("k1", Map.of("k1", KEY + "\n")).find("k1")).isPresent();
    }

    @Test
    void anUpperCaseKeyIdIsRefusedSinceEnvironmentVariablesBindKeyIdsInLowerCase() {
        assertThatThrownBy(() -> EncryptionKeys.of("K1", Map.of("K1", KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'K1'");
    }

    @Test
    void itsTextNamesTheKeyIdsButNoKey() {
        EncryptionKeys keys = EncryptionKeys.of("k1", Map.of("k1", KEY));

        assertThat(keys.toString()).contains("k1").doesNotContain(KEY);
    }

    @Test
    void randomKeysAreFresh256BitKeys() {
        assertThat(Base64.getDecoder().decode(EncryptionKeys.randomKey())).hasSize(32);
        assertThat(EncryptionKeys.randomKey()).isNotEqualTo(EncryptionKeys.randomKey());
    }
}
