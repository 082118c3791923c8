package dev.paperdesk.engine.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.EquityCurve;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.PerformanceSummary;
import dev.paperdesk.engine.analytics.TradeStatistics;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.montecarlo.MonteCarloConfig;
import dev.paperdesk.engine.montecarlo.MonteCarloResult;
import dev.paperdesk.engine.montecarlo.MonteCarloRunner;
import dev.paperdesk.engine.montecarlo.TradeSample;
import dev.paperdesk.engine.montecarlo.TradeSequenceShuffle;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The backtest report on a synthetic 1,000-trade backtest with a Monte Carlo run. */
class BacktestReportTest {
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final InstrumentId SPY = new InstrumentId("SPY", "sim");

    /** 1,000 trades of one to five days over about four years, seeded; equity and buy-and-hold by day. */
    static BacktestReportData synthetic(boolean withMonteCarlo) {
        SplittableRandom rnd = new SplittableRandom(11);
        LocalDate start = LocalDate.of(2021, 1, 4);
        List<ClosedTrade> trades = new ArrayList<>();
        Instant t = start.atTime(14, 30).toInstant(ZoneOffset.UTC);
        for (int i = 0; i < 1000; i++) {
            Instant entry = t.plusSeconds(3600L * rnd.nextInt(1, 6));
            Instant exit = entry.plusSeconds(3600L * 24 * rnd.nextInt(1, 3) + 60L * rnd.nextInt(0, 300));
            double pnl = (rnd.nextDouble() < 0.53 ? 1 : -0.85) * (50 + rnd.nextDouble() * 900);
            double fees = 2 + rnd.nextDouble() * 3;
            trades.add(new ClosedTrade(
                    SPY, AssetClass.ETF, i % 3 == 0 ? "breakout" : "", entry, exit, 100, pnl, pnl / 50_000, fees));
            t = exit;
        }
        LocalDate end = trades.get(trades.size() - 1)
                .exitTime()
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .plusDays(1);
        List<LocalDate> dates = start.datesUntil(end.plusDays(1)).toList();
        double[] equity = new double[dates.size()];
        double[] hold = new double[dates.size()];
        int k = 0;
        double cash = 100_000;
        double price = 100_000;
        for (int i = 0; i < dates.size(); i++) {
            while (k < trades.size()
                    && !trades.get(k)
                            .exitTime()
                            .atZone(ZoneOffset.UTC)
                            .toLocalDate()
                            .isAfter(dates.get(i))) {
                cash += trades.get(k++).pnl();
            }
            equity[i] = cash;
            price *= Math.exp(0.0003 + 0.01 * (rnd.nextDouble() - 0.5) * 2);
            hold[i] = price;
        }
        MonteCarloResult mc = null;
        double[] original = null;
        if (withMonteCarlo) {
            TradeSample sample = TradeSample.of(trades);
            mc = MonteCarloRunner.run(
                    new TradeSequenceShuffle(sample),
                    MonteCarloConfig.defaults(100_000, 5).withPaths(2_000));
            original = new double[trades.size() + 1];
            original[0] = 100_000;
            double[] pnl = sample.pnl();
            for (int i = 0; i < pnl.length; i++) {
                original[i + 1] = original[i] + pnl[i];
            }
        }
        return new BacktestReportData(
                "SMA crossover",
                "fast=20, slow=50",
                "SPY@sim daily bars, synthetic",
                start,
                end,
                "USD",
                100_000,
                List.of(
                        new BacktestReportData.Assumption("Fill model", "next bar open"),
                        new BacktestReportData.Assumption("Slippage", "1 tick per side"),
                        new BacktestReportData.Assumption("Fees", "$0.005 per share, $1 minimum"),
                        new BacktestReportData.Assumption("Latency", "none")),
                EquityCurve.of(dates, equity),
                EquityCurve.of(dates, hold),
                trades,
                MetricsConfig.of(365, 0),
                mc,
                original);
    }

    @Test
    void a1000TradeReportShowsTheAnalyticsFiguresAndEveryTrade() throws Exception {
        BacktestReportData d = synthetic(true);
        long t0 = System.nanoTime();
        Path pdf = PdfText.sample("backtest.pdf");
        BacktestReport.write(d, FIXED, pdf);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // Reported, not asserted: timings on a shared machine are no test (see docs/benchmarks/reports.md).
        System.out.println("backtest report with 1000 trades rendered in " + millis + " ms");
        String text = PdfText.of(pdf);
        PerformanceSummary p = PerformanceSummary.of(
                dev.paperdesk.engine.analytics.ReturnSeries.withBenchmark(
                        d.equity().returns().dates(),
                        d.equity().returns().returns(),
                        d.buyAndHold().returns().returns()),
                d.metrics());
        TradeStatistics s = TradeStatistics.of(d.trades());
        int pages = PdfText.pages(pdf);
        assertThat(text)
                .contains("Backtest report")
                .contains("SMA crossover (fast=20, slow=50)")
                .contains("next bar open")
                .contains(ReportFormat.percent(p.cumReturn()))
                .contains(ReportFormat.percent(p.maxDrawdown()))
                .contains(ReportFormat.ratio(p.sharpeRatio()))
                .contains(ReportFormat.signedMoney(s.netPnl()))
                .contains(ReportFormat.share(s.winRate()))
                .contains("Monte Carlo: " + d.monteCarlo().method() + ", 2,000 paths")
                .contains(ReportFormat.money(java.math.BigDecimal.valueOf(
                        d.monteCarlo().finalEquity().p50())))
                .contains("Page " + pages + " of " + pages);
        // Every trade has its row: the last one is numbered 1000.
        assertThat(text).containsPattern("(?m)^1000 SPY@sim");
        assertThat(pages).isGreaterThan(20);
    }

    @Test
    void withoutMonteCarloOrTradesTheReportStillRenders() throws Exception {
        BacktestReportData full = synthetic(false);
        BacktestReportData empty = new BacktestReportData(
                full.strategy(),
                "",
                full.data(),
                full.start(),
                full.end(),
                "USD",
                100_000,
                List.of(),
                full.equity(),
                null,
                List.of(),
                full.metrics(),
                null,
                null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BacktestReport.write(empty, FIXED, out);
        Files.write(PdfText.sample("backtest-empty.pdf"), out.toByteArray());
        String text = PdfText.of(out.toByteArray());
        assertThat(text).contains("The strategy closed no trades.").doesNotContain("Monte Carlo");
    }
}
