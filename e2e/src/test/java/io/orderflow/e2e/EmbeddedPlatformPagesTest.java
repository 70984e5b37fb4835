package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.identity.testing.DevTokens;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages against the embedded platform booted in this JVM exactly as {@code scripts/run.sh}
 * boots it. Its in-process Temporal server reports no load and cannot search workflows, and the
 * console says so.
 */
class EmbeddedPlatformPagesTest extends PagesScenarios {

    @Test
    void theConsoleSaysWhyItCannotSearchEveryonesOrdersWithoutVisibility() {
        browser().logIn("operator", "operator-dev-password");
        browser().open("/console/orders");
        browser().choose(By.id("status"), "COMPLETED");
        browser().submit(By.id("search"));

        assertThat(browser().text(By.id("search-problem"))).contains("visibility", "Search one customer's orders");
        assertThat(browser().present(By.id("results"))).isFalse();
    }

    @Override
    protected String webUrl() {
        return SharedEmbeddedPlatform.settings().webUrl();
    }

    @Override
    protected OrderflowClient api(DevTokens.DevClient client) {
        DevTokens tokens = SharedEmbeddedPlatform.tokens();
        return new OrderflowClient(URI.create(SharedEmbeddedPlatform.settings().gatewayUrl()),
                () -> tokens.accessToken(client));
    }

    @Override
    protected boolean temporalReportsLoad() {
        return false;
    }

    @Override
    protected String temporalUiUrl() {
        return null;
    }
}
