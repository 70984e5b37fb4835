package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.gateway.problem.InvalidRequestException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code waitForTerminal} accepts exactly what the OpenAPI document's pattern says: an ISO-8601
 * duration in whole seconds from PT0S to the configured maximum, nothing else.
 */
class WaitForTerminalTest {

    private final WaitForTerminal sixtySeconds = new WaitForTerminal(Duration.ofSeconds(60));

    @Test
    void acceptsEveryWholeSecondUpToTheMaximum() {
        for (int seconds = 0; seconds <= 60; seconds++) {
            assertThat(sixtySeconds.parse("PT" + seconds + "S")).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT61S", "PT100S", "PT1M", "PT0.5S", "PT1.0S", "pt10s", "PT05S", "-PT1S", "PT-1S",
            "P1D", "PT10S\n", " PT10S", "10", "soon", ""})
    void refusesAnythingElseNamingTheParameter(String wait) {
        assertThatThrownBy(() -> sixtySeconds.parse(wait))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused ->
                        assertThat(refused.errors()).singleElement()
                                .satisfies(error -> assertThat(error.field()).isEqualTo("waitForTerminal")));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 5, 9, 10, 19, 30, 59, 60, 99, 100, 101, 120, 300, 999, 1000, 3600})
    void thePatternMatchesExactlyTheNumbersUpToAnyMaximum(long max) {
        Pattern pattern = Pattern.compile(WaitForTerminal.pattern(Duration.ofSeconds(max)));

        for (long seconds = 0; seconds <= Math.max(200, 2 * max); seconds++) {
            assertThat(pattern.matcher("PT" + seconds + "S").matches()).as("PT%dS for a maximum of %d", seconds, max)
                    .isEqualTo(seconds <= max);
        }
        assertThat(pattern.matcher("PT0" + max + "S").matches()).as("leading zero").isFalse();
    }

    @Test
    void readsTheSameInTheDocumentAsInJava() {
        assertThat(WaitForTerminal.pattern(Duration.ofSeconds(60))).isEqualTo("^PT([0-9]|[1-5][0-9]|60)S$");
    }
}
