package io.orderflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.ratelimit.RateLimitProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The settings records are the only place the gateway's defaults live ({@code application.yml}
 * sets none of {@code orderflow.gateway}), so with nothing configured they must bind complete.
 */
class SettingsDefaultsTest {

    private final Binder nothingConfigured = new Binder(new MapConfigurationPropertySource(Map.of()));

    @Test
    void theGatewaySettingsHaveTheirDefaultsWithNothingConfigured() {
        GatewayProperties settings = nothingConfigured.bindOrCreate("orderflow.gateway", GatewayProperties.class);

        assertThat(settings.maxRequestBody()).isEqualTo(DataSize.ofKilobytes(64));
        assertThat(settings.catalog().baseUrl()).isEqualTo("http://127.0.0.1:8081");
        assertThat(settings.orders().maxWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.orders().maxConcurrentWaits()).isEqualTo(1000);
        assertThat(settings.temporal().retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void bothRateLimitBudgetsHaveTheirDefaultsWithNothingConfigured() {
        RateLimitProperties limits = nothingConfigured.bindOrCreate("orderflow.gateway.rate-limit",
                RateLimitProperties.class);

        assertThat(limits.enabled()).isTrue();
        assertThat(limits.perSubject()).isEqualTo(new RateLimitProperties.Budget(50, Duration.ofSeconds(1)));
        assertThat(limits.perAddress()).isEqualTo(new RateLimitProperties.Budget(20, Duration.ofSeconds(1)));
    }
}
