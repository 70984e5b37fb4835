package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.e2e.OrderflowClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an operator sees in the Temporal Web UI (:8233): orders found by the custom search
 * attributes through the UI server's own HTTP API, and one order's page rendered by headless
 * Chromium with the activities' human summaries. The screenshot lands in
 * {@code e2e/target/web-ui-order.png}; {@code docs/web-ui-order.png} is a copy of one such run.
 */
class WebUiTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String customer;
    private static String completedOrder;
    private static String declinedOrder;

    @BeforeAll
    static void placeOneCompletedAndOneDeclinedOrder() {
        RealStack.assertUp();
        customer = "cust-ui-" + UUID.randomUUID().toString().substring(0, 8);
        String sku = "UI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Red mug", 1250, "EUR", 10).status()).isEqualTo(200);
        completedOrder = CLIENT.placeOrder(OrderflowClient.order(customer, sku, 2, "tok_visa", "GB"), null).text("orderId");
        declinedOrder = CLIENT.placeOrder(OrderflowClient.order(customer, sku, 1, "tok_declined", "GB"), null).text("orderId");
        assertThat(CLIENT.awaitTerminal(completedOrder, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(CLIENT.awaitTerminal(declinedOrder, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void webUiFindsOrdersByCustomerIdAndOrderStatus() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(uiSearch("CustomerId = '" + customer + "'"))
                    .containsExactlyInAnyOrder("order-" + completedOrder, "order-" + declinedOrder);
            assertThat(uiSearch("CustomerId = '" + customer + "' AND OrderStatus = 'COMPLETED'"))
                    .containsExactly("order-" + completedOrder);
            assertThat(uiSearch("CustomerId = '" + customer + "' AND OrderStatus = 'FAILED'"))
                    .containsExactly("order-" + declinedOrder);
        });
    }

    @Test
    void orderPageInTheWebUiTellsTheOrdersStoryInActivitySummaries() throws Exception {
        String page = RealStack.TEMPORAL_UI + "/namespaces/default/workflows/order-" + completedOrder;
        Path screenshot = Path.of("target", "web-ui-order.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);

        String dom = chromium("--dump-dom", page);
        chromium("--screenshot=" + screenshot, page);

        assertThat(dom).contains("order-" + completedOrder)
                .contains("reserve 2 items")
                .contains("charge EUR 25.00")
                .contains("schedule delivery to GB");
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png).as("a PNG image").startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(50_000);
    }

    /** Workflow ids the UI server's API returns for a visibility query (what the UI's search box runs). */
    private static List<String> uiSearch(String query) throws IOException {
        URI uri = URI.create(RealStack.TEMPORAL_UI + "/api/v1/namespaces/default/workflows?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
        JsonNode answer = JSON.readTree(RealStack.httpGet(uri));
        return StreamSupport.stream(answer.path("executions").spliterator(), false)
                .map(execution -> execution.path("execution").path("workflowId").asText()).toList();
    }

    /** Runs headless Chromium on the page; returns what it printed (the DOM for --dump-dom). */
    private static String chromium(String action, String page) throws Exception {
        Path profile = Files.createTempDirectory("orderflow-chromium-");
        Path output = Files.createTempFile("orderflow-chromium-", ".out");
        try {
            List<String> command = new ArrayList<>(List.of(chromiumBinary(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1600,1200",
                    // The UI is a single-page app: give its API calls and rendering time before the capture.
                    "--virtual-time-budget=15000", action, page));
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("chromium " + action + " did not finish within 90 s");
            }
            assertThat(process.exitValue()).as("chromium %s exit code", action).isZero();
            return Files.readString(output);
        } finally {
            Files.deleteIfExists(output);
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static String chromiumBinary() {
        for (String candidate : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(dir, candidate))) {
                    return Path.of(dir, candidate).toString();
                }
            }
        }
        throw new AssertionError("Chromium is needed for the Web UI screenshot: apt-get install -y chromium");
    }
}
