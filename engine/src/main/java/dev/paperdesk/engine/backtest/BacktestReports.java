package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.EquityCurve;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.execution.models.ModelAssumptions;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.report.pdf.BacktestReportData;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Turns a backtest result into the data of the backtest PDF report. */
public final class BacktestReports {
    private BacktestReports() {}

    /**
     * The report data of {@code r}, without a Monte Carlo run: daily equity and buy and hold (the last
     * point of each UTC day), the trades, the model assumptions per scope.
     *
     * @throws IllegalArgumentException when the result has no equity point
     */
    public static BacktestReportData of(BacktestResult r) {
        List<LocalDate> days = new ArrayList<>();
        List<Double> eq = new ArrayList<>();
        List<Double> bh = new ArrayList<>();
        for (EquityPoint p : r.equity()) {
            LocalDate d = LocalDate.ofInstant(p.time().minusNanos(1), ZoneOffset.UTC);
            if (!days.isEmpty() && days.get(days.size() - 1).equals(d)) {
                eq.set(eq.size() - 1, p.equity().doubleValue());
                bh.set(bh.size() - 1, p.benchmark().doubleValue());
            } else {
                days.add(d);
                eq.add(p.equity().doubleValue());
                bh.add(p.benchmark().doubleValue());
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("the backtest has no equity curve (no bar was replayed)");
        }
        List<BacktestReportData.Assumption> assumptions = new ArrayList<>();
        for (ModelAssumptions.Line l : r.assumptions().scopes()) {
            String scope = " (" + l.scope() + ")";
            assumptions.add(new BacktestReportData.Assumption("Fill" + scope, l.fill()));
            assumptions.add(new BacktestReportData.Assumption("Slippage" + scope, l.slippage()));
            assumptions.add(new BacktestReportData.Assumption("Latency" + scope, l.latency()));
            assumptions.add(new BacktestReportData.Assumption("Fees" + scope, l.fees()));
        }
        if (!r.config().lots().isEmpty()) {
            // the trading unit of each instrument: whole shares, or a coin in thousandths
            assumptions.add(new BacktestReportData.Assumption(
                    "Lot",
                    r.config().lots().entrySet().stream()
                            .map(e -> e.getKey() + " "
                                    + e.getValue().stripTrailingZeros().toPlainString())
                            .collect(Collectors.joining(", "))));
        }
        assumptions.add(new BacktestReportData.Assumption(
                "Seed", Long.toString(r.config().seed())));
        List<ClosedTrade> trades = closedTrades(r);
        String params = r.config().parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return new BacktestReportData(
                r.config().strategy(),
                params,
                String.join(", ", r.config().instruments()) + " " + r.config().timeframe() + " ("
                        + r.config().source() + ")",
                days.get(0),
                days.get(days.size() - 1),
                "USD",
                r.config().capital().doubleValue(),
                assumptions,
                EquityCurve.of(
                        days, eq.stream().mapToDouble(Double::doubleValue).toArray()),
                EquityCurve.of(
                        days, bh.stream().mapToDouble(Double::doubleValue).toArray()),
                trades,
                MetricsConfig.daily(days),
                null,
                null);
    }

    /** The result's trades as analytics sees them, in the order of the result (by exit). */
    public static List<ClosedTrade> closedTrades(BacktestResult r) {
        List<ClosedTrade> trades = new ArrayList<>();
        for (BacktestTrade t : r.trades()) {
            double notional = t.entryPrice().multiply(t.quantity()).doubleValue();
            trades.add(new ClosedTrade(
                    InstrumentId.parse(t.instrument()),
                    AssetClass.EQUITY,
                    t.side(),
                    t.entryTime(),
                    t.exitTime(),
                    t.quantity().doubleValue(),
                    t.pnl().doubleValue(),
                    notional == 0 ? 0 : t.pnl().doubleValue() / notional,
                    t.fees().doubleValue()));
        }
        return trades;
    }
}
