package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.InvalidRequestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code waitForTerminal} parameter: an ISO-8601 duration in whole seconds ({@code PT10S}),
 * from {@code PT0S} up to the configured maximum ({@code orderflow.gateway.orders.max-wait}). The
 * accepted values are exactly those of {@link #pattern}, which the OpenAPI document declares, so a
 * client (or a property-based test) can tell from the document alone which waits are accepted.
 */
public final class WaitForTerminal {

    public static final String PARAMETER = "waitForTerminal";

    private final Pattern pattern;
    private final long maxSeconds;

    WaitForTerminal(Duration max) {
        this.maxSeconds = max.toSeconds();
        this.pattern = Pattern.compile(pattern(max));
    }

    /** {@code ^PT(0|1|…|max)S$}, spelled as digit ranges: for 60 s {@code ^PT([0-9]|[1-5][0-9]|60)S$}. */
    public static String pattern(Duration max) {
        return "^PT(" + upTo(Math.max(0, max.toSeconds())) + ")S$";
    }

    Duration parse(String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidRequestException(PARAMETER,
                    "must be an ISO-8601 duration in whole seconds from PT0S to PT" + maxSeconds + "S, such as PT10S");
        }
        return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
    }

    /** A regular expression matching the decimal numbers 0 to {@code max}, without leading zeros. */
    static String upTo(long max) {
        String limit = Long.toString(max);
        List<String> ranges = new ArrayList<>();
        for (int length = 1; length < limit.length(); length++) {
            ranges.add(length == 1 ? "[0-9]" : "[1-9]" + anyDigits(length - 1));
        }
        // Numbers as long as the limit: a prefix of it, then a smaller digit, then any digits.
        for (int i = 0; i < limit.length(); i++) {
            int low = i == 0 && limit.length() > 1 ? 1 : 0;
            int high = limit.charAt(i) - '0' - 1;
            if (high >= low) {
                ranges.add(limit.substring(0, i) + (low == high ? "" + low : "[" + low + "-" + high + "]")
                        + anyDigits(limit.length() - i - 1));
            }
        }
        ranges.add(limit);
        return String.join("|", ranges);
    }

    private static String anyDigits(int count) {
        return count == 0 ? "" : count == 1 ? "[0-9]" : "[0-9]{" + count + "}";
    }
}
