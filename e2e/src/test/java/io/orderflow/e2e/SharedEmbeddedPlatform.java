package io.orderflow.e2e;

import io.orderflow.embedded.EmbeddedPlatform;
import io.orderflow.embedded.EmbeddedSettings;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import java.net.URI;
import java.time.Duration;

/**
 * One embedded platform for every end-to-end test class in this JVM, booted exactly as
 * {@code scripts/run.sh} boots it, on free ports, and stopped when the JVM exits. Booting it once
 * keeps the suite fast; the scenarios never share data (each makes its own SKUs and orders).
 */
final class SharedEmbeddedPlatform {

    /**
     * The checkout worker's delivery deadline in these tests: a parcel nobody reports on is overdue
     * within seconds instead of days. Set as the system property the worker's Spring environment
     * reads, like {@code -Dorderflow.checkout.delivery-deadline=…} on {@code scripts/run.sh}.
     */
    static final Duration DELIVERY_DEADLINE = Duration.ofSeconds(4);

    private static EmbeddedPlatform platform;

    private SharedEmbeddedPlatform() {
    }

    static synchronized EmbeddedSettings settings() {
        if (platform == null) {
            EmbeddedSettings settings = new EmbeddedSettings(freePort(), freePort(), freePort(), freePort(), freePort(),
                    freePort(), freePort(), freePort());
            System.setProperty("orderflow.checkout.delivery-deadline", DELIVERY_DEADLINE.toString());
            platform = EmbeddedPlatform.start(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "embedded-platform-shutdown"));
        }
        return platform.settings();
    }

    /** What the platform's carrier webhook checks signatures with. */
    static synchronized String carrierSecret() {
        settings();
        return platform.carrierWebhookSecret();
    }

    /** Tokens from the platform's own dev identity provider. */
    static DevTokens tokens() {
        return new DevTokens(URI.create(settings().issuer()));
    }

    /** The API as the operator. */
    static OrderflowClient operatorClient() {
        DevTokens tokens = tokens();
        return new OrderflowClient(URI.create(settings().gatewayUrl()), () -> tokens.accessToken(DevTokens.OPERATOR));
    }

    private static int freePort() {
        return DevIdentityProvider.freePort();
    }
}
