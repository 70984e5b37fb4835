package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.embedded.EmbeddedSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person, in a real (headless) Chromium, opens the gateway's Swagger UI, logs in at the dev
 * identity provider with the authorization code flow and PKCE (the public browser client
 * {@code orderflow-web}), and then calls a protected endpoint with the token Swagger UI got.
 *
 * <p>Uses Debian's {@code chromium} and {@code chromedriver} (scripts/prerequisites.sh installs
 * them), so nothing is downloaded at test time.
 */
class SwaggerUiLoginTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String AUTHORIZATION_CODE = "authorizationCode";
    private static final String GET_ORDER = "/api/v1/orders/{orderId}";
    private static final Path FAILURE_SCREENSHOTS = Path.of("target", "swagger-ui-login");

    private static EmbeddedSettings platform;
    private static WebDriver browser;

    /** On failure, a screenshot of every open window, to see what the person would have seen. */
    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = SwaggerUiLoginTest::screenshotOnFailure;

    @BeforeAll
    static void startBrowser() {
        platform = SharedEmbeddedPlatform.settings();
        // The console (CORS refusals, failed fetches) goes into the failure report.
        browser = HeadlessChromium.start("1280,1600", List.of(LogType.BROWSER));
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonLogsInThroughSwaggerUiAndCallsAProtectedEndpoint() {
        String unknownOrder = UUID.randomUUID().toString();
        browser.get(platform.gatewayUrl() + "/swagger-ui.html");
        tryItOut(GET_ORDER);

        assertThat(execute(GET_ORDER, "orderId", unknownOrder))
                .as("before logging in, Swagger UI has no token to send").isEqualTo("401");

        logInWithAuthorizationCode("alice", "alice-dev-password");

        assertThat(execute(GET_ORDER, "orderId", unknownOrder))
                .as("alice's token is accepted: the order is unknown (or not hers), so 404, not 401").isEqualTo("404");
        assertThat(text(operation(GET_ORDER).findElement(By.cssSelector(".request-url")))).endsWith("/" + unknownOrder);
        JsonNode token = claimsOfTheTokenSent(GET_ORDER);
        assertThat(token.path("sub").asText()).isEqualTo("alice");
        assertThat(token.path("scope").toString()).contains("orders:read", "orders:write").doesNotContain("orders:admin");
    }

    /** The claims of the bearer token in the curl command Swagger UI shows for its last call. */
    private static JsonNode claimsOfTheTokenSent(String path) {
        String curl = text(operation(path).findElement(By.cssSelector(".curl")));
        Matcher bearer = Pattern.compile("Authorization: Bearer ([\\w-]+)\\.([\\w-]+)\\.([\\w-]+)").matcher(curl);
        assertThat(bearer.find()).as("the call Swagger UI sent carries a bearer token: " + curl).isTrue();
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(bearer.group(2)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Authorize", the authorization code flow, the provider's login page in a new window, and back. */
    private static void logInWithAuthorizationCode(String username, String password) {
        String swaggerUi = browser.getWindowHandle();
        click(By.cssSelector(".auth-wrapper .btn.authorize"));

        WebElement flow = waitFor(By.xpath("//input[@id='client_id_" + AUTHORIZATION_CODE + "']"
                + "/ancestor::div[.//div[contains(@class,'auth-btn-wrapper')]][1]"));
        assertThat(flow.findElement(By.id("client_id_" + AUTHORIZATION_CODE)).getAttribute("value"))
                .as("the browser client is prefilled").isEqualTo("orderflow-web");
        for (String scope : List.of("orders:read", "orders:write")) {
            WebElement box = flow.findElement(By.cssSelector("input[type=checkbox][data-value='" + scope + "']"));
            if (!box.isSelected()) {
                flow.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
            }
            assertThat(box.isSelected()).as(scope + " is asked for").isTrue();
        }
        flow.findElement(By.cssSelector(".auth-btn-wrapper .btn.authorize")).click();

        // The identity provider opens in a window of its own, on its login page.
        new WebDriverWait(browser, WITHIN).until(ExpectedConditions.numberOfWindowsToBe(2));
        browser.switchTo().window(otherThan(swaggerUi));
        waitFor(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // The provider redirects to oauth2-redirect.html, which hands the code to Swagger UI and closes.
        new WebDriverWait(browser, WITHIN)
                .withMessage(() -> "the login window did not hand back a code and close")
                .until(ExpectedConditions.numberOfWindowsToBe(1));
        browser.switchTo().window(swaggerUi);

        // Swagger UI exchanges the code (and its PKCE verifier) for a token at the provider.
        WebElement outcome = new WebDriverWait(browser, WITHIN).until(driver -> {
            List<WebElement> errors = flow.findElements(By.cssSelector(".errors"));
            List<WebElement> authorized = flow.findElements(By.xpath(".//h6[normalize-space()='Authorized']"));
            return !errors.isEmpty() ? errors.get(0) : authorized.isEmpty() ? null : authorized.get(0);
        });
        assertThat(outcome.getTagName()).as("Swagger UI's login outcome: " + text(outcome)).isEqualTo("h6");
        flow.findElement(By.cssSelector(".btn-done")).click();
        new WebDriverWait(browser, WITHIN).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
        assertThat(browser.findElement(By.cssSelector(".auth-wrapper .btn.authorize")).getAttribute("class"))
                .contains("locked").doesNotContain("unlocked");
    }

    /** Opens the GET operation on this path and switches it to "Try it out". */
    private static void tryItOut(String path) {
        WebElement operation = new WebDriverWait(browser, WITHIN)
                .until(driver -> operation(path).isDisplayed() ? operation(path) : null);
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        // The operation's body renders after the click: look for the button until it is there.
        new WebDriverWait(browser, WITHIN).until(driver -> {
            List<WebElement> buttons = operation(path).findElements(By.cssSelector(".try-out__btn"));
            return buttons.isEmpty() || !buttons.get(0).isDisplayed() || !buttons.get(0).isEnabled()
                    ? null : buttons.get(0);
        }).click();
    }

    /** Fills the path parameter, presses Execute and returns the status code Swagger UI shows. */
    private static String execute(String path, String parameter, String value) {
        WebElement operation = operation(path);
        for (WebElement clear : operation.findElements(By.cssSelector(".btn-clear"))) {
            clear.click();
        }
        new WebDriverWait(browser, WITHIN).until(driver ->
                operation(path).findElements(By.cssSelector(".live-responses-table")).isEmpty());
        // Swagger UI prefills examples (waitForTerminal=PT10S): only the given parameter is sent.
        for (WebElement input : operation.findElements(By.cssSelector("tr[data-param-name] input"))) {
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        }
        operation.findElement(By.cssSelector("tr[data-param-name='" + parameter + "'] input")).sendKeys(value);
        operation.findElement(By.cssSelector(".btn.execute")).click();
        WebElement status = new WebDriverWait(browser, WITHIN).until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                operation, By.cssSelector(".live-responses-table tr.response .response-col_status"))).get(0);
        // The cell also holds an "Undocumented" note for codes the document does not list.
        return text(status).split("\\s+")[0];
    }

    private static WebElement operation(String path) {
        return browser.findElement(By.xpath("//div[contains(@class,'opblock-get')]"
                + "[.//span[contains(@class,'opblock-summary-path') and @data-path='" + path + "']]"));
    }

    private static void click(By locator) {
        new WebDriverWait(browser, WITHIN).until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private static WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WITHIN).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static String otherThan(String handle) {
        Set<String> handles = browser.getWindowHandles();
        return handles.stream().filter(h -> !h.equals(handle)).findFirst().orElseThrow();
    }

    private static String text(WebElement element) {
        return element.getText().trim();
    }

    private static void screenshotOnFailure(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || browser == null) {
            return;
        }
        try {
            Files.createDirectories(FAILURE_SCREENSHOTS);
            int window = 0;
            for (String handle : browser.getWindowHandles()) {
                browser.switchTo().window(handle);
                Path file = FAILURE_SCREENSHOTS.resolve(context.getRequiredTestMethod().getName() + "-" + window++ + ".png");
                File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
                Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
                System.err.println("Swagger UI login failed; screenshot of " + browser.getCurrentUrl() + ": " + file.toAbsolutePath());
            }
        } catch (IOException | WebDriverException e) {
            System.err.println("Could not save a screenshot: " + e);
        }
        try {
            for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
                System.err.println("browser console: " + entry);
            }
        } catch (WebDriverException e) {
            System.err.println("Could not read the browser console: " + e);
        }
    }
}
