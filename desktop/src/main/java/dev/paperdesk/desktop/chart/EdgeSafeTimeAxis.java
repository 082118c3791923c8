package dev.paperdesk.desktop.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import javafx.collections.ObservableList;
import javafx.scene.canvas.GraphicsContext;

/**
 * A horizontal axis that leaves out a tick label that would not fit inside the axis.
 *
 * <p>ChartFX hides labels that leave the chart, but a label centred on a tick near the plot's left
 * edge reaches under the price axis, where the axis canvas cuts it ("0:43:00" for "10:43:00" on a
 * brand-new workspace's first candles). Half a label is worse than none.
 */
final class EdgeSafeTimeAxis extends DefaultNumericAxis {
    EdgeSafeTimeAxis(String name, String unit) {
        super(name, unit);
    }

    @Override
    protected void drawTickLabels(
            GraphicsContext gc,
            double axisWidth,
            double axisHeight,
            ObservableList<TickMark> tickMarks,
            double tickLength) {
        if (getSide() != null && getSide().isHorizontal()) {
            for (TickMark mark : tickMarks) {
                if (!fits(mark.getPosition(), mark.getWidth(), axisWidth)) {
                    mark.setVisible(false);
                }
            }
        }
        super.drawTickLabels(gc, axisWidth, axisHeight, tickMarks, tickLength);
    }

    /** Whether a label {@code width} wide centred at {@code position} lies within {@code [0, axisWidth]}. */
    static boolean fits(double position, double width, double axisWidth) {
        double half = width / 2;
        return position - half >= 0 && position + half <= axisWidth;
    }
}
