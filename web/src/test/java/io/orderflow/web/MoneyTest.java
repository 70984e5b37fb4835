package io.orderflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    private final Money money = new Money();

    @Test
    void minorUnitsReadAsTheCurrencyWritesThem() {
        assertThat(money.format(1250L, "EUR")).isEqualTo("12.50 EUR");
        assertThat(money.format(1250L, "JPY")).isEqualTo("1250 JPY");
        assertThat(money.format(null, "EUR")).isEmpty();
    }

    @Test
    void typedAmountsBecomeExactMinorUnits() {
        assertThat(Money.parse("12.5", "EUR")).isEqualTo(1250);
        assertThat(Money.parse(" 0.01 ", "EUR")).isEqualTo(1);
        assertThat(Money.parse("1250", "JPY")).isEqualTo(1250);
    }

    @Test
    void anAmountThatIsNotExactOrNotANumberIsRefused() {
        assertThatThrownBy(() -> Money.parse("12.505", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("twelve", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("99999999999999999999999", "EUR")).isInstanceOf(IllegalArgumentException.class);
    }
}
