package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.e2e.HeadlessChromium;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.identity.testing.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the Temporal Web UI (:8233, the standalone UI server with login) shows, and to whom. Every
 * payload in Temporal is encrypted; the UI decrypts through the codec server with the access token
 * of the person logged in, and the codec server decrypts for {@code orders:admin} only:
 * <ul>
 * <li>the operator, logged in at the dev identity provider in headless Chromium, reads an order's
 * decrypted input and result and the activities' human summaries (the screenshot lands in
 * {@code e2e/target/web-ui-order.png}; {@code docs/web-ui-order.png} is a copy of one such run);
 * <li>alice, logged in the same way, gets ciphertext: the codec server answers her browser 403;
 * <li>nobody logged in sees anything of the order;
 * <li>the CLI reads plaintext only through the codec server with an operator's token (alice's token
 * or none is refused); the history as stored holds neither the payment token nor the address.
 * </ul>
 * Orders are still found by the custom search attributes through the UI server's own API.
 */
class WebUiTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** What the activity summaries of the completed order say (set by the workflow, stored encrypted). */
    private static final List<String> SUMMARIES = List.of("reserve 2 items", "charge EUR 25.00", "schedule delivery to GB");
    /** Plaintext of the order's input that must never be readable without the codec server. */
    private static final List<String> SECRETS = List.of("tok_visa", "Ada Lovelace", "12 Main St");
    /** {@code binary/encrypted}, the encoding of every stored payload, as the UI shows raw metadata (Base64). */
    private static final String ENCRYPTED_ENCODING = Base64.getEncoder()
            .encodeToString("binary/encrypted".getBytes(StandardCharsets.UTF_8));

    private static String customer;
    private static String completedOrder;
    private static String declinedOrder;

    private ChromeDriver browser;

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

    @AfterEach
    void quitBrowser(TestInfo test) {
        if (browser != null) {
            try {
                saveScreenshot(Path.of("target", "web-ui", test.getTestMethod().orElseThrow().getName() + ".png"));
            } finally {
                browser.quit();
            }
        }
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
    void theUiServersApiAnswersNobodyWhoIsNotLoggedIn() throws Exception {
        HttpResponse<String> anonymous = OrderflowClient.sendRaw(HttpRequest.newBuilder(
                URI.create(RealStack.TEMPORAL_UI + "/api/v1/namespaces/default/workflows")).GET().build());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("order-");
    }

    @Test
    void withoutLoggingInTheOrderPageShowsNothingOfTheOrder() {
        browser = startBrowser();
        browser.get(orderPage(completedOrder));

        // The UI sends the browser to its own login page and shows no workflow at all.
        waitFor(By.xpath("//button[contains(normalize-space(.),'Continue to SSO')]"));
        assertThat(browser.getCurrentUrl()).startsWith(RealStack.TEMPORAL_UI + "/login");
        assertThat(pageText()).doesNotContain(completedOrder).doesNotContain(SUMMARIES).doesNotContain(SECRETS);
    }

    @Test
    void theOperatorLoggedInReadsTheDecryptedOrderAndItsStory() throws Exception {
        browser = startBrowser();
        logIn("operator");

        browser.get(orderPage(completedOrder));

        // The UI decodes the input, the result and each event's summary in separate calls and renders
        // them as they come back, so wait for all of them rather than the first.
        String text = awaitPageText(page -> SUMMARIES.stream().allMatch(page::contains) && page.contains("\"country\": \"GB\""),
                "the operator's order page shows the decrypted summaries and input");
        assertThat(text).contains("order-" + completedOrder)
                .contains(SUMMARIES)
                .contains("\"paymentToken\": \"tok_visa\"", "\"city\": \"London\"", "\"country\": \"GB\"")
                .doesNotContain(ENCRYPTED_ENCODING);
        assertThat(decodeAnswers()).as("the browser's calls to the codec server").contains(200).doesNotContain(401, 403);

        Path screenshot = Path.of("target", "web-ui-order.png").toAbsolutePath();
        saveScreenshot(screenshot);
        byte[] png = Files.readAllBytes(screenshot);
        assertThat(png).as("a PNG image").startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(50_000);
    }

    @Test
    void aCustomerLoggedInToTheUiGetsNoDecryption() throws Exception {
        browser = startBrowser();
        logIn("alice");

        browser.get(orderPage(completedOrder));

        waitFor(By.cssSelector("[data-testid='data-encoder-status-error']"));
        String text = awaitPageText(page -> page.contains(ENCRYPTED_ENCODING),
                "alice's order page shows the payloads as they are stored: encrypted");
        assertThat(text).contains("order-" + completedOrder).doesNotContain(SUMMARIES).doesNotContain(SECRETS);
        assertThat(decodeAnswers()).as("the codec server's answers to alice's browser").isNotEmpty().containsOnly(403);
        assertThat(Files.readString(RealStack.log("codec"))).contains("refused POST /decode for alice");
    }

    @Test
    void theCliReadsPlaintextOnlyThroughTheCodecServerWithAnOperatorToken() throws Exception {
        List<String> show = List.of(RealStack.temporalCli().toString(), "workflow", "show",
                "--address", RealStack.TEMPORAL_ADDRESS, "--workflow-id", "order-" + completedOrder,
                "--output", "json", "--command-timeout", "15s");
        Map<String, String> trustCodecCertificate = Map.of("SSL_CERT_FILE", RealStack.codecCertificate().toString());

        RealStack.ScriptResult stored = RealStack.command(show, Map.of(), Duration.ofSeconds(60));
        RealStack.ScriptResult operator = RealStack.command(withCodec(show, RealStack.TOKENS.accessToken(DevTokens.OPERATOR)),
                trustCodecCertificate, Duration.ofSeconds(60));
        RealStack.ScriptResult alice = RealStack.command(withCodec(show, RealStack.TOKENS.accessToken(DevTokens.ALICE)),
                trustCodecCertificate, Duration.ofSeconds(60));
        List<String> noToken = new ArrayList<>(show);
        noToken.addAll(List.of("--codec-endpoint", RealStack.CODEC.toString()));
        RealStack.ScriptResult anonymous = RealStack.command(noToken, trustCodecCertificate, Duration.ofSeconds(60));

        assertThat(stored.exitCode()).as(stored.output()).isZero();
        assertThat(CliHistory.payloadTexts(stored.output())).as("the history as Temporal stores it")
                .isNotEmpty().noneMatch(payload -> SECRETS.stream().anyMatch(payload::contains))
                .noneMatch(payload -> SUMMARIES.stream().anyMatch(payload::contains));
        assertThat(stored.output()).contains(ENCRYPTED_ENCODING).doesNotContain(SECRETS);

        assertThat(operator.exitCode()).as(operator.output()).isZero();
        assertThat(String.join("\n", CliHistory.payloadTexts(operator.output()))).as("the history through the codec server")
                .contains("\"paymentToken\":\"tok_visa\"", "Ada Lovelace").contains(SUMMARIES);

        assertThat(alice.exitCode()).as("alice's token gets no decryption: " + alice.output()).isNotZero();
        assertThat(alice.output()).doesNotContain("tok_visa");
        assertThat(anonymous.exitCode()).as("no token gets no decryption: " + anonymous.output()).isNotZero();
        assertThat(anonymous.output()).doesNotContain("tok_visa");
    }

    // ------------------------------------------------------------------ the browser

    private static ChromeDriver startBrowser() {
        // The network log tells which status the codec server answered the page's calls with; the
        // codec server's certificate is self-signed, made by stack.sh for this run directory.
        return HeadlessChromium.start("1600,1200", List.of(LogType.PERFORMANCE, LogType.BROWSER),
                "--ignore-certificate-errors");
    }

    /**
     * Logs in as a person would: the UI's login page, "Continue to SSO", the identity provider's
     * login form, and back. The UI server's callback hands the page the tokens in a short-lived
     * cookie, which the UI's pages move into local storage; the first page after the callback
     * (here the workflow list) does that.
     */
    private void logIn(String username) {
        String workflows = RealStack.TEMPORAL_UI + "/namespaces/default/workflows";
        browser.get(RealStack.TEMPORAL_UI + "/login?returnUrl=" + URLEncoder.encode(workflows, StandardCharsets.UTF_8));
        new WebDriverWait(browser, WITHIN).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(normalize-space(.),'Continue to SSO')]"))).click();

        waitFor(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username + "-dev-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, WITHIN)
                .withMessage(() -> username + " was not logged in to the UI; the browser is at " + browser.getCurrentUrl())
                .until(driver -> String.valueOf(((JavascriptExecutor) driver)
                        .executeScript("return window.localStorage.getItem('AuthUser')")).contains("accessToken"));
        JsonNode user = readJson(String.valueOf(browser.executeScript("return window.localStorage.getItem('AuthUser')")));
        assertThat(claims(user.path("accessToken").asText()).path("sub").asText())
                .as("the UI holds the access token of the person who logged in").isEqualTo(username);
    }

    private String awaitPageText(Predicate<String> shown, String what) {
        new WebDriverWait(browser, WITHIN).withMessage(() -> what + "; the page says:\n" + pageText())
                .until(driver -> shown.test(pageText()));
        return pageText();
    }

    /** The rendered text of the page, including the parts of its code panels scrolled out of view. */
    private String pageText() {
        return String.valueOf(browser.executeScript("return document.body.innerText"));
    }

    private WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WITHIN).withMessage(() -> "at " + browser.getCurrentUrl() + ":\n" + pageText())
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * The HTTP statuses of the codec server's answers to the page's {@code POST …/decode} calls so
     * far (from the browser's network log; the CORS preflights before them are left out).
     */
    private List<Integer> decodeAnswers() {
        Set<String> decodeCalls = new HashSet<>();
        List<JsonNode> responses = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = readJson(entry.getMessage()).path("message");
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> {
                    String url = params.path("request").path("url").asText();
                    if ("POST".equals(params.path("request").path("method").asText())
                            && url.startsWith(RealStack.CODEC.toString()) && url.contains("/decode")) {
                        decodeCalls.add(params.path("requestId").asText());
                    }
                }
                case "Network.responseReceived" -> responses.add(params);
                default -> { }
            }
        }
        return responses.stream().filter(response -> decodeCalls.contains(response.path("requestId").asText()))
                .map(response -> response.path("response").path("status").asInt()).toList();
    }

    private void saveScreenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | WebDriverException e) {
            System.err.println("Could not save a screenshot of the Web UI: " + e);
        }
    }

    private static String orderPage(String orderId) {
        return RealStack.TEMPORAL_UI + "/namespaces/default/workflows/order-" + orderId;
    }

    // ------------------------------------------------------------------ the UI server's API and the CLI

    /**
     * Workflow ids the UI server's API returns for a visibility query (what the UI's search box runs),
     * with the operator's access token as the logged-in UI sends it.
     */
    private static List<String> uiSearch(String query) {
        URI uri = URI.create(RealStack.TEMPORAL_UI + "/api/v1/namespaces/default/workflows?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpResponse<String> answer = OrderflowClient.sendRaw(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + RealStack.TOKENS.accessToken(DevTokens.OPERATOR))
                .timeout(Duration.ofSeconds(10)).GET().build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return StreamSupport.stream(readJson(answer.body()).path("executions").spliterator(), false)
                .map(execution -> execution.path("execution").path("workflowId").asText()).toList();
    }

    private static List<String> withCodec(List<String> command, String accessToken) {
        List<String> withCodec = new ArrayList<>(command);
        withCodec.addAll(List.of("--codec-endpoint", RealStack.CODEC.toString(), "--codec-auth", "Bearer " + accessToken));
        return withCodec;
    }

    private static JsonNode claims(String jwt) {
        return readJson(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
