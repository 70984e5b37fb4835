package io.orderflow.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.identity.testing.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests the OpenAPI document calls invalid, and requests no operation describes at all: each
 * gets a problem with a 4xx (or 501 for a method nobody knows), never a 500, an HTML page or a
 * silently "repaired" value. Each case here is one the property-based contract test found.
 */
class MalformedRequestsTest extends GatewayIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    private int port;

    @Test
    void aQueryRequestIsA405ProblemListingTheMethodsTheResourceHas() {
        ApiClient.Reply reply = send("QUERY", "/api/v1/products", null, null);

        assertProblem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow")).isEqualTo("GET");
    }

    @Test
    void aTraceRequestIsA405Problem() {
        ApiClient.Reply reply = send("TRACE", "/api/v1/products", null, null);

        assertProblem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow")).isNotBlank();
    }

    @Test
    void aMethodNobodyKnowsIsA501Problem() {
        assertProblem(send("FROBNICATE", "/api/v1/products", null, null), 501, "not-implemented");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orders/a%2Fb", "/api/v1/orders/a%E2%80%A8b", "/api/v1/orders/a%25b",
            "/api/v1/products/x%2F..%2Fy"})
    void aPathTheFirewallRefusesIsA400Problem(String path) {
        ApiClient.Reply reply = send("GET", path, null, null);

        assertProblem(reply, 400, "malformed-request");
        assertThat(reply.body()).doesNotContain("<html");
    }

    @Test
    void aQueryParameterWithoutANameIsA400NotA500() {
        assertProblem(api().get("/api/v1/orders?=x&status=COMPLETED"), 400, "malformed-request");
        assertProblem(api().get("/api/v1/orders/some-order?=null"), 400, "malformed-request");
    }

    @Test
    void aMultipartBodyIsA415AndAMultipartHeaderOnAReadChangesNothing() {
        assertProblem(api().post("/api/v1/orders", "multipart/form-data", OrderJson.valid("cust-mp", "tok_visa")),
                415, "unsupported-media-type");

        ApiClient.Reply read = send("GET", "/api/v1/products/MUG-RED", "multipart/form-data", null);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "1.5", "true", "1e400"})
    void aQuantityThatIsNotAWholeJsonNumberIsA400(String quantity) {
        String body = OrderJson.valid("cust-strict", "tok_visa")
                .replace("\"quantity\":2", "\"quantity\":" + quantity);

        assertProblem(api().postJson("/api/v1/orders", body), 400, "malformed-request");
    }

    @Test
    void aWholeNumberWrittenWithAFractionOrExponentIsAnInteger() {
        String body = OrderJson.with("cust-whole", "tok_visa", order -> order.put("items",
                List.of(OrderJson.item("MUG-RED", 2.0), OrderJson.item("MUG-BLUE", 1e1))));

        ApiClient.Reply reply = api().postJson("/api/v1/orders", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(reply.json().path("items").get(1).path("quantity").asInt()).isEqualTo(10);
    }

    @Test
    void aNumberWhereTextBelongsIsA400NotText() {
        String body = OrderJson.with("cust-strict", "tok_visa", order -> OrderJson.address(order).put("city", 12345));

        assertProblem(api().postJson("/api/v1/orders", body), 400, "malformed-request");
    }

    @Test
    void aPriceWithCentFractionsIsRefusedNotTruncated() {
        int before = CATALOG.requests().size();

        ApiClient.Reply reply = api().putJson("/api/v1/products/TEA-FRACTION",
                "{\"name\":\"Tea\",\"priceCents\":499.5,\"currency\":\"EUR\",\"available\":3}");

        assertProblem(reply, 400, "malformed-request");
        assertThat(CATALOG.requests()).hasSize(before);
    }

    @Test
    void anExplicitNullForAnOptionalMemberMeansAbsent() {
        ApiClient.Reply reply = as(DevTokens.ALICE).postJson("/api/v1/orders",
                OrderJson.valid(null, "tok_visa"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("customerId").asText()).isEqualTo("alice");
    }

    @Test
    void aPublicReadWithAnInvalidTokenIsA401WithABearerChallenge() {
        ApiClient.Reply reply = withToken("not-a-jwt").get("/api/v1/products");

        assertProblem(reply, 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aPageTokenThatThisApiCannotHaveIssuedIsA400() {
        ApiClient.Reply padded = api().get("/api/v1/orders?pageToken=" + "A".repeat(44) + "%3D%3D");
        ApiClient.Reply tooShort = api().get("/api/v1/orders?pageToken=" + "A".repeat(43));

        assertProblem(padded, 400, "validation");
        assertThat(padded.errorFields()).containsExactly("pageToken");
        assertProblem(tooShort, 400, "validation");
    }

    /** Any method, any raw path: what {@link ApiClient} cannot send. As the operator. */
    private ApiClient.Reply send(String method, String rawPath, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKENS.accessToken(DevTokens.OPERATOR))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return new ApiClient.Reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), Duration.ZERO);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
