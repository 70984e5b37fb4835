package io.orderflow.web;

import java.math.BigDecimal;
import java.util.Currency;
import org.springframework.stereotype.Component;

/**
 * Money as people read and type it ("12.50 EUR"), from and to the API's integer minor units,
 * exactly: a price with more decimals than its currency has is refused, never rounded. Templates
 * call it as {@code @money}.
 */
@Component("money")
public class Money {

    /** {@code 1250, "EUR"} → {@code "12.50 EUR"}; an empty string when either is unknown. */
    public String format(Long minorUnits, String currency) {
        if (minorUnits == null || currency == null) {
            return "";
        }
        return toMajor(minorUnits, currency).toPlainString() + " " + currency;
    }

    /** {@code 1250, "EUR"} → {@code "12.50"}, as a price field shows it. */
    public String amount(long minorUnits, String currency) {
        return toMajor(minorUnits, currency).toPlainString();
    }

    /**
     * {@code "12.5", "EUR"} → {@code 1250}.
     *
     * @throws IllegalArgumentException when the text is not an amount of that currency
     */
    public static long parse(String amount, String currency) {
        try {
            return new BigDecimal(amount.strip()).movePointRight(fractionDigits(currency)).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not an amount in " + currency + ": at most "
                    + fractionDigits(currency) + " decimals", e);
        }
    }

    private static BigDecimal toMajor(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            return 2;
        }
    }
}
