package io.orderflow.embedded;

import io.orderflow.codec.EncryptionKeys;
import io.orderflow.gateway.GatewayApplication;
import io.orderflow.identity.IdentityApplication;
import io.orderflow.persistence.InMemoryDatabase;
import io.orderflow.web.WebApplication;
import io.orderflow.worker.SearchAttributeRegistration;
import io.orderflow.worker.WorkerApplication;
import io.orderflow.worker.WorkerRole;
import io.orderflow.worker.WorkerRoles;
import io.temporal.testserver.TestServer;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in one JVM, with no outside services: the in-process Temporal test server on
 * a real port, the dev identity provider, an in-memory H2 database (MySQL mode) per service, the
 * four worker roles, the gateway and the web pages. Each part is its own Spring context built exactly as its production process builds it
 * ({@link WorkerApplication#application}, {@link GatewayApplication#application}); only the
 * connection settings differ. Stops cleanly on Ctrl-C.
 */
public final class EmbeddedPlatform implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPlatform.class);
    private static final String NAMESPACE = "default";
    private static final String DEV_KEY_ID = "dev";

    private final EmbeddedSettings settings;
    private final TestServer.PortBoundTestServer temporal;
    /**
     * A fresh payload encryption key for this run, handed to every part: they share this JVM, and
     * the in-memory Temporal server forgets every history when the run ends, so no key has to
     * outlive it. The processes of a real deployment refuse to start without a configured key.
     */
    private final String devKey = EncryptionKeys.randomKey();
    /** Likewise the secret the simulated carrier signs its webhook events with, fresh per run. */
    private final String carrierSecret = EncryptionKeys.randomKey();
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    private EmbeddedPlatform(EmbeddedSettings settings) {
        this.settings = settings;
        // Time skipping locked: the test server keeps real time, like a real Temporal server. With
        // skipping on it jumps its clock to the next timer whenever nothing runs, which made retry
        // backoffs and deadlines vanish and, under load, jumped centuries ahead, so that the SDK's
        // duration arithmetic overflowed and the affected orders never finished.
        this.temporal = TestServer.createPortBoundServer(settings.temporalPort(), true);
    }

    public static void main(String[] args) {
        EmbeddedPlatform platform = start(EmbeddedSettings.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "embedded-platform-shutdown"));
        System.out.printf("%n  orderflow is running (embedded: in-process Temporal, in-memory databases)%n"
                        + "    Shop         %s (storefront; operators: %s/console)%n"
                        + "    API          %s/api/v1/orders%n"
                        + "    Catalog      %s/api/v1/products%n"
                        + "    Swagger UI   %s/swagger-ui.html%n"
                        + "    Identity     %s (dev OIDC provider; token: see the README)%n"
                        + "    OpenAPI      %s/v3/api-docs%n"
                        + "    Temporal     %s (gRPC; e.g. temporal workflow list --address %s)%n"
                        + "  Press Ctrl-C to stop.%n%n",
                platform.settings.webUrl(), platform.settings.webUrl(),
                platform.settings.gatewayUrl(), platform.settings.gatewayUrl(), platform.settings.gatewayUrl(),
                platform.settings.issuer(), platform.settings.gatewayUrl(), platform.settings.temporalTarget(), platform.settings.temporalTarget());
    }

    /** Starts every part and returns when the gateway serves requests. */
    public static EmbeddedPlatform start(EmbeddedSettings settings) {
        EmbeddedPlatform platform = new EmbeddedPlatform(settings);
        try {
            SearchAttributeRegistration.register(settings.temporalTarget(), NAMESPACE);
            platform.startIdentityProvider();
            platform.startWorker(WorkerRole.STOCK, settings.stockPort());
            platform.startWorker(WorkerRole.PAYMENT, settings.paymentPort());
            platform.startWorker(WorkerRole.DELIVERY, settings.deliveryPort());
            platform.startWorker(WorkerRole.CHECKOUT, settings.checkoutPort());
            platform.startGateway();
            platform.startWeb();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    /** The dev identity provider: the gateway and the stock service trust the tokens it issues. */
    private void startIdentityProvider() {
        log.info("Starting the dev identity provider on :{}", settings.identityPort());
        // The browser client may come back to this platform's Swagger UI, wherever its gateway listens.
        contexts.add(IdentityApplication.application().run(
                "--server.port=" + settings.identityPort(),
                "--spring.security.oauth2.authorizationserver.issuer=" + settings.issuer(),
                "--orderflow.identity.browser-client.redirect-uris[0]=" + settings.gatewayUrl()
                        + "/swagger-ui/oauth2-redirect.html",
                "--orderflow.identity.allowed-origins[0]=" + settings.gatewayUrl(),
                // The web pages log people in here and come back to this platform's web port.
                "--orderflow.identity.confidential-clients.orderflow-pages.redirect-uris[0]=" + settings.webUrl()
                        + "/login/oauth2/code/orderflow",
                "--orderflow.identity.confidential-clients.orderflow-pages.post-logout-redirect-uris[0]="
                        + settings.webUrl() + "/"));
    }

    private void startWorker(WorkerRole role, int port) {
        List<String> args = new ArrayList<>(commonArgs(port));
        // One JVM: each worker's probes stay on its HTTP port (a deployment gives them their own).
        args.add("--management.server.port=" + port);
        if (role == WorkerRole.STOCK) {
            args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + settings.issuer());
            // The demo catalog (MUG-RED, ...) exists only in demo setups like this one.
            args.add("--spring.flyway.locations=classpath:db/stock,classpath:db/stock-demo");
        }
        if (role == WorkerRole.DELIVERY) {
            args.add("--orderflow.delivery.carrier.events.webhook-url=" + settings.gatewayUrl() + "/api/v1/carrier/events");
            args.add("--orderflow.delivery.carrier.events.webhook-secret=" + carrierSecret);
        }
        if (role.ownsDatabase()) {
            String db = role.profile();
            args.add("--spring.datasource.url=" + InMemoryDatabase.url(db));
            args.add("--spring.datasource.username=" + InMemoryDatabase.USERNAME);
            args.add("--spring.datasource.password=" + InMemoryDatabase.PASSWORD);
        }
        log.info("Starting {} worker on :{}", role.profile(), port);
        contexts.add(WorkerApplication.application(WorkerRoles.of(role)).run(args.toArray(String[]::new)));
    }

    private void startGateway() {
        List<String> args = new ArrayList<>(commonArgs(settings.gatewayPort()));
        args.add("--orderflow.gateway.catalog.base-url=http://127.0.0.1:" + settings.stockPort());
        args.add("--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + settings.issuer());
        args.add("--orderflow.gateway.carrier.webhook-secret=" + carrierSecret);
        // One JVM for everything: the gateway's probes and metrics stay on its API port here (a
        // deployment puts them on their own management port, 9080 by default).
        args.add("--management.server.port=" + settings.gatewayPort());
        log.info("Starting gateway on :{}", settings.gatewayPort());
        contexts.add(GatewayApplication.application().run(args.toArray(String[]::new)));
    }

    /** The pages: they reach the platform through the gateway only, like any other client. */
    private void startWeb() {
        log.info("Starting the web pages on :{}", settings.webPort());
        contexts.add(WebApplication.application().run(
                "--server.port=" + settings.webPort(),
                "--management.server.port=" + settings.webPort(),
                "--orderflow.web.gateway-url=" + settings.gatewayUrl(),
                "--spring.security.oauth2.client.provider.orderflow.issuer-uri=" + settings.issuer()));
    }

    private List<String> commonArgs(int port) {
        return List.of(
                "--server.port=" + port,
                "--spring.temporal.connection.target=" + settings.temporalTarget(),
                "--spring.temporal.namespace=" + NAMESPACE,
                "--orderflow.encryption.current-key-id=" + DEV_KEY_ID,
                "--orderflow.encryption.keys." + DEV_KEY_ID + "=" + devKey);
    }

    public EmbeddedSettings settings() {
        return settings;
    }

    /** The secret carrier events must be signed with on this run (for tests that play the carrier). */
    public String carrierWebhookSecret() {
        return carrierSecret;
    }

    /** Stops the pages and the gateway first, then the workers (draining them), then the Temporal server. */
    @Override
    public synchronized void close() {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                contexts.get(i).close();
            } catch (RuntimeException e) {
                log.warn("Failed to stop a part of the embedded platform", e);
            }
        }
        contexts.clear();
        temporal.close();
    }
}
