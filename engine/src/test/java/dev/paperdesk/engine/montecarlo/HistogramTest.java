package dev.paperdesk.engine.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void equal_width_bins_hold_every_finite_value_the_maximum_in_the_last() {
        Histogram h =
                Histogram.of(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 10, Double.NaN, Double.POSITIVE_INFINITY}, 5);
        assertThat(h.edges()).containsExactly(0, 2, 4, 6, 8, 10);
        assertThat(h.counts()).containsExactly(2, 2, 2, 2, 2);
        assertThat(h.excluded()).isEqualTo(2);
        assertThat(h.total()).isEqualTo(10);
    }

    @Test
    void degenerate_inputs() {
        Histogram same = Histogram.of(new double[] {3, 3, 3}, 10);
        assertThat(same.edges()).containsExactly(3, 3);
        assertThat(same.counts()).containsExactly(3);
        Histogram none = Histogram.of(new double[] {Double.NaN}, 10);
        assertThat(none.counts()).isEmpty();
        assertThat(none.excluded()).isEqualTo(1);
    }
}
