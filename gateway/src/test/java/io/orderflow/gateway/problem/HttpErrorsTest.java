package io.orderflow.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a client gets for a request the API cannot take at all: always a problem, never a 500. */
class HttpErrorsTest extends GatewayIntegrationTest {

    private static String oversizedOrder() {
        return OrderJson.with("cust-big", "tok_visa", order -> OrderJson.address(order).put("name", "n".repeat(70_000)));
    }

    @Test
    void refusesABodyOver64KibWith413() {
        assertProblem(api().postJson("/api/v1/orders", oversizedOrder()), 413, "payload-too-large");
    }

    @Test
    void refusesAChunkedBodyOver64KibWith413() {
        ApiClient.Reply reply = api().postChunked("/api/v1/orders", oversizedOrder().getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 413, "payload-too-large");
    }

    @Test
    void refusesABodyThatIsNotJsonWith415() {
        ApiClient.Reply reply = api().post("/api/v1/orders", "text/plain", "two red mugs please");

        assertProblem(reply, 415, "unsupported-media-type");
    }

    @Test
    void refusesMalformedJsonWith400() {
        ApiClient.Reply reply = api().postJson("/api/v1/orders", "{\"customerId\": \"cust-42\", \"items\": [");

        assertProblem(reply, 400, "malformed-request");
    }

    @Test
    void refusesJsonOfTheWrongShapeWith400() {
        ApiClient.Reply reply = api().postJson("/api/v1/orders",
                OrderJson.with("cust-42", "tok_visa", order -> order.put("items", "MUG-RED")));

        assertProblem(reply, 400, "malformed-request");
    }

    @Test
    void refusesAnEmptyBodyWith400() {
        assertProblem(api().postJson("/api/v1/orders", ""), 400, "malformed-request");
    }

    @Test
    void answersAnUnknownRouteWithA404Problem() {
        assertProblem(api().get("/api/v1/nothing-here"), 404, "not-found");
        assertProblem(api().get("/definitely/not/a/route"), 404, "not-found");
    }

    @Test
    void answersAWrongMethodWithA405Problem() {
        ApiClient.Reply reply = api().delete("/api/v1/orders");

        assertProblem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow")).contains("GET", "POST");
    }
}
