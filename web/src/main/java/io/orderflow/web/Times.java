package io.orderflow.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Instants as the pages show them, in UTC (the platform's clock). Templates call it as {@code @times}. */
@Component("times")
public class Times {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }
}
