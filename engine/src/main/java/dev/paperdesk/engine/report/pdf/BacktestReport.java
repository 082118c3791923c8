package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.DrawdownAnalysis;
import dev.paperdesk.engine.analytics.DrawdownPeriod;
import dev.paperdesk.engine.analytics.EquityCurve;
import dev.paperdesk.engine.analytics.MonthlyReturnsTable;
import dev.paperdesk.engine.analytics.PerformanceSummary;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.analytics.TradeStatistics;
import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.montecarlo.Distribution;
import dev.paperdesk.engine.montecarlo.Histogram;
import dev.paperdesk.engine.montecarlo.MonteCarloResult;
import dev.paperdesk.engine.report.pdf.HistogramChart.Marker;
import dev.paperdesk.engine.report.pdf.PdfReport.Figure;
import dev.paperdesk.engine.report.pdf.ReportTable.Cell;
import dev.paperdesk.engine.report.pdf.ReportTable.Column;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The backtest report PDF: summary and assumptions, equity against buy-and-hold, drawdowns, monthly
 * returns, trade statistics with the P&amp;L distribution, the trade list and an optional Monte Carlo
 * section (fan chart, final-equity and max-drawdown histograms with percentile markers, percentile
 * table). Metrics come from the analytics package, never recomputed here.
 */
public final class BacktestReport {
    private BacktestReport() {}

    public static void write(BacktestReportData d, Clock clock, Path file) {
        AtomicFiles.writeUnchecked(file, out -> write(d, clock, out));
    }

    public static void write(BacktestReportData d, Clock clock, OutputStream out) throws IOException {
        ReturnSeries returns = d.buyAndHold() == null
                ? d.equity().returns()
                : ReturnSeries.withBenchmark(
                        d.equity().returns().dates(),
                        d.equity().returns().returns(),
                        d.buyAndHold().returns().returns());
        PerformanceSummary perf = PerformanceSummary.of(returns, d.metrics());
        DrawdownAnalysis dd = DrawdownAnalysis.of(d.equity(), DrawdownAnalysis.DEFAULT_TOP);
        MonthlyReturnsTable monthly = MonthlyReturnsTable.of(d.equity().returns());
        TradeStatistics stats = TradeStatistics.of(d.trades());
        String subtitle = d.strategy() + (d.parameters().isEmpty() ? "" : " (" + d.parameters() + ")") + "  \u00b7  "
                + d.data() + "  \u00b7  " + d.start() + " to " + d.end();
        try (PdfReport pdf = new PdfReport("Backtest report", subtitle, clock, ZoneOffset.UTC, false)) {
            summary(pdf, d, perf, stats);
            setup(pdf, d);
            equity(pdf, d, dd);
            returnsAndTrades(pdf, d, monthly, stats, perf);
            tradeList(pdf, d);
            if (d.monteCarlo() != null) {
                monteCarlo(pdf, d);
            }
            pdf.save(out);
        }
    }

    private static void summary(PdfReport pdf, BacktestReportData d, PerformanceSummary p, TradeStatistics s) {
        EquityCurve e = d.equity();
        double last = e.size() == 0 ? d.initialCapital() : e.value(e.size() - 1);
        pdf.figures(
                List.of(
                        Figure.of("Final equity (" + d.currency() + ")", ReportFormat.money(last)),
                        new Figure("Total return", ReportFormat.percent(p.cumReturn()), Palette.pnl(p.cumReturn())),
                        new Figure("CAGR", ReportFormat.percent(p.annualReturn()), Palette.pnl(p.annualReturn())),
                        new Figure("Max drawdown", ReportFormat.percent(p.maxDrawdown()), Palette.pnl(p.maxDrawdown())),
                        Figure.of("Sharpe ratio", ReportFormat.ratio(p.sharpeRatio())),
                        Figure.of("Sortino ratio", ReportFormat.ratio(p.sortinoRatio())),
                        Figure.of("Annual volatility", ReportFormat.share(p.annualVolatility())),
                        Figure.of("Calmar ratio", ReportFormat.ratio(p.calmarRatio())),
                        Figure.of("Trades", Integer.toString(s.trades())),
                        Figure.of("Win rate", ReportFormat.share(s.winRate())),
                        Figure.of("Profit factor", ReportFormat.ratio(s.profitFactor())),
                        new Figure(
                                "Expectancy per trade",
                                ReportFormat.signedMoney(s.expectancy()),
                                Palette.pnl(s.expectancy()))),
                4);
    }

