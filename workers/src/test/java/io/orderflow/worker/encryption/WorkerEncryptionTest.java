package io.orderflow.worker.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.codec.EncryptionKeys;
import io.orderflow.testing.Orders;
import io.orderflow.worker.WorkerApplication;
import io.orderflow.worker.WorkerRole;
import io.orderflow.worker.WorkerRoles;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A worker encrypts with the keys an operator gives it through the environment, as a pod gets
 * them from its Secret, and refuses to start without them. Nothing listens on port 1: the
 * Temporal worker is built but never polls, which is all these tests need.
 */
class WorkerEncryptionTest {

    private static final String OLD_KEY = EncryptionKeys.randomKey();
    private static final String NEW_KEY = EncryptionKeys.randomKey();

    @Test
    void aWorkerWithoutAnEncryptionKeyRefusesToStartAndSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> startWorker(Map.of()).close())
                .hasStackTraceContaining("no encryption key is configured")
                .hasStackTraceContaining("ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID")
                .hasStackTraceContaining("ORDERFLOW_ENCRYPTION_KEYS_<ID>");
    }

    @Test
    void aWorkerWhoseCurrentKeyIdNamesNoKeyRefusesToStart() {
        assertThatThrownBy(() -> startWorker(Map.of(
                "ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID", "k3",
                "ORDERFLOW_ENCRYPTION_KEYS_K1", OLD_KEY)).close())
                .hasStackTraceContaining("'k3' is not one of the configured ids [k1]")
                .satisfies(failure -> assertThat(stackTrace(failure)).doesNotContain(OLD_KEY));
    }

    @Test
    void aWorkerConfiguredThroughTheEnvironmentEncryptsWithTheCurrentKeyAndStillReadsTheOldOne() {
        Payload writtenBeforeRotation = OrderflowDataConverter.create(
                new AesGcmPayloadCodec(EncryptionKeys.of("k1", Map.of("k1", OLD_KEY))))
                .toPayload(Orders.sample("o-1")).orElseThrow();

        try (ConfigurableApplicationContext worker = startWorker(Map.of(
                "ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID", "k2",
                "ORDERFLOW_ENCRYPTION_KEYS_K1", OLD_KEY,
                "ORDERFLOW_ENCRYPTION_KEYS_K2", NEW_KEY))) {
            DataConverter converter = worker.getBean("mainDataConverter", DataConverter.class);
            Payload written = converter.toPayload(Orders.sample("o-2")).orElseThrow();

            assertThat(written.getMetadataOrThrow(AesGcmPayloadCodec.METADATA_KEY_ID).toStringUtf8()).isEqualTo("k2");
            assertThat(written.getData().toStringUtf8()).doesNotContain("tok_visa");
            assertThat(converter.fromPayload(writtenBeforeRotation, CheckoutRequest.class,
                    CheckoutRequest.class)).isEqualTo(Orders.sample("o-1"));
        }
    }

    /** A checkout worker whose process environment is exactly {@code environment}. */
    private static ConfigurableApplicationContext startWorker(Map<String, Object> environment) {
        StandardEnvironment processEnvironment = new StandardEnvironment();
        processEnvironment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environment));
        return WorkerApplication.application(WorkerRoles.of(WorkerRole.CHECKOUT))
                .environment(processEnvironment)
                .run("--server.port=0", "--spring.temporal.connection.target=127.0.0.1:1");
    }

    private static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
