package io.orderflow.codecserver;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Like the gateway and the workers, the codec server does not start without a key. */
class CodecServerStartupTest {

    @Test
    void withoutAnEncryptionKeyTheCodecServerRefusesToStartAndSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> CodecServerApplication.application().run("--server.port=0").close())
                .hasStackTraceContaining("no encryption key is configured")
                .hasStackTraceContaining("ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID");
    }
}
