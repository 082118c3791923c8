package dev.paperdesk.engine.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The short-chain Mills ratio against 40-digit values and against {@link StandardNormal#millsRatio}. */
class MillsRatioTest {

    /**
     * 1,387 points of [0, 8) (a fixed-seed sample, every interval edge and its neighbours 2^−40 away)
     * against mpmath at 40 digits, generator {@code mills_ratio_short.py} beside the data.
     */
    @Test
    void matchesFortyDigitValuesOnTheTable() throws IOException {
        int rows = 0;
        double worst = 0;
        try (var in = MillsRatioTest.class.getResourceAsStream("mills_ratio_short_mpmath.csv");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                double y = Double.parseDouble(f[0]);
                double expected = Double.parseDouble(f[1]);
                worst = Math.max(worst, Math.abs(MillsRatio.of(y) / expected - 1));
                rows++;
            }
        }
        assertThat(rows).isEqualTo(1387);
        // the constant's rounding (1.1e-16) and the evaluation's: two ulps, as StandardNormal.millsRatio
        assertThat(worst).isLessThan(5e-16);
    }

    @Test
    void agreesWithTheWideTableEverywhere() {
        SplittableRandom rng = new SplittableRandom(31);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double y = i % 2 == 0 ? 8.0 * rng.nextDouble() : 3.0 * rng.nextDouble();
            worst = Math.max(worst, Math.abs(MillsRatio.of(y) / StandardNormal.millsRatio(y) - 1));
        }
        // each within 5e-16 of the exact value
        assertThat(worst).isLessThan(1e-15);
    }

    @Test
    void outsideTheTableItIsTheWideOne() {
        for (double y : new double[] {8.0, 8.25, 20.0, 38.9, 39.0, 1e6, -0.5, -3.0, Double.POSITIVE_INFINITY}) {
            assertThat(MillsRatio.of(y)).as("R(%s)", y).isEqualTo(StandardNormal.millsRatio(y));
        }
        assertThat(MillsRatio.of(Double.NaN)).isNaN();
        assertThat(MillsRatio.of(0.0)).isEqualTo(MillsRatio.of(-0.0)).isEqualTo(StandardNormal.millsRatio(0.0));
        double below = MillsRatio.of(Math.nextDown(8.0));
        assertThat(Math.abs(below / MillsRatio.of(8.0) - 1)).isLessThan(1e-15);
    }
}
