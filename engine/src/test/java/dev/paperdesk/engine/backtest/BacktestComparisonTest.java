package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.report.ExportOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two runs of sma-cross with different fast periods, side by side. */
class BacktestComparisonTest {
    @Test
    void settingsMetricsAndCurvesOfBothRuns() throws Exception {
        BacktestConfig base = BacktesterTest.smaCross();
        BacktestResult a = Backtester.run(base.withParameters(Map.of("fast", "5")));
        BacktestResult b =
                Backtester.run(base.withParameters(Map.of("fast", "20")).withSeed(9));
        BacktestComparison c = BacktestComparison.of("#1", a, "#2", b);

        assertThat(c.settings())
                .filteredOn(BacktestComparison.SettingRow::differs)
                .extracting(BacktestComparison.SettingRow::name)
                .contains("parameter fast", "seed")
                .doesNotContain("strategy", "instruments", "capital");
        assertThat(c.settings())
                .filteredOn(s -> s.name().equals("parameter fast"))
                .singleElement()
                .satisfies(s -> assertThat(s.a() + "/" + s.b()).isEqualTo("5/20"));

        BacktestComparison.MetricRow total = c.metrics().stream()
                .filter(m -> m.key().equals("total_return"))
                .findFirst()
                .orElseThrow();
        assertThat(total.a()).isEqualTo(a.metrics().totalReturn());
        assertThat(total.b()).isEqualTo(b.metrics().totalReturn());
        assertThat(total.difference())
                .isEqualTo(b.metrics().totalReturn() - a.metrics().totalReturn());
        assertThat(c.metrics())
                .filteredOn(m -> m.key().equals("trades"))
                .singleElement()
                .satisfies(m -> assertThat(m.b() - m.a())
                        .isEqualTo(b.metrics().trades() - a.metrics().trades()));
        assertThat(new BacktestComparison.MetricRow("x", "x", BacktestComparison.Unit.RATIO, null, 1.0).difference())
                .isNull();

        assertThat(c.normalisedA()).hasSize(a.equity().size());
        double capital = a.config().capital().doubleValue();
        assertThat(c.normalisedA().get(10).value())
                .isEqualTo(a.equity().get(10).equity().doubleValue() / capital * 100);
        assertThat(c.normalisedB().get(c.normalisedB().size() - 1).value())
                .isEqualTo(b.metrics().finalEquity() / capital * 100);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dev.paperdesk.engine.report.csv.CsvTableWriter.write(c.table(), out, ExportOptions.DEFAULT);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("section,name,a,b,difference").contains("setting,parameter fast,5,20,*");
        assertThat(csv).contains("metric,total_return," + a.metrics().totalReturn());
    }
}
