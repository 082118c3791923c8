package dev.paperdesk.desktop.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.TestStages;
import io.fair_acc.chartfx.axes.Axis;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zooming into the payoff diagram: kept while the same structure redraws, dropped for a new one. */
@ExtendWith(ApplicationExtension.class)
class PayoffChartZoomTest {
    private PayoffChart chart;

    @Start
    void start(Stage stage) {
        chart = new PayoffChart();
        chart.show(condor(65_000, 45_000, 88_000));
        TestStages.show(stage, chart, 800, 500);
    }

    /** A short iron condor's payoff (63k/64k/66k/67k, credit 540) over {@code [low, high]}. */
    static PayoffData condor(double spot, double low, double high) {
        int n = 201;
        double[] xs = new double[n];
        double[] expiry = new double[n];
        double[] today = new double[n];
        for (int i = 0; i < n; i++) {
            double s = low + (high - low) * i / (n - 1);
            xs[i] = s;
            double loss = Math.max(0, Math.min(1000, 64_000 - s)) + Math.max(0, Math.min(1000, s - 66_000));
            expiry[i] = 540 - loss;
            today[i] = expiry[i] * 0.3 - 150;
        }
        return new PayoffData(
                xs,
                expiry,
                today,
                today,
                LocalDate.of(2026, 12, 4),
                LocalDate.of(2026, 11, 28),
                0,
                List.of(63_460.0, 66_540.0),
                spot);
    }

    @Test
    void aBoxDraggedOverTheTentZoomsInUntilTheStructureChanges(FxRobot robot) throws Exception {
        Axis x = chart.chart().getXAxis();
        double fullWidth = x.getMax() - x.getMin();
        assertThat(fullWidth).isGreaterThan(40_000);

        Bounds plot = chart.chart()
                .getCanvas()
                .localToScreen(chart.chart().getCanvas().getBoundsInLocal());
        double from = plot.getMinX() + plot.getWidth() * 0.35;
        double to = plot.getMinX() + plot.getWidth() * 0.6;
        robot.moveTo(new javafx.geometry.Point2D(from, plot.getMinY() + plot.getHeight() * 0.1));
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(new javafx.geometry.Point2D(to, plot.getMinY() + plot.getHeight() * 0.9));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, chart::zoomed);
        WaitForAsyncUtils.waitForFxEvents();
        double zoomedWidth = x.getMax() - x.getMin();
        assertThat(zoomedWidth).isLessThan(fullWidth * 0.4);

        // the spot ticks: the same structure redrawn over a range moved by 0.5 %, the zoom stays
        robot.interact(() -> chart.show(condor(65_300, 45_200, 88_400)));
        assertThat(chart.zoomed()).isTrue();
        assertThat(x.getMax() - x.getMin()).isEqualTo(zoomedWidth, org.assertj.core.data.Offset.offset(1.0));

        // another structure (a wider range): back to the whole of it
        robot.interact(() -> chart.show(condor(65_000, 30_000, 110_000)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.zoomed()).isFalse();
        robot.interact(() -> chart.chart().layoutChildren());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> x.getMax() - x.getMin() >= 79_000);
    }

    @Test
    void aRangeMovedByLessThanItsToleranceIsTheSameView() {
        assertThat(PayoffChart.sameRange(45_000, 88_000, 45_500, 88_900)).isTrue();
        assertThat(PayoffChart.sameRange(45_000, 88_000, 30_000, 88_000)).isFalse();
        assertThat(PayoffChart.sameRange(Double.NaN, Double.NaN, 45_000, 88_000))
                .isFalse();
    }
}
