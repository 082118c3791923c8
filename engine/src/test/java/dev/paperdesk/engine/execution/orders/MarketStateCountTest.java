package dev.paperdesk.engine.execution.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.market.UnitScale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MarketStateCountTest {
    /** Ticks and lots in long arithmetic are the BigDecimal division's, for units like 0.01, 0.05, 25, 0.25. */
    @Property(tries = 3000)
    void countsAreTheDivisionsResult(
            @ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long unscaled,
            @ForAll @IntRange(min = -1, max = 8) int scale,
            @ForAll @LongRange(min = 1, max = 500) long unitDigits,
            @ForAll @IntRange(min = 0, max = 6) int unitScale) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale);
        UnitScale unit = new UnitScale(BigDecimal.valueOf(unitDigits, unitScale));
        long u = unit.unit().unscaledValue().longValueExact();
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN}) {
            long expected = value.divide(unit.unit(), 0, mode).longValueExact();
            assertThat(MarketState.count(value, unit, u, mode)).isEqualTo(expected);
            // and at the unit's own scale, where the long path is taken
            BigDecimal atScale = BigDecimal.valueOf(unscaled, unit.scale());
            assertThat(MarketState.count(atScale, unit, u, mode))
                    .isEqualTo(atScale.divide(unit.unit(), 0, mode).longValueExact());
        }
    }

    @Test
    void tiesGoToTheEvenCountAndHugeValuesTakeTheDivision() {
        UnitScale fiveCents = new UnitScale(new BigDecimal("0.05"));
        assertThat(MarketState.count(new BigDecimal("0.12"), fiveCents, 5, RoundingMode.HALF_EVEN))
                .isEqualTo(2); // 2.4
        assertThat(MarketState.count(new BigDecimal("0.13"), fiveCents, 5, RoundingMode.HALF_EVEN))
                .isEqualTo(3); // 2.6
        UnitScale ten = new UnitScale(new BigDecimal("10"));
        assertThat(MarketState.count(new BigDecimal("25"), ten, 10, RoundingMode.HALF_EVEN))
                .isEqualTo(2); // 2.5 → 2
        assertThat(MarketState.count(new BigDecimal("-35"), ten, 10, RoundingMode.HALF_EVEN))
                .isEqualTo(-4); // -3.5 → -4
        UnitScale cent = new UnitScale(new BigDecimal("0.01"));
        // 19 digits: more than the long path takes, still a count that fits
        assertThat(MarketState.count(new BigDecimal("12345678901234567.89"), cent, 1, RoundingMode.DOWN))
                .isEqualTo(1_234_567_890_123_456_789L);
        assertThatThrownBy(() ->
                        MarketState.count(new BigDecimal("1234567890123456789012.34"), cent, 1, RoundingMode.DOWN))
                .isInstanceOf(ArithmeticException.class);
    }
}
