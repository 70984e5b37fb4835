package io.orderflow.gateway.system;

import io.orderflow.problem.FieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is the contract (docs/api.md): it states every status code, header,
 * constraint and security requirement the gateway really has, and nothing it does not. These are
 * its key facts; the property-based test ({@code scripts/contract-test.sh}) checks the rest
 * against the running gateway.
 */
class OpenApiDocumentTest extends GatewayIntegrationTest {

    private static final String ORDERS = "/api/v1/orders";
    private static final String ORDER = "/api/v1/orders/{orderId}";
    private static final String CANCEL = "/api/v1/orders/{orderId}/cancel";
    private static final String RESOLVE = "/api/v1/orders/{orderId}/resolve";
    private static final String RETRY = "/api/v1/orders/{orderId}/retry-compensation";
    private static final String CARRIER_EVENTS = "/api/v1/carrier/events";
    private static final String PRODUCTS = "/api/v1/products";
    private static final String PRODUCT = "/api/v1/products/{sku}";
    private static final String PRODUCT_STOCK = "/api/v1/products/{sku}/stock";
    private static final String PLATFORM_LOAD = "/api/v1/platform/load";
    private static final String CARTS = "/api/v1/carts";
    private static final String CART = "/api/v1/carts/{cartId}";
    private static final String CART_LINE = "/api/v1/carts/{cartId}/lines/{sku}";
    private static final String CART_CHECKOUT = "/api/v1/carts/{cartId}/checkout";
    private static final String IDENTIFIER = "^[A-Za-z0-9_-]{1,64}$";

    private JsonNode document;

    @BeforeEach
    void readTheDocument() {
        document = anonymous().get("/v3/api-docs").json();
    }

    @Test
    void documentsExactlyTheApiOperations() {
        assertThat(operations()).containsExactlyInAnyOrder(
                "GET " + ORDERS, "POST " + ORDERS, "GET " + ORDER, "POST " + CANCEL, "POST " + RESOLVE,
                "POST " + RETRY, "POST " + CARRIER_EVENTS,
                "GET " + PRODUCTS, "GET " + PRODUCT, "PUT " + PRODUCT, "POST " + PRODUCT_STOCK, "GET " + PLATFORM_LOAD,
                "POST " + CARTS, "GET " + CART, "PUT " + CART_LINE, "DELETE " + CART_LINE, "POST " + CART_CHECKOUT);
    }

    @Test
    void theOrderBodyCarriesTheRulesTheGatewayEnforces() {
        JsonNode order = schema("PlaceOrderRequest");
        JsonNode item = schema("Item").path("properties");
        JsonNode address = schema("Address").path("properties");

        assertThat(texts(order.path("required"))).containsExactlyInAnyOrder("items", "payment", "shippingAddress");
        assertThat(order.path("properties").path("items").path("minItems").asInt()).isEqualTo(1);
        assertThat(order.path("properties").path("items").path("maxItems").asInt()).isEqualTo(50);
        assertThat(order.path("properties").path("customerId").path("minLength").asInt()).isEqualTo(1);
        assertThat(order.path("properties").path("customerId").path("maxLength").asInt()).isEqualTo(64);
        assertThat(texts(order.path("properties").path("customerId").path("type")))
                .as("optional, so an explicit null means absent").containsExactlyInAnyOrder("string", "null");
        assertThat(item.path("sku").path("pattern").asText()).isEqualTo(IDENTIFIER);
        assertThat(item.path("quantity").path("minimum").asInt()).isEqualTo(1);
        assertThat(item.path("quantity").path("maximum").asInt()).isEqualTo(1000);
        assertThat(address.path("name").path("minLength").asInt()).isEqualTo(1);
        assertThat(address.path("name").path("maxLength").asInt()).isEqualTo(200);
        assertThat(address.path("name").path("pattern").asText()).as("not blank").startsWith("[^");
        assertThat(texts(address.path("country").path("enum"))).contains("GB", "DE", "AQ").doesNotContain("XX", "gb");
        assertThat(schema("Payment").path("properties").path("token").path("maxLength").asInt()).isEqualTo(128);
    }

