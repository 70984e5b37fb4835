package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The storefront and the operator console as people use them, in a real (headless) Chromium: they
 * log in at the identity provider, shop, follow and cancel orders, search them, edit the catalog
 * and watch the load. Subclasses say where the platform runs (embedded JVM or the real stack).
 * Each scenario makes its own products through the catalog API, so scenarios never share stock.
 */
public abstract class PagesScenarios {

    protected static final Duration TERMINAL_WITHIN = Duration.ofSeconds(90);

    private static PagesBrowser browser;

    /** The web pages' base address. */
    protected abstract String webUrl();

    /** The gateway's API as one of the dev clients; it prepares and checks each scenario. */
    protected abstract OrderflowClient api(DevTokens.DevClient client);

    /** The platform's Temporal has visibility and task-queue statistics (the real stack), or not (embedded). */
    protected abstract boolean temporalReportsLoad();

    /** The Temporal Web UI the console links orders to, or null where there is none (embedded). */
    protected abstract String temporalUiUrl();

    protected PagesBrowser browser() {
        if (browser == null) {
            browser = new PagesBrowser(webUrl());
        }
        return browser;
    }

    @BeforeEach
    void nobodyIsLoggedIn() {
        browser().forgetEveryone();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void aliceShopsTwoProductsFollowsHerOrderToCompletedAndBobCannotSeeIt() {
        String mug = freshSku(5, 1250);
        String poster = freshSku(5, 900);

        browser().logIn("alice", "alice-dev-password");
        addToCart(mug, 1);
        addToCart(poster, 2);
        browser().screenshot("storefront");
        browser().open("/cart");
        assertThat(browser().text(By.id("subtotal"))).isEqualTo("30.50 EUR");
        browser().screenshot("cart");
        browser().choose(By.id("paymentToken"), "tok_visa");
        browser().type(By.id("name"), "Alice Liddell");
        browser().type(By.id("line1"), "12 Main St");
        browser().type(By.id("city"), "London");
        browser().type(By.id("postalCode"), "N1 9GU");
        browser().type(By.id("country"), "GB");
        browser().click(By.id("place-order"));

        String orderId = browser().await(PagesBrowser.WITHIN, driver -> browser().path().startsWith("/orders/")
                ? browser().path().substring("/orders/".length()) : null);
        // The page updates itself: nobody reloads it.
        browser().awaitText(By.id("order-status"), "COMPLETED", TERMINAL_WITHIN);
        assertThat(browser().text(By.id("timeline"))).contains("RESERVING_STOCK", "CHARGING_PAYMENT", "COMPLETED");
        assertThat(browser().text(By.id("tracking"))).isNotBlank();
        assertThat(browser().text(By.id("live"))).as("priced once stock was reserved").contains("12.50 EUR", "30.50 EUR");
        browser().screenshot("order-completed");
        browser().open("/orders");
        browser().waitFor(By.linkText(orderId));

        browser().forgetEveryone();
        browser().logIn("bob", "bob-dev-password");
        browser().open("/orders/" + orderId);
        assertThat(browser().text(By.tagName("h1"))).isEqualTo("Not found");
        browser().open("/orders");
        assertThat(browser().present(By.linkText(orderId))).as("bob's list does not show alice's order").isFalse();
    }

    /** On the catalog: this many of the product into the cart. */
    private void addToCart(String sku, int quantity) {
        browser().open("/");
        browser().type(By.id("qty-" + sku), String.valueOf(quantity));
        browser().click(By.cssSelector("#product-" + sku + " form.add button"));
        assertThat(browser().text(By.cssSelector(".notice"))).startsWith("Added to your cart: ").endsWith(" × " + sku + ".");
    }

    @Test
    void aSlowOrderIsCancelledFromItsPage() {
        String sku = freshSku(5, 1250);
        String orderId = placeAsAlice(sku, "tok_slow");

        browser().logIn("alice", "alice-dev-password");
        browser().open("/orders/" + orderId);
        // The payment takes 5 s: the page offers Cancel while it runs.
        browser().click(By.id("cancel"));

        browser().awaitText(By.id("order-status"), "CANCELLED", TERMINAL_WITHIN);
        assertThat(browser().present(By.id("cancel"))).as("a cancelled order offers no cancel").isFalse();
        assertThat(browser().text(By.id("timeline"))).contains("COMPENSATING", "CANCELLED");
        assertThat(api(DevTokens.OPERATOR).available(sku)).as("the stock came back").isEqualTo(5);
    }

    @Test
    void bobCannotSeeAlicesOrder() {
        String sku = freshSku(5, 1250);
        String orderId = placeAsAlice(sku, "tok_visa");

        browser().logIn("bob", "bob-dev-password");
        browser().open("/orders/" + orderId);

        assertThat(browser().text(By.tagName("h1"))).isEqualTo("Not found");
        assertThat(browser().text(By.id("problem"))).isEqualTo("There is no such page, or it is not yours.");
        assertThat(browser().driver().getPageSource()).doesNotContain(sku);
    }

    @Test
    void theOperatorFindsAlicesOrderByStatusAndEditsAPrice() {
        String sku = freshSku(5, 1250);
        String orderId = placeAsAlice(sku, "tok_visa");
        api(DevTokens.OPERATOR).awaitTerminal(orderId, TERMINAL_WITHIN);

        browser().logIn("operator", "operator-dev-password");
        browser().click(By.linkText("Console"));
        browser().choose(By.id("status"), "COMPLETED");
        browser().type(By.id("customerId"), "alice");
        browser().submit(By.id("search"));

        // On a real server a search of visibility; embedded, alice's own order list (the console is the same).
        browser().waitFor(By.linkText(orderId));
        browser().screenshot("console-orders");
        browser().click(By.linkText(orderId));
        assertThat(browser().text(By.id("customer"))).isEqualTo("alice");
        assertThat(browser().text(By.id("order-status"))).isEqualTo("COMPLETED");
        if (temporalUiUrl() != null) {
            assertThat(browser().waitFor(By.id("temporal-link")).getAttribute("href"))
                    .isEqualTo(temporalUiUrl() + "/namespaces/default/workflows/order-" + orderId);
        }

        browser().open("/console/catalog");
        browser().type(By.id("price-" + sku), "13.75");
        browser().click(By.cssSelector("#edit-" + sku + " button[type=submit]"));

        assertThat(browser().text(By.cssSelector(".notice"))).isEqualTo("Saved " + sku + ".");
        browser().resize(1280, 900);
        browser().screenshot("console-catalog");
        assertThat(api(DevTokens.OPERATOR).getProduct(sku).body().path("priceCents").asLong()).isEqualTo(1375);
    }

    @Test
    void theConsoleChartsTheLoadOrSaysWhatTheServerCannotReport() {
        String sku = freshSku(20, 500);
        OrderflowClient operator = api(DevTokens.OPERATOR);
        List<String> orders = List.of(placeAsAlice(sku, "tok_visa"), placeAsAlice(sku, "tok_visa"),
                placeAsAlice(sku, "tok_visa"));
        orders.forEach(orderId -> operator.awaitTerminal(orderId, TERMINAL_WITHIN));

        browser().logIn("operator", "operator-dev-password");
        browser().open("/console/load");

        if (temporalReportsLoad()) {
            for (String chart : List.of("backlog", "pollers", "completions")) {
                browser().waitFor(By.cssSelector("#chart-" + chart + " svg"));
            }
            // Every worker role polls its queue; the orders just placed show in the last minutes.
            for (String queue : List.of("checkout", "stock", "payment", "delivery")) {
                assertThat(barValue("pollers", queue)).as("pollers of " + queue).isPositive();
            }
            long completed = browser().driver().findElements(By.cssSelector("#chart-completions rect")).stream()
                    .mapToLong(PagesScenarios::value).sum();
            assertThat(completed).as("orders completed in the chart's window").isGreaterThanOrEqualTo(orders.size());
            browser().resize(1280, 1000);
            browser().screenshot("console-load");
        } else {
            assertThat(browser().text(By.id("chart-backlog"))).contains("does not report task-queue backlogs");
            assertThat(browser().text(By.id("chart-completions"))).contains("cannot count completed orders");
            assertThat(browser().present(By.cssSelector("#charts svg"))).as("no invented numbers").isFalse();
        }
    }

    @Test
    void everyPagePassesTheAutomaticWcagAaChecksAndFitsAPhoneScreen() {
        String sku = freshSku(5, 1250);
        String orderId = placeAsAlice(sku, "tok_visa");
        api(DevTokens.OPERATOR).awaitTerminal(orderId, TERMINAL_WITHIN);
        SoftAssertions pages = new SoftAssertions();

        checkOnAPhone(pages, "/");
        browser().logIn("alice", "alice-dev-password");
        addToCart(sku, 1);
        for (String page : List.of("/", "/cart", "/orders", "/orders/" + orderId)) {
            checkOnAPhone(pages, page);
        }
        browser().forgetEveryone();
        browser().logIn("operator", "operator-dev-password");
        for (String page : List.of("/console/orders?status=COMPLETED&customerId=alice", "/console/orders/" + orderId,
                "/console/catalog", "/console/load")) {
            checkOnAPhone(pages, page);
        }

        pages.assertAll();
    }

    /** Every page is checked, and every finding of every page reported at the end. */
    private void checkOnAPhone(SoftAssertions pages, String page) {
        browser().open(page);
        browser().waitFor(By.tagName("h1"));
        pages.assertThat(AccessibilityCheck.violations(browser().driver()))
                .as("axe-core's WCAG A/AA findings on %s", page).isEmpty();
        pages.assertThat(AccessibilityCheck.scrollsSideways(browser().driver()))
                .as("%s is wider than a phone's screen", page).isFalse();
    }

    /** The value of the bar labelled {@code label} in a chart (its SVG title says "label: value"). */
    private long barValue(String chart, String label) {
        return browser().driver().findElements(By.cssSelector("#chart-" + chart + " rect")).stream()
                .filter(bar -> title(bar).startsWith(label + ": "))
                .mapToLong(PagesScenarios::value).findFirst()
                .orElseThrow(() -> new AssertionError("no bar " + label + " in chart " + chart));
    }

    private static long value(WebElement bar) {
        String title = title(bar);
        return Long.parseLong(title.substring(title.lastIndexOf(' ') + 1));
    }

    private static String title(WebElement bar) {
        return bar.findElement(By.tagName("title")).getAttribute("textContent").strip();
    }

    protected String freshSku(int available, long priceCents) {
        String sku = "WEB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        OrderflowClient.Response put = api(DevTokens.OPERATOR).putProduct(sku, "Web mug " + sku, priceCents, "EUR",
                available);
        assertThat(put.status()).as("PUT product: %s", put.body()).isEqualTo(200);
        return sku;
    }

    /** An order of one {@code sku}, placed by alice through the API (the pages follow it). */
    protected String placeAsAlice(String sku, String paymentToken) {
        OrderflowClient.Response placed = api(DevTokens.ALICE)
                .placeOrder(OrderflowClient.order(null, sku, 1, paymentToken, "GB"), null);
        assertThat(placed.status()).as("POST order: %s", placed.body()).isEqualTo(202);
        return placed.text("orderId");
    }
}
