package dev.paperdesk.desktop.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EdgeSafeTimeAxisTest {
    @Test
    void aLabelCentredOnTheLeftEdgeDoesNotFit() {
        assertThat(EdgeSafeTimeAxis.fits(0, 50, 600)).isFalse();
        assertThat(EdgeSafeTimeAxis.fits(24.9, 50, 600)).isFalse();
    }

    @Test
    void aLabelWhollyInsideFitsUpToBothEdges() {
        assertThat(EdgeSafeTimeAxis.fits(25, 50, 600)).isTrue();
        assertThat(EdgeSafeTimeAxis.fits(300, 50, 600)).isTrue();
        assertThat(EdgeSafeTimeAxis.fits(575, 50, 600)).isTrue();
    }

    @Test
    void aLabelCrossingTheRightEdgeDoesNotFit() {
        assertThat(EdgeSafeTimeAxis.fits(575.1, 50, 600)).isFalse();
        assertThat(EdgeSafeTimeAxis.fits(600, 50, 600)).isFalse();
    }

    @Test
    void labelsAreOneLineAndAsPreciseAsTheTickSpacing() {
        double t = java.time.Instant.parse("2026-11-22T11:15:30Z").getEpochSecond();
        assertThat(EdgeSafeTimeAxis.label(t, 30, 600)).isEqualTo("11:15:30");
        assertThat(EdgeSafeTimeAxis.label(t - 30, 300, 3_600)).isEqualTo("11:15");
        assertThat(EdgeSafeTimeAxis.label(t - 30, 3_600, 3 * 86_400)).isEqualTo("11-22 11:15");
        assertThat(EdgeSafeTimeAxis.label(t, 86_400, 90 * 86_400)).isEqualTo("2026-11-22");
        assertThat(EdgeSafeTimeAxis.label(Double.NaN, 60, 600)).isEmpty();
    }

    @Test
    void tickUnitsGrowThroughMinutesInsteadOfJumpingToAQuarterHour() {
        assertThat(EdgeSafeTimeAxis.niceTimeUnit(45)).isEqualTo(60);
        assertThat(EdgeSafeTimeAxis.niceTimeUnit(61)).isEqualTo(120);
        assertThat(EdgeSafeTimeAxis.niceTimeUnit(200)).isEqualTo(300);
        assertThat(EdgeSafeTimeAxis.niceTimeUnit(4_320)).isEqualTo(7_200);
        assertThat(EdgeSafeTimeAxis.niceTimeUnit(0.3)).isEqualTo(1);
        assertThat(EdgeSafeTimeAxis.niceTimeUnit(40_000_000)).isEqualTo(2 * 31_536_000);
    }
}
