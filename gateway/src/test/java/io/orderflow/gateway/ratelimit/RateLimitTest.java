package io.orderflow.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Each caller has a request budget; past it the answer is 429 with Retry-After, and the budget comes back. */
@TestPropertySource(properties = {
        "orderflow.gateway.rate-limit.per-subject.limit=5",
        "orderflow.gateway.rate-limit.per-subject.period=2s",
        "orderflow.gateway.rate-limit.per-address.limit=5",
        "orderflow.gateway.rate-limit.per-address.period=2s"})
class RateLimitTest extends GatewayIntegrationTest {

    @Test
    void aBurstFromOneCustomerIsRefusedWith429AndRetryAfterThenRecovers() {
        ApiClient alice = as(DevTokens.ALICE);

        List<ApiClient.Reply> burst = burst(() -> alice.get("/api/v1/orders/" + UUID.randomUUID()), 12);

        ApiClient.Reply refused = burst.stream().filter(reply -> reply.status() == 429).findFirst().orElseThrow(
                () -> new AssertionError("no request of the burst was refused"));
        assertProblem(refused, 429, "rate-limited");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(burst.stream().filter(reply -> reply.status() == 404).count()).isBetween(1L, 5L);

        await("budget refilled once Retry-After has passed").dontCatchUncaughtExceptions()
                .pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(retryAfter + 1))
                .until(() -> alice.get("/api/v1/orders/" + UUID.randomUUID()).status() == 404);
    }

    @Test
    void oneCustomersBurstDoesNotSpendAnotherCustomersBudget() {
        ApiClient bob = as(DevTokens.BOB);
        burst(() -> bob.get("/api/v1/orders/" + UUID.randomUUID()), 12);

        assertThat(as(DevTokens.OPERATOR).get("/api/v1/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void anonymousCatalogReadsAreLimitedPerClientAddressButProbesNever() {
        List<ApiClient.Reply> burst = burst(() -> anonymous().get("/api/v1/products"), 12);

        assertThat(burst).anySatisfy(reply -> assertThat(reply.status()).isEqualTo(429));
        assertThat(burst(() -> management().get("/actuator/health/liveness"), 12))
                .allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
    }

    private static List<ApiClient.Reply> burst(java.util.function.Supplier<ApiClient.Reply> call, int times) {
        List<ApiClient.Reply> replies = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            replies.add(call.get());
        }
        return replies;
    }
}
