package io.orderflow.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;

/** What operators and API consumers rely on besides the API itself: probes, metrics, the OpenAPI document. */
class OperationsEndpointsTest extends GatewayIntegrationTest {

    @Test
    void exposesLivenessAndReadinessProbes() {
        assertThat(management().get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
        assertThat(management().get("/actuator/health/readiness").json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void theApiPortServesNoActuatorEndpoints() {
        assertThat(anonymous().get("/actuator/health").status()).isIn(401, 404);
        assertThat(api().get("/actuator/prometheus").status()).isEqualTo(404);
        assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(404);
    }

    @Test
    void exposesPrometheusMetrics() {
        ApiClient.Reply reply = management().get("/actuator/prometheus");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void publishesAnOpenApiDocumentThatMatchesTheContract() {
        JsonNode paths = api().get("/v3/api-docs").json().path("paths");

        assertThat(paths.has("/api/v1/orders")).isTrue();
        assertThat(paths.has("/api/v1/orders/{orderId}")).isTrue();
        assertThat(paths.has("/api/v1/orders/{orderId}/cancel")).isTrue();
        assertThat(paths.has("/api/v1/products")).isTrue();
        assertThat(paths.has("/api/v1/products/{sku}")).isTrue();
        JsonNode place = paths.path("/api/v1/orders").path("post").path("responses");
        assertThat(place.fieldNames()).toIterable().contains("202", "400", "413", "415", "422", "503");
        assertThat(place.path("422").path("content").has("application/problem+json")).isTrue();
        assertThat(paths.path("/api/v1/orders/{orderId}/cancel").path("post").path("responses").has("409")).isTrue();
        assertThat(paths.path("/api/v1/orders").path("get").path("responses").has("501")).isTrue();
    }

    @Test
    void theOpenApiDocumentSaysHowToGetATokenAndWhichScopesEachOperationNeeds() {
        JsonNode document = anonymous().get("/v3/api-docs").json();
        JsonNode oauth2 = document.path("components").path("securitySchemes").path("oauth2");
        JsonNode paths = document.path("paths");

        assertThat(oauth2.path("type").asText()).isEqualTo("oauth2");
        assertThat(oauth2.path("description").asText()).contains("Authorization: Bearer");
        assertThat(oauth2.path("flows").path("clientCredentials").path("tokenUrl").asText())
                .isEqualTo(IDENTITY.issuer() + "/oauth2/token");
        assertThat(oauth2.path("flows").path("authorizationCode").path("authorizationUrl").asText())
                .isEqualTo(IDENTITY.issuer() + "/oauth2/authorize");
        assertThat(paths.path("/api/v1/orders").path("post").path("security").toString())
                .contains("orders:write").doesNotContain("catalog:write");
        assertThat(paths.path("/api/v1/orders/{orderId}").path("get").path("security").toString()).contains("orders:read");
        assertThat(paths.path("/api/v1/products/{sku}").path("put").path("security").toString()).contains("catalog:write");
        assertThat(paths.path("/api/v1/products/{sku}").path("get").has("security")).isFalse();
        JsonNode placeResponses = paths.path("/api/v1/orders").path("post").path("responses");
        assertThat(placeResponses.has("401")).isTrue();
        assertThat(placeResponses.path("401").path("headers").has("WWW-Authenticate")).isTrue();
        assertThat(placeResponses.has("403")).isTrue();
        assertThat(paths.path("/api/v1/products").path("get").path("responses").path("401").path("description").asText())
                .as("the catalog is public: 401 only for a token that was sent and is not valid")
                .contains("token was sent");
        assertThat(paths.path("/api/v1/products").path("get").path("responses").has("403")).isFalse();
    }

    @Test
    void servesTheSwaggerUi() {
        assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
