package io.orderflow.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.GatewayApplication;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as it runs, on a random port, against the Temporal starter's in-process test server
 * running the real checkout saga on fake services ({@link CheckoutTestWorker}), and the catalog
 * proxied to a {@link FakeCatalogServer}. All subclasses share one Spring context.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.temporal.test-server.enabled=true")
@Import(CheckoutTestWorker.class)
public abstract class GatewayIntegrationTest {

    protected static final FakeCatalogServer CATALOG = FakeCatalogServer.start();
    /** The real dev identity provider, in-process: every token in these tests is a real one. */
    protected static final DevIdentityProvider IDENTITY = DevIdentityProvider.start();
    protected static final DevTokens TOKENS = IDENTITY.tokens();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void catalogAndIssuer(DynamicPropertyRegistry registry) {
        registry.add("orderflow.gateway.catalog.base-url", CATALOG::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> IDENTITY.issuer().toString());
        // Expiry is tested with three-second tokens; the default skew would keep them valid 30 s longer.
        registry.add("orderflow.gateway.security.clock-skew", () -> "0s");
    }

    /**
     * The API as the operator calls it. The contract tests act as the operator, who may place and
     * read orders for any customer id; what customers may and may not do is specified in
     * {@code AccessRulesTest}.
     */
    protected ApiClient api() {
        return as(DevTokens.OPERATOR);
    }

    protected ApiClient as(DevTokens.DevClient client) {
        return new ApiClient(port, TOKENS.accessToken(client));
    }

    protected ApiClient withToken(String bearerToken) {
        return new ApiClient(port, bearerToken);
    }

    protected ApiClient anonymous() {
        return new ApiClient(port, null);
    }

    /** The management port: probes and metrics, which never share the API's port. */
    protected ApiClient management() {
        return new ApiClient(managementPort, null);
    }

    /** Every problem answer: RFC 9457 media type, the four members, and nothing from inside the JVM. */
    protected static void assertProblem(ApiClient.Reply reply, int status, String typeSuffix) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).endsWith(typeSuffix);
        assertThat(reply.json().path("title").asText()).isNotBlank();
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("detail").asText()).isNotBlank();
        assertNoStackTrace(reply);
    }

    protected static void assertNoStackTrace(ApiClient.Reply reply) {
        assertThat(reply.body()).doesNotContain("\tat ", "at io.", "at org.", "Exception", "trace");
    }
}