    @Test
    void theProductBodyCarriesTheCatalogBounds() {
        JsonNode product = schema("ProductUpsert").path("properties");

        assertThat(product.path("priceCents").path("minimum").asLong()).isZero();
        assertThat(product.path("priceCents").path("maximum").asLong()).isEqualTo(100_000_000L);
        assertThat(product.path("available").path("minimum").asLong()).isZero();
        assertThat(product.path("available").path("maximum").asLong()).isEqualTo(1_000_000L);
        assertThat(product.path("currency").path("pattern").asText()).isEqualTo("^[A-Z]{3}$");
        assertThat(parameter("PUT", PRODUCT, "sku").path("schema").path("pattern").asText()).isEqualTo(IDENTIFIER);
    }

    @Test
    void aProductComesWithItsETagAndAnEditMayNameItInIfMatch() {
        for (String[] operation : new String[][] {{"GET", PRODUCT}, {"PUT", PRODUCT}, {"POST", PRODUCT_STOCK}}) {
            JsonNode etag = response(operation[0], operation[1], "200").path("headers").path("ETag");
            assertThat(etag.path("required").asBoolean()).as(operation[0] + " " + operation[1]).isTrue();
            assertThat(etag.path("schema").path("type").asText()).isEqualTo("string");
        }
        JsonNode ifMatch = parameter("PUT", PRODUCT, "If-Match");
        assertThat(ifMatch.path("in").asText()).isEqualTo("header");
        assertThat(ifMatch.path("required").asBoolean()).as("a PUT without it still works").isFalse();
        assertThat(responseCodes("PUT", PRODUCT)).contains("200", "400", "401", "403", "412")
                .doesNotContain("404", "409");
        assertThat(texts(schema("Product").path("required"))).contains("etag", "warehouses");
        assertThat(texts(schema("WarehouseStock").path("required"))).containsExactlyInAnyOrder("warehouse", "available");
    }

    @Test
    void theStockChangeNeedsCatalogWriteAndSaysEveryAnswer() {
        assertThat(scopes("POST", PRODUCT_STOCK)).containsExactly(List.of("catalog:write"));
        assertThat(responseCodes("POST", PRODUCT_STOCK)).containsExactly(
                "200", "400", "401", "403", "404", "409", "413", "415", "422", "429", "503");
        JsonNode change = schema("StockChangeRequest");
        assertThat(texts(change.path("required"))).containsExactlyInAnyOrder("delta", "reason");
        assertThat(change.path("properties").path("delta").path("minimum").asLong()).isEqualTo(-1_000_000L);
        assertThat(change.path("properties").path("delta").path("maximum").asLong()).isEqualTo(1_000_000L);
        assertThat(change.path("properties").path("delta").path("not").path("enum").get(0).asInt()).isZero();
        assertThat(change.path("properties").path("reason").path("maxLength").asInt()).isEqualTo(200);
        assertThat(change.path("properties").path("warehouse").path("pattern").asText()).isEqualTo(IDENTIFIER);
    }

    @Test
    void parametersCarryTheirRules() {
        assertThat(parameter("POST", ORDERS, "Idempotency-Key").path("in").asText()).isEqualTo("header");
        assertThat(parameter("POST", ORDERS, "Idempotency-Key").path("schema").path("pattern").asText())
                .isEqualTo(IDENTIFIER);
        assertThat(parameter("GET", ORDER, "orderId").path("schema").path("pattern").asText()).isEqualTo(IDENTIFIER);
        assertThat(parameter("GET", ORDER, "waitForTerminal").path("schema").path("pattern").asText())
                .as("PT0S to PT60S, whole seconds").isEqualTo("^PT([0-9]|[1-5][0-9]|60)S$");
        assertThat(parameter("GET", ORDERS, "pageSize").path("schema").path("minimum").asInt()).isEqualTo(1);
        assertThat(parameter("GET", ORDERS, "pageSize").path("schema").path("maximum").asInt()).isEqualTo(100);
        assertThat(texts(parameter("GET", ORDERS, "status").path("schema").path("enum")))
                .containsExactlyElementsOf(Arrays.stream(OrderStatus.values()).map(Enum::name).toList());
    }

