package dev.paperdesk.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Averages equal in exact decimal arithmetic are equal doubles. The closes of {@code
 * sma-exact-tie.csv} (six decimals, like Yahoo's) give SMA(2) = SMA(4) = 10.260927 exactly on
 * 2024-02-01; a drifting floating-point running sum put SMA(2) at 10.260927000000002 there, above
 * SMA(4) — a crossover one bar early.
 */
class SmaExactTieTest {
    static final int TIE = 22;

    static double[] closes() throws IOException {
        try (InputStream in =
                SmaExactTieTest.class.getResourceAsStream("/dev/paperdesk/engine/backtest/sma-exact-tie.csv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .lines()
                    .skip(1)
                    .toList();
            return lines.stream()
                    .mapToDouble(l -> Double.parseDouble(l.split(",")[4]))
                    .toArray();
        }
    }

    /** TA-Lib's running sum, as the engine computed SMA before: add, divide, subtract. */
    static double[] driftingSum(double[] x, int period) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            if (i >= period - 1) {
                out[i] = sum / period;
                sum -= x[i - period + 1];
            }
        }
        return out;
    }

    @Test
    void anExactTieComparesEqual() throws IOException {
        double[] c = closes();
        double[] fast = Sma.batch(c, 2);
        double[] slow = Sma.batch(c, 4);
        assertThat(fast[TIE]).isEqualTo(10.260927).isEqualTo(slow[TIE]);
        // The bar before: fast strictly below, so the cross up comes on the bar after the tie.
        assertThat(fast[TIE - 1]).isLessThan(slow[TIE - 1]);
        assertThat(fast[TIE + 1]).isGreaterThan(slow[TIE + 1]);
        // What the drifting sum did on the same closes.
        assertThat(driftingSum(c, 2)[TIE]).isGreaterThan(driftingSum(c, 4)[TIE]);
    }

    @Test
    void streamingGivesTheSameBits() throws IOException {
        double[] c = closes();
        Sma fast = new Sma(2);
        Sma slow = new Sma(4);
        double[] batchFast = Sma.batch(c, 2);
        for (int i = 0; i < c.length; i++) {
            fast.update(c[i]);
            slow.update(c[i]);
            assertThat(Double.doubleToRawLongBits(fast.value()))
                    .as("bar %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(batchFast[i]));
        }
        assertThat(fast.value()).isEqualTo(Sma.batch(c, 2)[c.length - 1]);
        assertThat(slow.value()).isEqualTo(Sma.batch(c, 4)[c.length - 1]);
    }

    @Test
    void shortDecimalsAreRecognisedAndOthersAreNot() {
        assertThat(Sma.units(2.37037)).isEqualTo(237_037_000L);
        assertThat(Sma.units(-0.00000001)).isEqualTo(-1L);
        assertThat(Sma.units(60_012.5)).isEqualTo(6_001_250_000_000L);
        assertThat(Sma.units(1.0 / 3)).isEqualTo(Long.MIN_VALUE);
        assertThat(Sma.units(0.1 + 0.2)).isEqualTo(Long.MIN_VALUE);
        assertThat(Sma.units(Double.NaN)).isEqualTo(Long.MIN_VALUE);
        assertThat(Sma.units(1e9)).isEqualTo(Long.MIN_VALUE);
        // Around a power of two the gap below is half the gap above.
        assertThat(Sma.units(1.0)).isEqualTo(100_000_000L);
        assertThat(Sma.units(Math.nextDown(1.0))).isEqualTo(Long.MIN_VALUE);
        assertThat(Sma.units(Math.nextUp(1.0))).isEqualTo(Long.MIN_VALUE);
        assertThat(Sma.units(0.99999999)).isEqualTo(99_999_999L);
        assertThat(Sma.units(-4.00000001)).isEqualTo(-400_000_001L);
        assertThat(Sma.units(0.0)).isZero();
        assertThat(Sma.units(Double.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void aWindowWithAComputedValueFallsBackToTheRunningSumAndRecovers() {
        double third = 1.0 / 3;
        double[] x = {1.25, third, 2.5, 3.75, 5.0};
        double[] out = Sma.batch(x, 2);
        assertThat(out[1]).isEqualTo((1.25 + third) / 2);
        // Once the computed value has left the window the exact path is back: (3.75 + 5) / 2.
        assertThat(out[4]).isEqualTo(4.375);
        Sma streamed = new Sma(2);
        for (int i = 0; i < x.length; i++) {
            streamed.update(x[i]);
            assertThat(Double.doubleToRawLongBits(streamed.value()))
                    .as("bar %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(out[i]));
        }
    }

    /** Every double parsed from a decimal of at most 8 places is recognised as that decimal. */
    @Property(tries = 2000)
    void parsedDecimalsAreRecognised(
            @ForAll @net.jqwik.api.constraints.LongRange(min = -999_999_999_999_999L, max = 999_999_999_999_999L)
                    long u) {
        double x = Double.parseDouble(BigDecimal.valueOf(u, 8).toPlainString());
        assertThat(Sma.units(x)).isEqualTo(u);
        if (u != 0) {
            assertThat(Sma.units(Math.nextUp(x))).isEqualTo(Long.MIN_VALUE);
            assertThat(Sma.units(Math.nextDown(x))).isEqualTo(Long.MIN_VALUE);
        }
    }

    /** Any six-decimal prices: the average is the correctly rounded exact decimal mean. */
    @Property(tries = 300)
    void theAverageIsTheExactMeanRoundedOnce(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 1, max = 500_000_000) Integer> micros,
            @ForAll @IntRange(min = 1, max = 20) int period) {
        double[] x = micros.stream().mapToDouble(m -> m / 1e6).toArray();
        double[] out = Sma.batch(x, period);
        for (int i = period - 1; i < x.length; i++) {
            long sum = 0;
            for (int k = i - period + 1; k <= i; k++) {
                sum += micros.get(k);
            }
            double exact = new BigDecimal(sum)
                    .divide(BigDecimal.valueOf(1_000_000L * period), MathContext.DECIMAL128)
                    .doubleValue();
            assertThat(out[i]).as("index %d", i).isEqualTo(exact);
        }
    }
}
