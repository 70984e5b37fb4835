package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.e2e.OrderflowClient;
import io.orderflow.e2e.PagesScenarios;
import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every scenario of the pages, unchanged, in a real Chromium against the real stack: the web JVM
 * on :8090 in front of the gateway JVM, the Temporal dev server (with visibility and task-queue
 * statistics, so the console draws real charts), MariaDB and the dev identity provider.
 */
class RealStackPagesTest extends PagesScenarios {

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    /** scripts/stack.sh gives the checkout worker a 30 s delivery deadline; visibility follows a moment later. */
    private static final Duration OVERDUE_WITHIN = Duration.ofSeconds(90);

    /** Needs-attention search needs visibility, so it is tried here (the embedded console says it cannot). */
    @Test
    void theOperatorFindsAnOverdueOrderByNeedsAttentionAndResolvesItFromItsStory() {
        String sku = freshSku(5, 1250);
        OrderflowClient.Response placed = api(DevTokens.ALICE).placeOrder(OrderflowClient.shippedTo(
                OrderflowClient.order(null, sku, 1, "tok_visa", "GB"), "NEVER-ARRIVES 7"), null);
        assertThat(placed.status()).as("POST order: %s", placed.body()).isEqualTo(202);
        String orderId = placed.text("orderId");

        browser().logIn("operator", "operator-dev-password");
        // The operator searches again until the overdue order shows up, as a person would.
        browser().await(OVERDUE_WITHIN, driver -> {
            browser().open("/console/orders");
            browser().type(By.id("customerId"), "alice");
            browser().click(By.id("needsAttention"));
            browser().submit(By.id("search"));
            return browser().present(By.linkText(orderId));
        });
        browser().click(By.linkText(orderId));
        assertThat(browser().text(By.id("order-status"))).isEqualTo("SHIPPING");
        assertThat(browser().text(By.id("order-attention"))).contains("DELIVERY_OVERDUE");
        browser().choose(By.id("outcome"), "DELIVERED");
        browser().type(By.id("note"), "signed for at the neighbour's");
        browser().click(By.cssSelector("form[action$='/resolve'] button[type=submit]"));

        assertThat(browser().text(By.cssSelector(".notice"))).isEqualTo("Resolved as DELIVERED.");
        browser().awaitText(By.id("order-status"), "COMPLETED", TERMINAL_WITHIN);
    }

    @Override
    protected String webUrl() {
        return RealStack.WEB.toString();
    }

    @Override
    protected OrderflowClient api(DevTokens.DevClient client) {
        return new OrderflowClient(RealStack.GATEWAY, () -> RealStack.TOKENS.accessToken(client));
    }

    @Override
    protected boolean temporalReportsLoad() {
        return true;
    }

    @Override
    protected String temporalUiUrl() {
        return RealStack.TEMPORAL_UI.toString();
    }
}
