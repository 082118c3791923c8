package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.report.ExportTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Two backtest runs side by side: their settings and model assumptions row by row with the
 * differences marked, their key metrics with the difference (B − A), and both equity curves
 * normalised to 100 at the starting capital so that runs of different sizes share one scale.
 *
 * @param labelA how run A is named in tables and legends (e.g. {@code #12 sma-cross})
 */
public record BacktestComparison(
        String labelA,
        String labelB,
        BacktestResult a,
        BacktestResult b,
        List<SettingRow> settings,
        List<MetricRow> metrics) {

    /** One setting or assumption of both runs. */
    public record SettingRow(String name, String a, String b) {
        public SettingRow {
            Objects.requireNonNull(name, "name");
            a = a == null ? "" : a;
            b = b == null ? "" : b;
        }

        public boolean differs() {
            return !a.equals(b);
        }
    }

    /** How a metric reads: a fraction shown as a percentage, a plain ratio, money or a count. */
    public enum Unit {
        PERCENT,
        RATIO,
        MONEY,
        COUNT
    }

    /** One metric of both runs; values are null where undefined, and so is the difference. */
    public record MetricRow(String key, String name, Unit unit, Double a, Double b) {
        public MetricRow {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
        }

        /** B − A, or null when either is undefined. */
        public Double difference() {
            return a == null || b == null ? null : b - a;
        }
    }

    /** A point of an equity curve scaled to 100 at the run's starting capital. */
    public record NormalisedPoint(Instant time, double value) {}

    public BacktestComparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        settings = List.copyOf(settings);
        metrics = List.copyOf(metrics);
    }

    /** Compares {@code a} with {@code b}. */
    public static BacktestComparison of(String labelA, BacktestResult a, String labelB, BacktestResult b) {
        return new BacktestComparison(labelA, labelB, a, b, settings(a, b), metrics(a, b));
    }

    private static List<SettingRow> settings(BacktestResult a, BacktestResult b) {
        BacktestSettings x = a.config();
        BacktestSettings y = b.config();
        List<SettingRow> rows = new ArrayList<>();
        rows.add(new SettingRow("strategy", x.strategy(), y.strategy()));
        rows.add(new SettingRow("source", x.source(), y.source()));
        Set<String> names =
                new LinkedHashSet<>(new java.util.TreeSet<>(x.parameters().keySet()));
        names.addAll(new java.util.TreeSet<>(y.parameters().keySet()));
        for (String p : names) {
            rows.add(new SettingRow(
                    "parameter " + p, x.parameters().get(p), y.parameters().get(p)));
        }
        rows.add(new SettingRow("instruments", String.join(", ", x.instruments()), String.join(", ", y.instruments())));
        rows.add(new SettingRow("timeframe", x.timeframe(), y.timeframe()));
        rows.add(new SettingRow("from", x.from().toString(), y.from().toString()));
        rows.add(new SettingRow("to", x.to().toString(), y.to().toString()));
        rows.add(new SettingRow(
                "capital",
                x.capital().stripTrailingZeros().toPlainString(),
                y.capital().stripTrailingZeros().toPlainString()));
        rows.add(new SettingRow("seed", Long.toString(x.seed()), Long.toString(y.seed())));
        rows.add(new SettingRow("models", x.models(), y.models()));
        rows.add(new SettingRow("benchmark", x.benchmark(), y.benchmark()));
        List<String> la = assumptionLines(a);
        List<String> lb = assumptionLines(b);
        for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
            rows.add(new SettingRow(
                    "assumptions " + (i + 1), i < la.size() ? la.get(i) : "", i < lb.size() ? lb.get(i) : ""));
        }
        return rows;
    }

    private static List<String> assumptionLines(BacktestResult r) {
        return r.assumptions()
                .render()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static List<MetricRow> metrics(BacktestResult a, BacktestResult b) {
        List<MetricRow> rows = new ArrayList<>();
        metric(rows, a, b, "total_return", "Total return", Unit.PERCENT, m -> m.totalReturn());
        metric(rows, a, b, "cagr", "CAGR", Unit.PERCENT, BacktestMetrics::cagr);
        metric(rows, a, b, "sharpe", "Sharpe", Unit.RATIO, BacktestMetrics::sharpe);
        metric(rows, a, b, "sortino", "Sortino", Unit.RATIO, BacktestMetrics::sortino);
        metric(rows, a, b, "max_drawdown", "Max drawdown", Unit.PERCENT, BacktestMetrics::maxDrawdown);
        metric(rows, a, b, "annual_volatility", "Volatility (annual)", Unit.PERCENT, BacktestMetrics::annualVolatility);
        metric(rows, a, b, "win_rate", "Win rate", Unit.PERCENT, BacktestMetrics::winRate);
        metric(rows, a, b, "profit_factor", "Profit factor", Unit.RATIO, BacktestMetrics::profitFactor);
        metric(rows, a, b, "expectancy", "Expectancy per trade", Unit.MONEY, BacktestMetrics::expectancy);
        metric(rows, a, b, "exposure", "Exposure", Unit.PERCENT, BacktestMetrics::exposure);
        metric(rows, a, b, "trades", "Trades", Unit.COUNT, m -> (double) m.trades());
        metric(rows, a, b, "final_equity", "Final equity", Unit.MONEY, m -> m.finalEquity());
        rows.add(new MetricRow(
                "benchmark_return",
                "Buy and hold return",
                Unit.PERCENT,
                a.benchmark().totalReturn(),
                b.benchmark().totalReturn()));
        return rows;
    }

    private static void metric(
            List<MetricRow> rows,
            BacktestResult a,
            BacktestResult b,
            String key,
            String name,
            Unit unit,
            Function<BacktestMetrics, Double> value) {
        rows.add(new MetricRow(key, name, unit, value.apply(a.metrics()), value.apply(b.metrics())));
    }

    /** Run A's equity curve scaled to 100 at its starting capital. */
    public List<NormalisedPoint> normalisedA() {
        return normalised(a);
    }

    public List<NormalisedPoint> normalisedB() {
        return normalised(b);
    }

    private static List<NormalisedPoint> normalised(BacktestResult r) {
        double capital = r.config().capital().doubleValue();
        return r.equity().stream()
                .map(p -> new NormalisedPoint(p.time(), p.equity().doubleValue() / capital * 100))
                .toList();
    }

    /**
     * The comparison as one exportable table: {@code section, name, a, b, difference} — the metrics
     * (exact doubles; difference = b − a) and then the settings (difference {@code *} where they differ).
     */
    public ExportTable table() {
        ExportTable.Builder t = ExportTable.builder("backtest-comparison", "section", "name", "a", "b", "difference")
                .meta("a", labelA)
                .meta("b", labelB);
        for (MetricRow m : metrics) {
            t.row("metric", m.key(), m.a(), m.b(), m.difference());
        }
        for (SettingRow s : settings) {
            t.row("setting", s.name(), s.a(), s.b(), s.differs() ? "*" : "");
        }
        return t.build();
    }
}
