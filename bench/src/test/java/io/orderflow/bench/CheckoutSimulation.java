package io.orderflow.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Set;

/**
 * Customers placing orders through the REST API, each order followed to its end: {@code POST
 * /api/v1/orders}, then {@code GET /api/v1/orders/{id}?waitForTerminal=PT30S} until the order is
 * COMPLETED, FAILED or CANCELLED. The group "order placed → terminal" is the time a customer waits
 * for the outcome; "place order" alone is the accept latency.
 *
 * <p>Settings (system properties; {@link BenchSettings}): {@code workload} {@code open} (a fixed
 * arrival rate, {@code rate} orders per second, whatever the platform's state: the model of many
 * independent customers) or {@code closed} ({@code users} customers, each placing its next order
 * when the previous one ended: the model of a fixed client pool); {@code duration} seconds;
 * {@code baseUrl} and {@code issuer} of the platform. Tokens come from the dev identity provider
 * with the client-credentials grant, like any API client.
 */
public class CheckoutSimulation extends Simulation {

    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
    private static final int MAX_WAITS = 10;

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final DevIdentity identity = new DevIdentity(settings.issuer());
    private final String sku = "BENCH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();

    private final HttpProtocolBuilder api = http.baseUrl(settings.baseUrl())
            .acceptHeader("application/json, application/problem+json")
            .contentTypeHeader("application/json")
            .header("Authorization", session -> "Bearer " + identity.customerToken())
            .shareConnections();

    private final ChainBuilder placeAndFollow = group("order placed → terminal").on(
            exec(http("place order").post("/api/v1/orders")
                    .body(StringBody(orderJson(sku)))
                    .check(status().is(202), jmesPath("orderId").saveAs("orderId")))
            // A refused order has nothing to follow: it counts once, as the failed request it is.
            .exitHereIfFailed()
            .asLongAs(session -> !isTerminal(session) && session.getInt("waits") < MAX_WAITS, "waits").on(
                    exec(http("follow to terminal").get("/api/v1/orders/#{orderId}?waitForTerminal=PT30S")
                            .check(status().is(200), jmesPath("status").saveAs("status"))))
            // An order still running after every wait counts as a failed order in the report.
            .exec(session -> isTerminal(session) ? session : session.markAsFailed()));

    private final ScenarioBuilder customers = scenario("customers").exec(placeAndFollow);

    {
        setUp(population()).protocols(api)
                .assertions(global().failedRequests().percent().lt(1.0));
    }

    @Override
    public void before() {
        // A fresh product with ample stock, so the run measures the checkout, not running out.
        identity.putProduct(settings.baseUrl(), sku, 1_000_000);
    }

    private PopulationBuilder population() {
        Duration duration = Duration.ofSeconds(settings.durationSeconds());
        return switch (settings.workload()) {
            case OPEN -> customers.injectOpen(constantUsersPerSec(settings.rate()).during(duration));
            case CLOSED -> customers.injectClosed(constantConcurrentUsers(settings.users()).during(duration));
        };
    }

    private static boolean isTerminal(Session session) {
        return session.contains("status") && TERMINAL.contains(session.getString("status"));
    }

    private static String orderJson(String sku) {
        return """
                {"items": [{"sku": "%s", "quantity": 1}],
                 "payment": {"token": "tok_visa"},
                 "shippingAddress": {"name": "Ada Lovelace", "line1": "12 Main St", "city": "London",
                                     "postalCode": "N1 9GU", "country": "GB"}}""".formatted(sku);
    }
}
