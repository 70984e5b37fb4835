package io.orderflow.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person using the web pages in a real (headless) Chromium: logs in at the identity provider,
 * clicks, types, and waits for what a person would wait for. Phone-sized window, so the tests see
 * the layout most shoppers see.
 */
public final class PagesBrowser implements AutoCloseable {

    static final Duration WITHIN = Duration.ofSeconds(30);
    private static final int PHONE_WIDTH = 412;
    private static final int PHONE_HEIGHT = 915;
    private static final Path SCREENSHOTS = Path.of("target", "pages");

    private final ChromeDriver browser;
    private final String web;

    public PagesBrowser(String webUrl) {
        this.web = webUrl;
        this.browser = HeadlessChromium.start(PHONE_WIDTH + "," + PHONE_HEIGHT, List.of(LogType.BROWSER));
    }

    public WebDriver driver() {
        return browser;
    }

    /**
     * Forgets every session, the pages' and the identity provider's (all of 127.0.0.1 shares
     * cookies), and holds the browser like a phone again.
     */
    public void forgetEveryone() {
        browser.get(web + "/");
        browser.manage().deleteAllCookies();
        resize(PHONE_WIDTH, PHONE_HEIGHT);
    }

    /** "Log in", the identity provider's form, and back on the pages as that person. */
    public void logIn(String username, String password) {
        open("/");
        click(By.id("login"));
        waitFor(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, WITHIN)
                .withMessage(() -> "not back on the pages as " + username + "; at " + browser.getCurrentUrl())
                .until(ExpectedConditions.textToBe(By.id("person"), username));
    }

    public void open(String path) {
        browser.get(web + path);
    }

    public String path() {
        return browser.getCurrentUrl().substring(web.length());
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(browser, WITHIN).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void click(By locator) {
        new WebDriverWait(browser, WITHIN).until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    /**
     * Clicks a button that submits a form and waits until the page it leads to has replaced this
     * one, so what is looked for next is on the answer, not still on the form's page.
     */
    public void submit(By button) {
        WebElement element = new WebDriverWait(browser, WITHIN).ignoring(StaleElementReferenceException.class)
                .until(staleAware(ExpectedConditions.elementToBeClickable(button)));
        element.click();
        new WebDriverWait(browser, WITHIN).until(ExpectedConditions.stalenessOf(element));
    }

    public void type(By field, String text) {
        WebElement input = waitFor(field);
        input.clear();
        input.sendKeys(text);
    }

    public void choose(By select, String value) {
        new Select(waitFor(select)).selectByValue(value);
    }

    public String text(By locator) {
        return waitFor(locator).getText().strip();
    }

    public boolean present(By locator) {
        return !browser.findElements(locator).isEmpty();
    }

    /** Waits, as long as {@code atMost}, until the element's text is {@code expected} (a live page updates it). */
    public void awaitText(By locator, String expected, Duration atMost) {
        new WebDriverWait(browser, atMost)
                .withMessage(() -> "waiting for " + locator + " to read " + expected + " on " + browser.getCurrentUrl())
                .ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(locator, expected));
    }

    public <T> T await(Duration atMost, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, atMost).ignoring(StaleElementReferenceException.class)
                .until(staleAware(condition));
    }

    /**
     * ChromeDriver sometimes reports an element of a page that was just replaced not as stale but as
     * an "unknown error" (the inspector's node no longer belongs to the document). It is the same
     * thing, so the waits treat it as staleness and look again.
     */
    private static <T> Function<WebDriver, T> staleAware(Function<? super WebDriver, T> condition) {
        return driver -> {
            try {
                return condition.apply(driver);
            } catch (StaleElementReferenceException e) {
                throw e;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    throw new StaleElementReferenceException("the page was replaced", e);
                }
                throw e;
            }
        };
    }

    /** Saves what the person sees as {@code target/pages/<name>.png} (the docs' screenshots come from here). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = browser.getScreenshotAs(OutputType.FILE);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the window this size (e.g. a laptop's for a screenshot of the console). */
    public void resize(int width, int height) {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
