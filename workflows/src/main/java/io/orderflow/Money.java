package io.orderflow;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: integer minor units (cents) plus an ISO 4217 currency code.
 * Never a floating-point number, so sums and refunds are exact.
 */
public record Money(long amountCents, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amountCents < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amountCents);
        }
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
        }
    }

    public static Money of(long amountCents, String currency) {
        return new Money(amountCents, currency);
    }

    /** Human form for logs and the Web UI, e.g. {@code EUR 25.00}. Assumes two minor digits. */
    public String display() {
        return String.format("%s %d.%02d", currency, amountCents / 100, amountCents % 100);
    }
}
