package io.orderflow.e2e;

import io.orderflow.embedded.EmbeddedPlatform;
import io.orderflow.embedded.EmbeddedSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The checkout scenarios against the embedded platform booted in this JVM exactly as
 * {@code scripts/run.sh} boots it, on free ports, over real HTTP and gRPC.
 */
class EmbeddedPlatformEndToEndTest extends CheckoutScenarios {

    private static EmbeddedPlatform platform;
    private static OrderflowClient client;

    @BeforeAll
    static void bootPlatform() {
        EmbeddedSettings settings = new EmbeddedSettings(freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        platform = EmbeddedPlatform.start(settings);
        client = new OrderflowClient(URI.create(settings.gatewayUrl()));
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Override
    protected OrderflowClient client() {
        return client;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
