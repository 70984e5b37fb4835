package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PricedLineTest {

    @Test
    void theLargestLineTheCatalogAllowsIsPricedExactly() {
        assertThat(new PricedLine("MUG-RED", 1000, 100_000_000L).lineTotalCents()).isEqualTo(100_000_000_000L);
    }

    @Test
    void aLineTotalTooLargeForALongIsAnErrorInsteadOfAWrappedAmount() {
        PricedLine absurd = new PricedLine("MUG-RED", 3, Long.MAX_VALUE / 2);

        assertThatThrownBy(absurd::lineTotalCents).isInstanceOf(ArithmeticException.class);
    }
}