    @Test
    void everyApiOperationButTheSignedWebhookMayAnswer429WithRetryAfter() {
        forEachOperation((name, operation) -> {
            if (!name.equals("POST " + CARRIER_EVENTS)) {
                assertRetryAfter(name, operation.path("responses").path("429"));
            }
        });
        assertThat(responseCodes("POST", CARRIER_EVENTS)).doesNotContain("429");
    }

    @Test
    void theCarrierWebhookIsSignedNotAuthenticatedAndSaysWhatEachAnswerMeans() {
        assertThat(operation("POST", CARRIER_EVENTS).has("security")).isFalse();
        assertThat(responseCodes("POST", CARRIER_EVENTS)).contains("200", "202", "400", "401", "404", "503");
        assertThat(response("POST", CARRIER_EVENTS, "401").path("description").asText()).contains("Carrier-Signature");
        JsonNode signature = parameter("POST", CARRIER_EVENTS, "Carrier-Signature");
        assertThat(signature.path("in").asText()).isEqualTo("header");
        assertThat(signature.path("required").asBoolean()).isTrue();
        assertThat(signature.path("schema").path("pattern").asText()).isEqualTo("^t=[0-9]{1,12},v1=[0-9a-f]{64}$");
        JsonNode event = schema("CarrierEventRequest");
        assertThat(texts(event.path("required"))).containsExactlyInAnyOrder(
                "eventId", "trackingNumber", "reference", "type", "at");
        assertThat(texts(event.path("properties").path("type").path("enum")))
                .containsExactly("PICKED_UP", "DELIVERED", "LOST", "RETURNED");
        assertThat(event.path("properties").path("reference").path("pattern").asText()).isEqualTo(IDENTIFIER);
    }

    @Test
    void operatorsResolveAndRetryWithTheAdminScopeOnly() {
        assertThat(scopes("POST", RESOLVE)).containsExactly(List.of("orders:admin"));
        assertThat(scopes("POST", RETRY)).containsExactly(List.of("orders:admin"));
        assertThat(responseCodes("POST", RESOLVE)).contains("202", "404", "409").doesNotContain("200");
        assertThat(responseCodes("POST", RETRY)).contains("202", "404", "409").doesNotContain("200");
        assertThat(texts(schema("ResolveRequest").path("properties").path("outcome").path("enum")))
                .containsExactly("DELIVERED", "LOST", "RETURNED");
        assertThat(texts(parameter("GET", ORDERS, "needsAttention").path("schema").path("type"))).contains("boolean");
    }

    @Test
    void everyOperationSaysItAnswers503WithRetryAfterWhenTheServiceBehindItIsDown() {
        forEachOperation((name, operation) -> assertRetryAfter(name, operation.path("responses").path("503")));
        assertThat(response("GET", PRODUCTS, "503").path("description").asText()).contains("catalog");
        assertThat(response("POST", ORDERS, "503").path("description").asText()).contains("Temporal");
    }

    @Test
    void bodiesAndParametersBringTheirProblems() {
        forEachOperation((name, operation) -> {
            JsonNode responses = operation.path("responses");
            boolean body = operation.has("requestBody");
            boolean parameters = operation.path("parameters").size() > 0;
            assertThat(responses.has("400")).as(name).isEqualTo(body || parameters);
            assertThat(responses.has("413")).as(name).isEqualTo(body);
            assertThat(responses.has("415")).as(name).isEqualTo(body);
        });
        assertThat(operation("GET", ORDER).has("requestBody")).isFalse();
    }

