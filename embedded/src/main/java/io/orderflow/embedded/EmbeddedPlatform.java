package io.orderflow.embedded;

import io.orderflow.gateway.GatewayApplication;
import io.orderflow.worker.SearchAttributeRegistration;
import io.orderflow.worker.WorkerApplication;
import io.orderflow.worker.WorkerRole;
import io.orderflow.worker.WorkerRoles;
import io.temporal.testserver.TestServer;
import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in one JVM, with no outside services: the in-process Temporal test server on
 * a real port, an in-memory H2 database (MySQL mode) per service, the four worker roles and the
 * gateway. Each part is its own Spring context built exactly as its production process builds it
 * ({@link WorkerApplication#application}, {@link GatewayApplication#application}); only the
 * connection settings differ. Stops cleanly on Ctrl-C.
 */
public final class EmbeddedPlatform implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPlatform.class);
    private static final String NAMESPACE = "default";

    private final EmbeddedSettings settings;
    private final TestServer.PortBoundTestServer temporal;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

    private EmbeddedPlatform(EmbeddedSettings settings) {
        this.settings = settings;
        this.temporal = TestServer.createPortBoundServer(settings.temporalPort(), false);
    }

    public static void main(String[] args) {
        EmbeddedPlatform platform = start(EmbeddedSettings.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "embedded-platform-shutdown"));
        System.out.printf("%n  orderflow is running (embedded: in-process Temporal, in-memory databases)%n"
                        + "    API          %s/api/v1/orders%n"
                        + "    Catalog      %s/api/v1/products%n"
                        + "    Swagger UI   %s/swagger-ui.html%n"
                        + "    OpenAPI      %s/v3/api-docs%n"
                        + "    Temporal     %s (gRPC; e.g. temporal workflow list --address %s)%n"
                        + "  Press Ctrl-C to stop.%n%n",
                platform.settings.gatewayUrl(), platform.settings.gatewayUrl(), platform.settings.gatewayUrl(),
                platform.settings.gatewayUrl(), platform.settings.temporalTarget(), platform.settings.temporalTarget());
    }

    /** Starts every part and returns when the gateway serves requests. */
    public static EmbeddedPlatform start(EmbeddedSettings settings) {
        EmbeddedPlatform platform = new EmbeddedPlatform(settings);
        try {
            SearchAttributeRegistration.register(settings.temporalTarget(), NAMESPACE);
            platform.startWorker(WorkerRole.STOCK, settings.stockPort());
            platform.startWorker(WorkerRole.PAYMENT, settings.paymentPort());
            platform.startWorker(WorkerRole.DELIVERY, settings.deliveryPort());
            platform.startWorker(WorkerRole.CHECKOUT, settings.checkoutPort());
            platform.startGateway();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startWorker(WorkerRole role, int port) {
        List<String> args = new ArrayList<>(commonArgs(port));
        if (role.ownsDatabase()) {
            String db = role.profile();
            args.add("--spring.datasource.url=jdbc:h2:mem:" + db + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            args.add("--spring.datasource.username=sa");
            args.add("--spring.datasource.password=");
        }
        log.info("Starting {} worker on :{}", role.profile(), port);
        contexts.add(WorkerApplication.application(WorkerRoles.of(role), Map.of()).run(args.toArray(String[]::new)));
    }

    private void startGateway() {
        List<String> args = new ArrayList<>(commonArgs(settings.gatewayPort()));
        args.add("--orderflow.gateway.catalog.base-url=http://127.0.0.1:" + settings.stockPort());
        log.info("Starting gateway on :{}", settings.gatewayPort());
        contexts.add(GatewayApplication.application(Map.of()).run(args.toArray(String[]::new)));
    }

    private List<String> commonArgs(int port) {
        return List.of(
                "--server.port=" + port,
                "--spring.temporal.connection.target=" + settings.temporalTarget(),
                "--spring.temporal.namespace=" + NAMESPACE);
    }

    public EmbeddedSettings settings() {
        return settings;
    }

    /** Stops the gateway first, then the workers (draining them), then the Temporal server. */
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
