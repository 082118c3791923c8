package dev.paperdesk.engine.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.analytics.ReturnStatistics;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    static final double[] QS = {0, 0.05, 0.25, 0.5, 0.75, 0.95, 1};

    @Property
    void quickselect_agrees_with_sorting(
            @ForAll @Size(min = 1, max = 300) double[] raw, @ForAll @IntRange(min = 1, max = 20) int distinctScale) {
        // rounding creates many ties, the case three-way partitioning exists for
        double[] values = Arrays.stream(raw)
                .map(v -> Double.isFinite(v) ? Math.rint(v % 1000 / 1000 * distinctScale) : 0)
                .toArray();
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] fast = Percentiles.of(values, QS);
        for (int i = 0; i < QS.length; i++) {
            assertThat(fast[i]).isEqualTo(ReturnStatistics.percentileOfSorted(sorted, QS[i]));
        }
    }

    @Property
    void quickselect_agrees_with_sorting_on_continuous_values(
            @ForAll @Size(min = 1, max = 500) double[] raw, @ForAll @DoubleRange(min = 0, max = 1) double q) {
        double[] values = Arrays.stream(raw).filter(Double::isFinite).toArray();
        if (values.length == 0) {
            return;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(Percentiles.of(values, new double[] {q})[0])
                .isEqualTo(ReturnStatistics.percentileOfSorted(sorted, q));
    }

    @Property(tries = 60)
    void bucketing_agrees_with_sorting_on_large_columns(
            @ForAll @IntRange(min = 2048, max = 12_000) int n,
            @ForAll @IntRange(min = 1, max = 5000) int distinct,
            @ForAll long seed,
            @ForAll boolean skewed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            // skewed: most values in a narrow band and a few far out, so one bucket holds most of them
            double v = skewed ? (u < 0.98 ? 100 + u : 1e6 * random.nextDouble()) : u * 1000;
            values[i] = Math.rint(v * distinct) / distinct;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] fast = Percentiles.of(values, QS);
        for (int i = 0; i < QS.length; i++) {
            assertThat(fast[i]).isEqualTo(ReturnStatistics.percentileOfSorted(sorted, QS[i]));
        }
    }

    @Test
    void large_columns_with_infinite_values_fall_back_to_quickselect() {
        double[] values = new double[5000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 7;
        }
        values[3] = Double.POSITIVE_INFINITY;
        values[4] = Double.NEGATIVE_INFINITY;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] fast = Percentiles.of(values, QS);
        for (int i = 0; i < QS.length; i++) {
            // Double.equals: interpolating next to an infinity gives NaN on both sides alike
            assertThat(Double.valueOf(fast[i]))
                    .isEqualTo(Double.valueOf(ReturnStatistics.percentileOfSorted(sorted, QS[i])));
        }
    }

    @Test
    void constant_and_empty_columns() {
        double[] same = new double[10_000];
        Arrays.fill(same, 42.5);
        assertThat(Percentiles.of(same, QS)).containsOnly(42.5);
        assertThat(Percentiles.of(new double[0], QS)).containsOnly(Double.NaN);
        assertThat(Percentiles.of(new double[] {3, 1, 2, 4}, new double[] {0.3}))
                .containsExactly(1.9);
    }
}
