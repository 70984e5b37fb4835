package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.e2e.HeadlessChromium;
import io.orderflow.e2e.PagesBrowser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An order alice places in the storefront, in a real (headless) Chromium, is one trace: it begins
 * with her "Place order" in the web process, which carries the trace to the gateway; the gateway's
 * cart checkout (a workflow update) continues it into the cart workflow, which starts the order's
 * checkout workflow, whose activities run in the three service processes. The stack's trace UI
 * draws that trace (the screenshot lands in {@code e2e/target/zipkin/order-trace.png};
 * {@code docs/trace-zipkin.png} is a copy of one such run).
 */
class StorefrontTraceTest {

    /** Every process an order from the pages passes through, as the trace UI names them. */
    private static final List<String> SERVICES = List.of("orderflow-web", "orderflow-gateway", "orderflow-checkout",
            "orderflow-stock", "orderflow-payment", "orderflow-delivery");
    private static final Duration WITHIN = Duration.ofSeconds(90);
    /** Zipkin's trace page: the height of its header and timeline ruler, and of one span's row. */
    private static final int PAGE_HEADER_PX = 400;
    private static final int ROW_PX = 32;

    private static String orderId;

    @BeforeAll
    static void aliceOrdersAMugInTheStorefront() {
        RealStack.assertUp();
        String sku = "TRACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(RealStack.client().putProduct(sku, "Traced mug", 1250, "EUR", 5).status()).isEqualTo(200);
        try (PagesBrowser alice = new PagesBrowser(RealStack.WEB.toString())) {
            alice.logIn("alice", "alice-dev-password");
            alice.open("/");
            alice.click(By.cssSelector("#product-" + sku + " form.add button"));
            assertThat(alice.text(By.cssSelector(".notice"))).startsWith("Added to your cart: ");
            alice.open("/cart");
            alice.choose(By.id("paymentToken"), "tok_visa");
            alice.type(By.id("name"), "Alice Liddell");
            alice.type(By.id("line1"), "12 Main St");
            alice.type(By.id("city"), "London");
            alice.type(By.id("postalCode"), "N1 9GU");
            alice.type(By.id("country"), "GB");
            alice.click(By.id("place-order"));
            orderId = alice.await(Duration.ofSeconds(30), driver -> alice.path().startsWith("/orders/")
                    ? alice.path().substring("/orders/".length()) : null);
            alice.awaitText(By.id("order-status"), "COMPLETED", WITHIN);
        }
    }

    @Test
    void anOrderFromTheStorefrontIsOneTraceFromAlicesPageThroughTheGatewayAndTheWorkflowToEachServicesActivity() {
        // Each process exports its spans in batches every few seconds.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Zipkin.Span> trace = ordersTrace().orElseThrow(() -> new AssertionError("no trace ran the order's workflow yet"));
            assertThat(trace).filteredOn(Zipkin.Span::root).extracting(Zipkin.Span::label)
                    .as("the trace begins with alice's checkout in the web process")
                    .containsExactly("orderflow-web: http post /cart/checkout");
            assertThat(trace).extracting(Zipkin.Span::label)
                    .contains("orderflow-web: http post",
                            "orderflow-gateway: http post /api/v1/carts/{cartid}/checkout",
                            "orderflow-checkout: runworkflow:checkout",
                            "orderflow-stock: runactivity:stockreserve",
                            "orderflow-payment: runactivity:paymentcharge",
                            "orderflow-delivery: runactivity:deliveryschedule");
            assertThat(trace).extracting(Zipkin.Span::service).containsAll(SERVICES);
        });
    }

    @Test
    void theTraceUiDrawsTheOrdersTraceWithEveryProcessItPassedThrough() throws IOException {
        // Once every process has exported its part, the page shows the whole trace.
        List<Zipkin.Span> trace = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(StorefrontTraceTest::ordersTrace, found -> found.isPresent()
                        && found.get().stream().map(Zipkin.Span::service).toList().containsAll(SERVICES))
                .orElseThrow();
        String traceId = trace.get(0).traceId();
        // The page draws only the rows that fit in the window: one tall enough for every span shows
        // the whole trace, down to the delivery worker's last activity.
        ChromeDriver browser = HeadlessChromium.start("1600," + (PAGE_HEADER_PX + ROW_PX * trace.size()), List.of());
        try {
            browser.get(Zipkin.tracePage(traceId).toString());

            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .withMessage(() -> "the trace page names every process; it says:\n" + pageText(browser))
                    .until(driver -> SERVICES.stream().allMatch(service -> pageText(browser).contains(service + ": ")));
            assertThat(pageText(browser)).contains(traceId, "orderflow-web: http post /cart/checkout",
                    "orderflow-checkout: runworkflow:checkout", "orderflow-payment: runactivity:paymentcharge");

            Path screenshot = Path.of("target", "zipkin", "order-trace.png").toAbsolutePath();
            Files.createDirectories(screenshot.getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
            byte[] png = Files.readAllBytes(screenshot);
            assertThat(png).as("a PNG image").startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(30_000);
        } finally {
            browser.quit();
        }
    }

    /**
     * The trace in which the order's checkout workflow ran. The order's page polled the gateway
     * while alice watched it, so other traces name the order's workflow too (each a query).
     */
    private static Optional<List<Zipkin.Span>> ordersTrace() {
        return Zipkin.tracesTagged("workflowId", "order-" + orderId).stream()
                .filter(trace -> trace.stream().anyMatch(span -> span.label().equals("orderflow-checkout: runworkflow:checkout")))
                .findFirst();
    }

    private static String pageText(ChromeDriver browser) {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.body.innerText"));
    }
}
