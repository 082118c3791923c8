package dev.paperdesk.desktop.analytics;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.BacktestTrade;
import dev.paperdesk.engine.backtest.EquityPoint;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A backtest's equity and buy-and-hold benchmark at the end of each UTC day, with the daily returns
 * from the starting capital: the same series the backtester computes its metrics from, so the figures
 * shown agree with the saved result to the last digit.
 *
 * @param start the starting capital
 * @param benchmarkName the buy-and-hold instrument
 */
public record DailyEquity(
        double start, List<LocalDate> dates, double[] equity, double[] benchmark, String benchmarkName) {

    public DailyEquity {
        dates = List.copyOf(dates);
        equity = equity.clone();
        benchmark = benchmark.clone();
    }

    /** The daily series of {@code r}: the last equity point of each UTC day. */
    public static DailyEquity of(BacktestResult r) {
        List<LocalDate> days = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (EquityPoint p : r.equity()) {
            // a bar closing at midnight belongs to the day it covered
            LocalDate d = LocalDate.ofInstant(p.time().minusNanos(1), ZoneOffset.UTC);
            double[] v = {p.equity().doubleValue(), p.benchmark().doubleValue()};
            if (!days.isEmpty() && days.get(days.size() - 1).equals(d)) {
                values.set(values.size() - 1, v);
            } else {
                days.add(d);
                values.add(v);
            }
        }
        double[] eq = new double[days.size()];
        double[] bm = new double[days.size()];
        for (int i = 0; i < eq.length; i++) {
            eq[i] = values.get(i)[0];
            bm[i] = values.get(i)[1];
        }
        return new DailyEquity(
                r.config().capital().doubleValue(), days, eq, bm, r.benchmark().instrument());
    }

    /** Daily returns from the starting capital, with the benchmark's aligned on the same days. */
    public ReturnSeries returns() {
        return ReturnSeries.withBenchmark(dates, returns(equity), returns(benchmark));
    }

    private double[] returns(double[] values) {
        double[] out = new double[values.length];
        double prev = start;
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] / prev - 1;
            prev = values[i];
        }
        return out;
    }

    @Override
    public double[] equity() {
        return equity.clone();
    }

    @Override
    public double[] benchmark() {
        return benchmark.clone();
    }

    /** The trades of {@code r} as analytics sees them, with the asset class of each instrument. */
    public static List<ClosedTrade> trades(BacktestResult r, Function<InstrumentId, AssetClass> assetClasses) {
        List<ClosedTrade> out = new ArrayList<>();
        for (BacktestTrade t : r.trades()) {
            InstrumentId id = InstrumentId.parse(t.instrument());
            double notional = t.entryPrice().multiply(t.quantity()).doubleValue();
            out.add(new ClosedTrade(
                    id,
                    assetClasses.apply(id),
                    t.side(),
                    t.entryTime(),
                    t.exitTime(),
                    t.quantity().doubleValue(),
                    t.pnl().doubleValue(),
                    notional == 0 ? 0 : t.pnl().doubleValue() / notional,
                    t.fees().doubleValue()));
        }
        return out;
    }
}