    @Test
    void eachOperationNamesTheScopesTheGatewayChecks() {
        assertThat(scopes("POST", ORDERS)).containsExactly(List.of("orders:write"), List.of("orders:admin"));
        assertThat(scopes("POST", CANCEL)).containsExactly(List.of("orders:write"), List.of("orders:admin"));
        assertThat(scopes("GET", ORDER)).containsExactly(List.of("orders:read"), List.of("orders:admin"));
        assertThat(scopes("GET", ORDERS)).containsExactly(List.of("orders:read"), List.of("orders:admin"));
        assertThat(scopes("PUT", PRODUCT)).containsExactly(List.of("catalog:write"));
        assertThat(scopes("GET", PLATFORM_LOAD)).containsExactly(List.of("orders:admin"));
        assertThat(scopes("GET", CART)).containsExactly(List.of("orders:read"), List.of("orders:admin"));
        for (String[] change : new String[][] {{"POST", CARTS}, {"PUT", CART_LINE}, {"DELETE", CART_LINE},
                {"POST", CART_CHECKOUT}}) {
            assertThat(scopes(change[0], change[1])).containsExactly(List.of("orders:write"), List.of("orders:admin"));
        }
        assertThat(operation("GET", PRODUCTS).has("security")).isFalse();
        assertThat(operation("GET", PRODUCT).has("security")).isFalse();
    }

    @Test
    void everyOperationMayAnswer401WithABearerChallengeAndOnlySecuredOnes403() {
        forEachOperation((name, operation) -> {
            JsonNode challenge = operation.path("responses").path("401").path("headers").path("WWW-Authenticate");
            // The webhook refuses a bad signature without a Bearer challenge; only a bad token gets one.
            assertThat(challenge.path("required").asBoolean()).as(name).isEqualTo(!name.equals("POST " + CARRIER_EVENTS));
            assertThat(operation.path("responses").has("403")).as(name).isEqualTo(operation.has("security"));
        });
        assertThat(response("GET", PRODUCTS, "401").path("description").asText())
                .as("public: only a bad token is refused").contains("token was sent");
    }

