package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bad-input matrix of the REST contract: every rule, each answered 400 with the offending field. */
class OrderRequestValidationTest extends GatewayIntegrationTest {

    static Stream<Arguments> invalidOrders() {
        return Stream.of(
                invalid("customerId empty", order -> order.put("customerId", ""), "customerId"),
                invalid("customerId over 64 chars", order -> order.put("customerId", "c".repeat(65)), "customerId"),
                invalid("items missing", order -> order.remove("items"), "items"),
                invalid("no items", order -> order.put("items", List.of()), "items"),
                invalid("51 items", order -> order.put("items", IntStream.rangeClosed(1, 51)
                        .mapToObj(i -> OrderJson.item("SKU-" + i, 1)).toList()), "items"),
                invalid("sku empty", order -> order.put("items", List.of(OrderJson.item("", 1))), "items[0].sku"),
                invalid("sku with a space", order -> order.put("items", List.of(OrderJson.item("MUG RED", 1))),
                        "items[0].sku"),
                invalid("sku with markup", order -> order.put("items", List.of(OrderJson.item("<b>MUG</b>", 1))),
                        "items[0].sku"),
                invalid("sku over 64 chars", order -> order.put("items", List.of(OrderJson.item("S".repeat(65), 1))),
                        "items[0].sku"),
                invalid("quantity 0", order -> order.put("items", List.of(OrderJson.item("MUG-RED", 0))),
                        "items[0].quantity"),
                invalid("quantity 1001", order -> order.put("items", List.of(OrderJson.item("MUG-RED", 1001))),
                        "items[0].quantity"),
                invalid("quantity missing", order -> order.put("items", List.of(OrderJson.item("MUG-RED", null))),
                        "items[0].quantity"),
                invalid("same SKU twice", order -> order.put("items",
                        List.of(OrderJson.item("MUG-RED", 1), OrderJson.item("MUG-RED", 2))), "items"),
                invalid("payment missing", order -> order.remove("payment"), "payment"),
                invalid("token missing", order -> order.put("payment", Map.of()), "payment.token"),
                invalid("token blank", order -> order.put("payment", Map.of("token", " ")), "payment.token"),
                invalid("address missing", order -> order.remove("shippingAddress"), "shippingAddress"),
                invalid("name missing", order -> OrderJson.address(order).remove("name"), "shippingAddress.name"),
                invalid("line1 missing", order -> OrderJson.address(order).remove("line1"), "shippingAddress.line1"),
                invalid("city blank", order -> OrderJson.address(order).put("city", ""), "shippingAddress.city"),
                invalid("postalCode missing", order -> OrderJson.address(order).remove("postalCode"),
                        "shippingAddress.postalCode"),
                invalid("country missing", order -> OrderJson.address(order).remove("country"),
                        "shippingAddress.country"),
                invalid("country alpha-3", order -> OrderJson.address(order).put("country", "GBR"),
                        "shippingAddress.country"),
                invalid("country lower case", order -> OrderJson.address(order).put("country", "gb"),
                        "shippingAddress.country"),
                invalid("country not assigned", order -> OrderJson.address(order).put("country", "XX"),
                        "shippingAddress.country"));
    }

    private static Arguments invalid(String rule, Consumer<Map<String, Object>> change, String field) {
        return Arguments.of(rule, OrderJson.with("cust-42", "tok_visa", change), field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void rejectsAnOrderThatBreaksARuleWith400NamingTheField(String rule, String body, String field) {
        ApiClient.Reply reply = api().postJson("/api/v1/orders", body);

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).contains(field);
        reply.json().path("errors").forEach(error -> assertThat(error.path("message").asText()).isNotBlank());
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        String body = OrderJson.with("", "tok_visa", order -> {
            order.put("items", List.of(OrderJson.item("MUG-RED", 0)));
            OrderJson.address(order).put("country", "ZZ");
        });

        ApiClient.Reply reply = api().postJson("/api/v1/orders", body);

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields())
                .containsExactlyInAnyOrder("customerId", "items[0].quantity", "shippingAddress.country");
    }

    @Test
    void acceptsTheBoundaryValues() {
        List<Map<String, Object>> fifty = new ArrayList<>();
        IntStream.rangeClosed(1, 50).forEach(i -> fifty.add(OrderJson.item("S".repeat(60) + String.format("%04d", i), 1000)));
        String body = OrderJson.with("c".repeat(64), "tok_visa", order -> {
            order.put("items", fifty);
            OrderJson.address(order).put("country", "AQ");
        });

        ApiClient.Reply reply = api().postJson("/api/v1/orders", body, "Idempotency-Key", "k".repeat(64));

        assertThat(reply.status()).as(reply.body()).isIn(200, 202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "dots.are.out", "slash/", "quote\""})
    void rejectsAnIdempotencyKeyOutsideTheAllowedAlphabet(String key) {
        ApiClient.Reply reply = api().postJson("/api/v1/orders", OrderJson.valid("cust-42", "tok_visa"),
                "Idempotency-Key", key);

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void rejectsAnIdempotencyKeyLongerThan64Characters() {
        ApiClient.Reply reply = api().postJson("/api/v1/orders", OrderJson.valid("cust-42", "tok_visa"),
                "Idempotency-Key", "k".repeat(65));

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void rejectsAnEmptyIdempotencyKey() {
        ApiClient.Reply reply = api().postJson("/api/v1/orders", OrderJson.valid("cust-42", "tok_visa"),
                "Idempotency-Key", "");

        assertProblem(reply, 400, "validation");
    }
}
