package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BenchmarkCentsTest {
    /** Buy-and-hold values: capital / first close in DECIMAL64 units, marked at a later close. */
    @Property(tries = 2000)
    void buyAndHoldCentsAreTheBigDecimalOnes(
            @ForAll @LongRange(min = 1, max = 100_000_000_000L) long capital,
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long first,
            @ForAll @IntRange(min = 0, max = 8) int firstScale,
            @ForAll @LongRange(min = 1, max = 1_000_000_000_000_000L) long close,
            @ForAll @IntRange(min = 0, max = 10) int closeScale) {
        BigDecimal units =
                BigDecimal.valueOf(capital).divide(BigDecimal.valueOf(first, firstScale), MathContext.DECIMAL64);
        BigDecimal price = BigDecimal.valueOf(close, closeScale);
        BigDecimal expected = units.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
        assertThat(Backtester.cents(units, price).toString()).isEqualTo(expected.toString());
    }

    @Test
    void tiesRoundToTheEvenCentAndLargeProductsTakeTheExactPath() {
        assertThat(Backtester.cents(new BigDecimal("0.5"), new BigDecimal("0.05"))
                        .toString())
                .isEqualTo("0.02"); // 0.025 → 0.02
        assertThat(Backtester.cents(new BigDecimal("0.5"), new BigDecimal("0.07"))
                        .toString())
                .isEqualTo("0.04"); // 0.035 → 0.04
        BigDecimal huge = new BigDecimal("9999999999999999");
        assertThat(Backtester.cents(huge, new BigDecimal("99999999999.99999")))
                .isEqualTo(huge.multiply(new BigDecimal("99999999999.99999")).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(Backtester.cents(new BigDecimal("3"), new BigDecimal("2")).toString())
                .isEqualTo("6.00");
    }
}
