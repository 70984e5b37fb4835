package io.orderflow.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core, run in the page the browser shows: the WCAG 2 A and AA rules it can decide
 * automatically (a label for every field, landmarks, headings, AA colour contrast, names for links
 * and buttons, the page's language, …). It is loaded from its webjar, never fetched.
 */
final class AccessibilityCheck {

    /** The webjar says its version here; its script sits in a folder named after it. */
    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/axe-core/pom.properties";
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
               .then(result => done(result.violations.map(violation => violation.id + ' (' + violation.help + '): '
                         + violation.nodes.map(node => node.target.join(' ')).join(', '))),
                     failure => done(['axe could not run: ' + failure]));
            """;

    private AccessibilityCheck() {
    }

    /** What axe finds wrong with the page the browser shows now, one line per rule broken; empty when nothing. */
    @SuppressWarnings("unchecked")
    static List<String> violations(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        page.executeScript(source());
        return (List<String>) page.executeAsyncScript(RUN);
    }

    /** Whether the page is wider than the window, so a phone would have to scroll sideways to read it. */
    static boolean scrollsSideways(WebDriver browser) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
    }

    private static String source() {
        Properties webjar = new Properties();
        try (InputStream about = resource(WEBJAR)) {
            webjar.load(about);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String script = "META-INF/resources/webjars/axe-core/" + webjar.getProperty("version") + "/axe.min.js";
        try (InputStream axe = resource(script)) {
            return new String(axe.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream stream = AccessibilityCheck.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("axe-core's webjar is not on the test classpath: no " + name);
        }
        return stream;
    }
}
