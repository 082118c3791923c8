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

    /**
     * The allocation-free unscaled value is the decimal's own, for up to 18 digits at any scale
     * (the double round trip up to 15 digits at scales 0 to 22, the decimal path beyond).
     */
    @Property(tries = 5000)
    void unscaledIsTheDecimalsUnscaledValue(
            @ForAll @LongRange(min = -999_999_999_999_999_999L, max = 999_999_999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = 0, max = 18) int digits,
            @ForAll @IntRange(min = -3, max = 25) int scale) {
        long v = unscaled % POW10[digits]; // 0 to 18 digits, each length as likely
        BigDecimal value = BigDecimal.valueOf(v, scale);
        assertThat(MarketState.unscaled(value))
                .isEqualTo(value.unscaledValue().longValueExact())
                .isEqualTo(oldUnscaled(value));
    }

    @Test
    void unscaledIsExactAtTheEdgesOfTheDoublePath() {
        long[] edges = {
            0,
            1,
            9,
            10,
            999_999_999_999_999L,
            1_000_000_000_000_000L,
            (1L << 53) - 1,
            1L << 53,
            (1L << 53) + 1,
            (1L << 50) - 1,
            1L << 50,
            123_456_789_012_345L,
            999_999_999_999_999_999L,
            500_000_000_000_005L
        };
        for (long e : edges) {
            for (long v : new long[] {e, -e}) {
                for (int scale = -2; scale <= 24; scale++) {
                    BigDecimal value = BigDecimal.valueOf(v, scale);
                    assertThat(MarketState.unscaled(value)).as("%s", value).isEqualTo(v);
                }
            }
        }
        // a decimal parsed from text (as a CSV feed's) and one with trailing zeros
        assertThat(MarketState.unscaled(new BigDecimal("101.25"))).isEqualTo(10125);
        assertThat(MarketState.unscaled(new BigDecimal("0.10000000000000"))).isEqualTo(10_000_000_000_000L);
    }

    /**
     * Random prices at random scales, on random tick and lot units: the count is the one the
     * decimal-scaling implementation gave, and the division's.
     */
    @Property(tries = 5000)
    void countsAreTheOldComputations(
            @ForAll @LongRange(min = -999_999_999_999_999_999L, max = 999_999_999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = 0, max = 18) int digits,
            @ForAll @IntRange(min = -1, max = 10) int scale,
            @ForAll @LongRange(min = 1, max = 1_000_000) long unitDigits,
            @ForAll @IntRange(min = 0, max = 10) int unitScale,
            @ForAll boolean atUnitScale) {
        UnitScale unit = new UnitScale(BigDecimal.valueOf(unitDigits, unitScale));
        BigDecimal value = BigDecimal.valueOf(unscaled % POW10[digits], atUnitScale ? unit.scale() : scale);
        long u = unit.unit().unscaledValue().longValueExact();
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.DOWN}) {
            long expected;
            try {
                expected = oldCount(value, unit, u, mode);
            } catch (ArithmeticException tooLarge) {
                assertThatThrownBy(() -> MarketState.count(value, unit, u, mode))
                        .isInstanceOf(ArithmeticException.class);
                continue;
            }
            assertThat(MarketState.count(value, unit, u, mode))
                    .isEqualTo(expected)
                    .isEqualTo(value.divide(unit.unit(), 0, mode).longValueExact());
        }
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** The unscaled value as it was read before: a copy scaled to 0, then its long. */
    private static long oldUnscaled(BigDecimal value) {
        return value.scaleByPowerOfTen(value.scale()).longValue();
    }

    /** The count as it was computed before the allocation-free unscaled value. */
    private static long oldCount(BigDecimal value, UnitScale unit, long u, RoundingMode mode) {
        if (value.scale() == unit.scale() && value.precision() <= 18) {
            long v = value.scaleByPowerOfTen(value.scale()).longValue();
            long q = v / u;
            long r = v % u;
            if (r == 0 || mode == RoundingMode.DOWN) {
                return q;
            }
            if (mode == RoundingMode.HALF_EVEN) {
                long twice = Math.abs(r) * 2;
                if (u < (1L << 61)) {
                    if (twice > u || (twice == u && (q & 1) != 0)) {
                        q += Long.signum(v);
                    }
                    return q;
                }
            }
        }
        return value.divide(unit.unit(), 0, mode).longValueExact();
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
