package dev.paperdesk.desktop.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

/** A live line chart of the selected instrument's mid price (ChartFX), redrawn at most once a frame. */
public final class PriceChartView extends BorderPane {
    public PriceChartView(PriceSeriesViewModel vm) {
        setId("priceChart");
        DefaultNumericAxis time = new DefaultNumericAxis("time", "UTC");
        time.setTimeAxis(true);
        time.setAutoRangeRounding(false);
        DefaultNumericAxis price = new DefaultNumericAxis("mid", null);
        price.setForceZeroInRange(false);
        price.setAutoRangeRounding(false);
        price.setSide(io.fair_acc.chartfx.ui.geometry.Side.RIGHT);
        XYChart chart = new XYChart(time, price);
        chart.setLegendVisible(false);
        chart.getPlugins().add(new Zoomer());
        DoubleDataSet series = new DoubleDataSet("mid");
        chart.getDatasets().add(series);
        Label caption = new Label();
        caption.getStyleClass().add("chart-caption");
        Runnable redraw = () -> {
            series.set(vm.times(), vm.mids());
            caption.setText(
                    vm.instrumentProperty().get() == null
                            ? ""
                            : vm.instrumentProperty().get().toString());
        };
        // ChartFX guards its data sets with locks taken during layout; a write from inside another
        // batch of UI work can wait on them forever, so the data set is written in its own FX task.
        vm.versionProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(redraw));
        redraw.run();
        setTop(caption);
        setCenter(chart);
    }
}
