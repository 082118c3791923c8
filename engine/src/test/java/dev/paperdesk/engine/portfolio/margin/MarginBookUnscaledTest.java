package dev.paperdesk.engine.portfolio.margin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MarginBookUnscaledTest {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** The mark's digits read without a scaled copy are its unscaled value, for up to 18 digits at the book's scales. */
    @Property(tries = 5000)
    void unscaledIsTheMarksUnscaledValue(
            @ForAll @LongRange(min = -999_999_999_999_999_999L, max = 999_999_999_999_999_999L) long unscaled,
            @ForAll @IntRange(min = 0, max = 18) int digits,
            @ForAll @IntRange(min = 0, max = MarginBook.MAX_SCALE) int scale) {
        long v = unscaled % POW10[digits]; // 0 to 18 digits, each length as likely
        BigDecimal mark = BigDecimal.valueOf(v, scale);
        assertThat(MarginBook.unscaled(mark))
                .isEqualTo(mark.unscaledValue().longValueExact())
                .isEqualTo(mark.scaleByPowerOfTen(scale).longValue());
    }

    @Test
    void unscaledIsExactAtTheEdgesOfTheDoublePath() {
        long[] edges = {
            0,
            1,
            9,
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
                for (int scale = 0; scale <= MarginBook.MAX_SCALE; scale++) {
                    BigDecimal mark = BigDecimal.valueOf(v, scale);
                    assertThat(MarginBook.unscaled(mark)).as("%s", mark).isEqualTo(v);
                }
            }
        }
        assertThat(MarginBook.unscaled(new BigDecimal("101.25"))).isEqualTo(10125);
        assertThat(MarginBook.unscaled(new BigDecimal("0.10000000000000"))).isEqualTo(10_000_000_000_000L);
    }
}