    @Test
    void everyErrorIsAProblemWhoseInstanceIsAUriReference() {
        forEachOperation((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
                        .path("$ref").asText()).as(name + " " + response.getKey())
                        .isEqualTo("#/components/schemas/ProblemDetail");
                assertThat(response.getValue().path("content").size()).as(name + " " + response.getKey()).isEqualTo(1);
            }
        }));
        JsonNode problem = schema("ProblemDetail");
        assertThat(problem.path("properties").path("instance").path("format").asText()).isEqualTo("uri-reference");
        assertThat(texts(problem.path("required"))).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(schema("FieldProblem").path("properties").has("field")).isTrue();
    }

    @Test
    void statesTheSuccessesAndTheirHeaders() {
        assertThat(responseCodes("POST", ORDERS)).contains("200", "202");
        assertThat(response("POST", ORDERS, "202").path("headers").path("Location").path("schema").path("format")
                .asText()).isEqualTo("uri-reference");
        assertThat(response("POST", ORDERS, "202").path("headers").path("Location").path("required").asBoolean()).isTrue();
        assertThat(responseCodes("POST", CANCEL)).contains("202", "404", "409").doesNotContain("200");
        assertThat(responseCodes("GET", ORDERS)).contains("200", "501");
        assertThat(responseCodes("GET", ORDER)).contains("200", "404");
        assertThat(responseCodes("GET", PRODUCTS)).contains("200").doesNotContain("404");
        assertThat(responseCodes("POST", CARTS)).contains("201").doesNotContain("200");
        assertThat(response("POST", CARTS, "201").path("headers").path("Location").path("required").asBoolean()).isTrue();
        assertThat(responseCodes("GET", CART)).contains("200", "404", "410");
        assertThat(responseCodes("PUT", CART_LINE)).contains("200", "400", "404", "409", "422");
        assertThat(responseCodes("POST", CART_CHECKOUT)).contains("202", "404", "409", "422").doesNotContain("200");
        assertThat(response("POST", CART_CHECKOUT, "202").path("headers").path("Location").path("required").asBoolean())
                .isTrue();
    }

    @Test
    void responseBodiesSayWhichMembersMayBeNull() {
        JsonNode view = schema("OrderView");

        assertThat(texts(view.path("required"))).contains("orderId", "status", "failure", "trackingNumber");
        assertThat(view.path("properties").path("orderId").path("type").asText()).isEqualTo("string");
        assertThat(texts(view.path("properties").path("trackingNumber").path("type"))).contains("null");
        assertThat(view.path("properties").path("failure").path("anyOf").toString()).contains("null", "OrderFailure");
        assertThat(texts(view.path("required"))).contains("attention");
        assertThat(view.path("properties").path("attention").path("anyOf").toString()).contains("null", "Attention");
        assertThat(texts(schema("Attention").path("required"))).containsExactlyInAnyOrder(
                "reason", "step", "since", "lastError");
        assertThat(texts(schema("TimelineEntry").path("properties").path("event").path("enum"))).contains("PICKED_UP");
        assertThat(texts(schema("OrderPage").path("properties").path("nextPageToken").path("type"))).contains("null");
        assertThat(texts(schema("TaskQueueLoad").path("properties").path("backlog").path("type")))
                .as("a number the server does not report is null").contains("null");
        assertThat(texts(schema("PlatformLoad").path("properties").path("completions").path("type"))).contains("null");
        JsonNode cart = schema("Cart");
        assertThat(texts(cart.path("required"))).containsExactlyInAnyOrder("cartId", "customerId", "status", "lines",
                "subtotalCents", "currency", "orderId", "expiresAt");
        assertThat(texts(cart.path("properties").path("orderId").path("type"))).contains("null");
        assertThat(texts(cart.path("properties").path("cartId").path("type"))).doesNotContain("null");
    }

    private void assertRetryAfter(String operation, JsonNode response) {
        JsonNode retryAfter = response.path("headers").path("Retry-After");
        assertThat(retryAfter.path("required").asBoolean()).as(operation).isTrue();
        assertThat(retryAfter.path("schema").path("type").asText()).as(operation).isEqualTo("integer");
        assertThat(retryAfter.path("schema").path("minimum").asInt()).as(operation).isEqualTo(1);
    }

    private List<String> operations() {
        List<String> names = new ArrayList<>();
        forEachOperation((name, operation) -> names.add(name));
        return names;
    }

    private void forEachOperation(BiConsumer<String, JsonNode> check) {
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method ->
                check.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue())));
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as(method + " " + path + " is documented").isFalse();
        return operation;
    }

    private JsonNode response(String method, String path, String status) {
        return operation(method, path).path("responses").path(status);
    }

    private List<String> responseCodes(String method, String path) {
        List<String> codes = new ArrayList<>();
        operation(method, path).path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    private JsonNode parameter(String method, String path, String name) {
        for (JsonNode parameter : operation(method, path).path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError(method + " " + path + " has no parameter " + name);
    }

    private List<List<String>> scopes(String method, String path) {
        List<List<String>> alternatives = new ArrayList<>();
        operation(method, path).path("security").forEach(requirement -> {
            assertThat(texts(requirement.fieldNames())).containsExactly("oauth2");
            alternatives.add(texts(requirement.path("oauth2")));
        });
        return alternatives;
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("schema " + name).isFalse();
        return schema;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isTextual()) {
            values.add(array.asText());
        }
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> texts(Iterator<String> names) {
        List<String> values = new ArrayList<>();
        names.forEachRemaining(values::add);
        return values;
    }
}
