package io.orderflow.gateway.encryption;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.codec.EncryptionKeys;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.temporal.TemporalClientConfiguration;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's Temporal client encrypts with the configured current key, and without a key the
 * gateway does not start (no application.yml is read here, so nothing supplies one by default).
 */
class GatewayEncryptionConfigurationTest {

    private static final String KEY = EncryptionKeys.randomKey();

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, TemporalClientConfiguration.class);

    @Test
    void withoutAnEncryptionKeyTheGatewayRefusesToStartAndSaysWhichSettingIsMissing() {
        gateway.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("no encryption key is configured")
                    .hasStackTraceContaining("ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID")
                    .hasStackTraceContaining("ORDERFLOW_ENCRYPTION_KEYS_<ID>");
        });
    }

    @Test
    void theTemporalClientsConverterEncryptsWithTheCurrentKey() {
        gateway.withPropertyValues("orderflow.encryption.current-key-id=k1", "orderflow.encryption.keys.k1=" + KEY)
                .run(context -> {
                    Payload written = context.getBean("mainDataConverter", DataConverter.class)
                            .toPayload("tok_visa").orElseThrow();

                    assertThat(written.getMetadataOrThrow(AesGcmPayloadCodec.METADATA_KEY_ID).toStringUtf8())
                            .isEqualTo("k1");
                    assertThat(written.getData().toStringUtf8()).doesNotContain("tok_visa");
                });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GatewayProperties.class, EncryptionProperties.class})
    static class Settings {
    }
}