    private static void setup(PdfReport pdf, BacktestReportData d) {
        pdf.heading("Strategy, data and assumptions");
        ReportTable t = new ReportTable(List.of(Column.text("", 1), Column.text("", 3)), "");
        t.row(Cell.muted("Strategy"), Cell.of(d.strategy()));
        if (!d.parameters().isEmpty()) {
            t.row(Cell.muted("Parameters"), Cell.of(d.parameters()));
        }
        t.row(Cell.muted("Data"), Cell.of(d.data()));
        t.row(Cell.muted("Period"), Cell.of(d.start() + " to " + d.end()));
        t.row(Cell.muted("Initial capital"), Cell.of(ReportFormat.money(d.initialCapital()) + " " + d.currency()));
        t.row(
                Cell.muted("Metrics"),
                Cell.of(d.metrics().periodsPerYear() + " periods a year, risk-free "
                        + ReportFormat.percent(d.metrics().riskFree()) + " per period"));
        for (BacktestReportData.Assumption a : d.assumptions()) {
            t.row(Cell.muted(a.name()), Cell.of(a.value()));
        }
        pdf.table(t);
    }

    private static double[] epochDays(EquityCurve c) {
        double[] x = new double[c.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.date(i).toEpochDay();
        }
        return x;
    }

    private static void equity(PdfReport pdf, BacktestReportData d, DrawdownAnalysis dd) {
        pdf.heading("Equity and drawdown", 300);
        EquityCurve e = d.equity();
        double[] x = epochDays(e);
        List<LineChart.Series> series = new ArrayList<>();
        if (d.buyAndHold() != null) {
            series.add(LineChart.Series.line("buy and hold", x, d.buyAndHold().values(), Palette.SECOND));
        }
        series.add(LineChart.Series.line("strategy", x, e.values(), Palette.ACCENT));
        pdf.chart(
                new LineChart(
                        "Equity (" + d.currency() + ")", series, AxisFormat.EPOCH_DAY, AxisFormat.NUMBER, "No equity."),
                190);
        double[] under = new double[e.size()];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < under.length; i++) {
            peak = Math.max(peak, e.value(i));
            under[i] = e.value(i) / peak - 1;
        }
        pdf.chart(
                new LineChart(
                        "Underwater (drawdown from the running peak)",
                        List.of(LineChart.Series.area("drawdown", x, under, Palette.NEGATIVE)),
                        AxisFormat.EPOCH_DAY,
                        AxisFormat.PERCENT,
                        "No equity."),
                110);
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("Peak", 1),
                        Column.text("Valley", 1),
                        Column.text("Recovered", 1),
                        Column.number("Depth", 1),
                        Column.number("Days to valley", 1),
                        Column.number("Days underwater", 1)),
                "Equity never fell below a previous peak.");
        for (DrawdownPeriod p : dd.top()) {
            t.row(
                    Cell.of(p.peak().toString()),
                    Cell.of(p.valley().toString()),
                    p.recovered() ? Cell.of(p.recovery().toString()) : Cell.muted("not yet"),
                    Cell.percent(p.depth()),
                    Cell.of(Long.toString(p.daysToValley())),
                    Cell.of(Long.toString(p.durationDays(dd.asOf()))));
        }
        pdf.heading("Deepest drawdowns", 60);
        pdf.table(t);
    }

    private static void returnsAndTrades(
            PdfReport pdf, BacktestReportData d, MonthlyReturnsTable monthly, TradeStatistics s, PerformanceSummary p) {
        HeatmapChart heat = new HeatmapChart("Monthly returns (%)", monthly);
        pdf.heading("Monthly returns", heat.preferredHeight());
        pdf.chart(heat, heat.preferredHeight());
        pdf.heading("Trade statistics", 120);
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("", 1.4f),
                        Column.number("", 1),
                        Column.text("", 0.3f),
                        Column.text("", 1.4f),
                        Column.number("", 1)),
                "");
        String[][] left = {
            {"Trades", Integer.toString(s.trades())},
            {"Winners", s.wins() + " (" + ReportFormat.share(s.winRate()) + ")"},
            {"Losers", s.losses() + " (" + ReportFormat.share(s.lossRate()) + ")"},
            {"Gross profit", ReportFormat.signedMoney(s.grossProfit())},
            {"Gross loss", ReportFormat.signedMoney(s.grossLoss())},
            {"Net P&L", ReportFormat.signedMoney(s.netPnl())},
            {"Fees", ReportFormat.money(s.totalFees())},
            {"Exposure", ReportFormat.share(s.exposure())}
        };
        String[][] right = {
            {"Average win", ReportFormat.signedMoney(s.averageWin())},
            {"Average loss", ReportFormat.signedMoney(s.averageLoss())},
            {"Payoff ratio", ReportFormat.ratio(s.payoffRatio())},
            {"Largest win", ReportFormat.signedMoney(s.largestWin())},
            {"Largest loss", ReportFormat.signedMoney(s.largestLoss())},
            {"Longest winning streak", Integer.toString(s.longestWinningStreak())},
            {"Longest losing streak", Integer.toString(s.longestLosingStreak())},
            {"Average holding", ReportFormat.duration(s.averageHolding())}
        };
        for (int i = 0; i < left.length; i++) {
            t.row(
                    Cell.muted(left[i][0]),
                    Cell.of(left[i][1]),
                    Cell.of(""),
                    Cell.muted(right[i][0]),
                    Cell.of(right[i][1]));
        }
        pdf.table(t);
        double[] pnl = d.trades().stream().mapToDouble(ClosedTrade::pnl).toArray();
        if (pnl.length > 0) {
            double[] sorted = pnl.clone();
            java.util.Arrays.sort(sorted);
            pdf.chart(
                    new HistogramChart(
                            "Trade P&L (" + d.currency() + ")",
                            Histogram.of(pnl, 40),
                            List.of(
                                    new Marker(
                                            "median " + ReportFormat.signedMoney(percentile(sorted, 0.5)),
                                            percentile(sorted, 0.5),
                                            Palette.ACCENT),
                                    new Marker(
                                            "mean " + ReportFormat.signedMoney(s.expectancy()),
                                            s.expectancy(),
                                            Palette.TEXT)),
                            AxisFormat.NUMBER),
                    130);
        }
    }

    private static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static void tradeList(PdfReport pdf, BacktestReportData d) {
        pdf.heading("Trades");
        ReportTable t = new ReportTable(
                List.of(
                        Column.number("#", 0.5f),
                        Column.text("Instrument", 1.3f),
                        Column.text("Tag", 0.8f),
                        Column.text("Entry", 1.3f),
                        Column.text("Exit", 1.3f),
                        Column.number("Quantity", 0.9f),
                        Column.number("P&L", 1.1f),
                        Column.number("Return", 0.9f),
                        Column.number("Fees", 0.8f),
                        Column.number("Held", 0.8f)),
                "The strategy closed no trades.");
        List<ClosedTrade> ordered = new ArrayList<>(d.trades());
        ordered.sort(Comparator.comparing(ClosedTrade::exitTime).thenComparing(ClosedTrade::entryTime));
        int n = 0;
        for (ClosedTrade c : ordered) {
            t.row(
                    Cell.of(Integer.toString(++n)),
                    Cell.of(c.instrument().toString()),
                    Cell.muted(c.tag()),
                    Cell.of(ReportFormat.dateTime(c.entryTime(), ZoneOffset.UTC)),
                    Cell.of(ReportFormat.dateTime(c.exitTime(), ZoneOffset.UTC)),
                    Cell.of(String.format(Locale.US, "%,.4f", c.quantity()).replaceAll("\\.?0+$", "")),
                    Cell.pnl(c.pnl()),
                    Cell.percent(c.returnFraction()),
                    Cell.of(ReportFormat.money(c.fees())),
                    Cell.of(ReportFormat.duration(c.holding())));
        }
        pdf.table(t);
    }

    private static void monteCarlo(PdfReport pdf, BacktestReportData d) {
        MonteCarloResult mc = d.monteCarlo();
        pdf.newPage();
        pdf.heading("Monte Carlo: " + mc.method() + ", " + String.format(Locale.US, "%,d", mc.paths()) + " paths", 300);
        pdf.figures(
                List.of(
                        Figure.of("Probability of profit", ReportFormat.share(mc.probabilityOfProfit())),
                        new Figure(
                                "Probability of ruin",
                                ReportFormat.share(mc.probabilityOfRuin()),
                                mc.probabilityOfRuin() > 0 ? Palette.NEGATIVE : Palette.TEXT),
                        Figure.of(
                                "Median final equity",
                                ReportFormat.money(mc.finalEquity().p50())),
                        new Figure(
                                "Median max drawdown",
                                ReportFormat.percent(mc.maxDrawdown().p50()),
                                Palette.pnl(mc.maxDrawdown().p50()))),
                4);
        pdf.chart(
                new FanChart(
                        // the block bootstrap resamples daily returns; the other methods trades
                        "Equity percentiles by " + (mc.method().contains("block") ? "day" : "trade"),
                        mc.bands(),
                        d.monteCarloOriginal(),
                        AxisFormat.NUMBER),
                190);
        pdf.charts(
                List.of(
                        new HistogramChart(
                                "Final equity",
                                mc.finalEquity().histogram(),
                                markers(mc.finalEquity(), false),
                                AxisFormat.NUMBER),
                        new HistogramChart(
                                "Maximum drawdown",
                                mc.maxDrawdown().histogram(),
                                markers(mc.maxDrawdown(), true),
                                AxisFormat.PERCENT)),
                150);
        pdf.heading("Percentiles", 80);
        ReportTable t = new ReportTable(
                List.of(
                        Column.text("Metric", 1.4f),
                        Column.number("5%", 1),
                        Column.number("25%", 1),
                        Column.number("Median", 1),
                        Column.number("75%", 1),
                        Column.number("95%", 1),
                        Column.number("Mean", 1)),
                "");
        t.row(moneyRow("Final equity", mc.finalEquity()));
        t.row(percentRow("CAGR", mc.cagr()));
        t.row(percentRow("Max drawdown", mc.maxDrawdown()));
        Distribution sh = mc.sharpe();
        t.row(
                Cell.of("Sharpe ratio"),
                Cell.of(ReportFormat.ratio(sh.p5())),
                Cell.of(ReportFormat.ratio(sh.p25())),
                Cell.of(ReportFormat.ratio(sh.p50())),
                Cell.of(ReportFormat.ratio(sh.p75())),
                Cell.of(ReportFormat.ratio(sh.p95())),
                Cell.of(ReportFormat.ratio(sh.mean())));
        pdf.table(t);
    }

    private static List<Marker> markers(Distribution dist, boolean percent) {
        java.util.function.DoubleFunction<String> f = percent ? ReportFormat::percent : ReportFormat::compact;
        return List.of(
                new Marker("5% " + f.apply(dist.p5()), dist.p5(), Palette.NEGATIVE),
                new Marker("median " + f.apply(dist.p50()), dist.p50(), Palette.ACCENT),
                new Marker("95% " + f.apply(dist.p95()), dist.p95(), Palette.POSITIVE));
    }

    private static List<Cell> moneyRow(String name, Distribution d) {
        return List.of(
                Cell.of(name),
                Cell.money(java.math.BigDecimal.valueOf(d.p5())),
                Cell.money(java.math.BigDecimal.valueOf(d.p25())),
                Cell.money(java.math.BigDecimal.valueOf(d.p50())),
                Cell.money(java.math.BigDecimal.valueOf(d.p75())),
                Cell.money(java.math.BigDecimal.valueOf(d.p95())),
                Cell.money(java.math.BigDecimal.valueOf(d.mean())));
    }

    private static List<Cell> percentRow(String name, Distribution d) {
        return List.of(
                Cell.of(name),
                Cell.percent(d.p5()),
                Cell.percent(d.p25()),
                Cell.percent(d.p50()),
                Cell.percent(d.p75()),
                Cell.percent(d.p95()),
                Cell.percent(d.mean()));
    }
}
