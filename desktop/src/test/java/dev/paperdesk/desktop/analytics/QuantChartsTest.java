package dev.paperdesk.desktop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuantChartsTest {
    @Test
    void tickLabelsKeepTheDecimalsOfTheirSpacing() {
        assertThat(QuantCharts.label(125_000, 25_000)).isEqualTo("125,000");
        assertThat(QuantCharts.label(-25, 12.5)).isEqualTo("-25.0");
        assertThat(QuantCharts.label(-7.5, 2.5)).isEqualTo("-7.50");
        assertThat(QuantCharts.label(0, 0.0025)).isEqualTo("0");
    }

    @Test
    void tinyNegativeTicksKeepTheirSign() {
        // a drawdown histogram of a small strategy: ticks every 0.0025 %
        assertThat(QuantCharts.label(-0.0075, 0.0025)).isEqualTo("-0.0075");
        assertThat(QuantCharts.label(-0.005, 0.0025)).isEqualTo("-0.0050");
        assertThat(QuantCharts.label(-0.01, 0.005)).isEqualTo("-0.010");
        // a value that rounds to zero at the spacing's precision has no sign
        assertThat(QuantCharts.label(-1e-12, 0.0025)).isEqualTo("0.0000");
    }
}
