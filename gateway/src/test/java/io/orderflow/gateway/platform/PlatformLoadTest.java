package io.orderflow.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.identity.testing.DevTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The platform's load for operators. These tests run on the in-process test server, which reports
 * neither task-queue statistics nor visibility counts: the endpoint says so with nulls instead of
 * inventing numbers. The real numbers are checked on the real stack (the console's charts).
 */
class PlatformLoadTest extends GatewayIntegrationTest {

    private static final String LOAD = "/api/v1/platform/load";

    @Test
    void customersAreRefusedThePlatformsLoad() {
        assertProblem(as(DevTokens.ALICE).get(LOAD), 403, "forbidden");
        assertProblem(anonymous().get(LOAD), 401, "unauthorized");
    }

    @Test
    void theOperatorGetsEveryTaskQueueAndNoInventedNumbersFromATestServer() {
        ApiClient.Reply reply = api().get(LOAD);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode load = reply.json();
        assertThat(load.path("at").asText()).isNotBlank();
        List<String> names = new ArrayList<>();
        load.path("taskQueues").forEach(queue -> {
            names.add(queue.path("name").asText());
            assertThat(queue.has("backlog")).as("backlog is always present, null when not reported").isTrue();
            assertThat(queue.path("backlog").isNull()).as("the test server reports no backlog: " + queue).isTrue();
        });
        assertThat(names).containsExactly("checkout", "stock", "payment", "delivery");
        assertThat(load.has("completions")).isTrue();
        assertThat(load.path("completions").isNull()).as("the test server has no visibility to count with").isTrue();
    }
}
