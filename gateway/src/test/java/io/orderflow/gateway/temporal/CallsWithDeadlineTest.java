package io.orderflow.gateway.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.gateway.GatewayProperties;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

/**
 * The gateway's blocking Temporal calls (cancel and the other Updates) run on a pool bounded in
 * threads and in queue, each with a deadline: a call nobody answers, and a call that finds the pool
 * full, are both a 503 with Retry-After instead of a request that hangs or work that piles up.
 */
class CallsWithDeadlineTest {

    private static final Duration DEADLINE = Duration.ofMillis(200);

    /** One thread and room for the final queries of one wait plus the cancel headroom. */
    private final GatewayProperties settings = new Binder(new MapConfigurationPropertySource(Map.of(
            "orderflow.gateway.orders.query-threads", "1",
            "orderflow.gateway.orders.max-concurrent-waits", "1",
            "orderflow.gateway.temporal.retry-after", "3s")))
            .bindOrCreate("orderflow.gateway", GatewayProperties.class);
    private final ExecutorService pool = new TemporalClientConfiguration().orderQueryExecutor(settings);
    private final CallsWithDeadline deadlines = new CallsWithDeadline(pool, settings);
    private final CountDownLatch never = new CountDownLatch(1);

    @AfterEach
    void stopPool() {
        never.countDown();
        pool.shutdownNow();
    }

    @Test
    void aCallNobodyAnswersIsA503WithRetryAfterAtItsDeadline() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> deadlines.call(this::hang, DEADLINE))
                .isInstanceOfSatisfying(TemporalBusyException.class, busy -> {
                    assertThat(busy.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aCallThatFindsThePoolFullIsA503AtOnceInsteadOfQueueing() {
        int threadAndQueue = 1 + 1 + 100;
        for (int i = 0; i < threadAndQueue; i++) {
            pool.execute(this::hang);
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> deadlines.call(() -> "answered", Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(TemporalBusyException.class,
                        busy -> assertThat(busy.getMessage()).contains("limit of concurrent order calls"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void anAnswerWithinTheDeadlineIsReturned() {
        assertThat(deadlines.call(() -> "answered", Duration.ofSeconds(30))).isEqualTo("answered");
    }

    private String hang() {
        try {
            never.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "too late";
    }
}
