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
        assertThat(EdgeSafeTimeAxis.label(t, 7_776_000, 3 * 365 * 86_400.0)).isEqualTo("2026-11");
        assertThat(EdgeSafeTimeAxis.label(t, 3 * 31_536_000.0, 20 * 365 * 86_400.0))
                .isEqualTo("2026");
    }

    @Test
    void ticksAMonthOrMoreApartFallOnTheFirstOfCalendarMonths() {
        double min = java.time.Instant.parse("1995-01-03T00:00:00Z").getEpochSecond();
        double max = java.time.Instant.parse("2014-12-31T00:00:00Z").getEpochSecond();
        // about three years asked over twenty: every second year, on 1 January of even years
        double[] years = EdgeSafeTimeAxis.calendarTicks(min, max, 3 * 31_536_000.0);
        assertThat(java.util.Arrays.stream(years)
                        .mapToObj(t -> java.time.Instant.ofEpochSecond((long) t).toString())
                        .toList())
                .hasSize(10)
                .startsWith("1996-01-01T00:00:00Z", "1998-01-01T00:00:00Z")
                .endsWith("2014-01-01T00:00:00Z");
        // about five years asked: 2000, 2005, 2010
        assertThat(EdgeSafeTimeAxis.calendarTicks(min, max, 5 * 31_536_000.0))
                .containsExactly(
                        java.time.Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                        java.time.Instant.parse("2005-01-01T00:00:00Z").getEpochSecond(),
                        java.time.Instant.parse("2010-01-01T00:00:00Z").getEpochSecond());
        // quarters: January, April, July, October
        double[] quarters = EdgeSafeTimeAxis.calendarTicks(
                java.time.Instant.parse("2024-02-10T00:00:00Z").getEpochSecond(),
                java.time.Instant.parse("2024-12-01T00:00:00Z").getEpochSecond(),
                7_776_000);
        assertThat(java.util.Arrays.stream(quarters)
                        .mapToObj(t -> java.time.Instant.ofEpochSecond((long) t).toString())
                        .toList())
                .containsExactly("2024-04-01T00:00:00Z", "2024-07-01T00:00:00Z", "2024-10-01T00:00:00Z");
        assertThat(EdgeSafeTimeAxis.calendarTicks(5, 5, MONTHS)).isEmpty();
    }

    private static final double MONTHS = 2_592_000;

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
