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
}
