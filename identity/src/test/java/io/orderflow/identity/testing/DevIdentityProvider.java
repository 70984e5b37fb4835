package io.orderflow.identity.testing;

import io.orderflow.identity.IdentityApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real dev identity provider started in this JVM on a free port, for tests of the processes
 * that trust it. Besides the documented clients it registers {@code short-lived}, whose tokens
 * live three seconds, so tests can present a genuinely expired token.
 */
public final class DevIdentityProvider implements AutoCloseable {

    public static final DevTokens.DevClient SHORT_LIVED =
            new DevTokens.DevClient("short-lived", "short-lived-test-secret", "orders:read");

    private final ConfigurableApplicationContext context;
    private final URI issuer;

    private DevIdentityProvider(ConfigurableApplicationContext context, URI issuer) {
        this.context = context;
        this.issuer = issuer;
    }

    /** Starts a provider whose issuer is {@code http://127.0.0.1:<port>}. */
    public static DevIdentityProvider start() {
        return start(freePort(), null);
    }

    /**
     * Starts a provider on {@code port} that names itself {@code issuer} (default: its own URL). A
     * second provider claiming another one's issuer signs with its own keys: its tokens are forgeries.
     */
    public static DevIdentityProvider start(int port, URI claimedIssuer) {
        URI issuer = claimedIssuer != null ? claimedIssuer : URI.create("http://127.0.0.1:" + port);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.security.oauth2.authorizationserver.issuer=" + issuer,
                "--orderflow.identity.clients.short-lived.secret=" + SHORT_LIVED.secret(),
                "--orderflow.identity.clients.short-lived.subject=alice",
                "--orderflow.identity.clients.short-lived.scopes=" + SHORT_LIVED.scopes(),
                "--orderflow.identity.clients.short-lived.access-token-ttl=3s"));
        ConfigurableApplicationContext context = IdentityApplication.application()
                .run(args.toArray(String[]::new));
        return new DevIdentityProvider(context, issuer);
    }

    public URI issuer() {
        return issuer;
    }

    public DevTokens tokens() {
        return new DevTokens(URI.create("http://127.0.0.1:" + port()));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
