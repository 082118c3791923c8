package dev.paperdesk.desktop.backtest;

import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestFill;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.util.List;

/**
 * What the backtest's price chart draws: the closes of the run's first instrument over the traded
 * range and its fills, buys and sells apart, at their bars' opens (a fill is stamped with the open of
 * the bar it filled in) and prices. Times are epoch seconds. Built on the backtest's worker from the
 * run's own bars, so the chart shows exactly what was traded.
 */
public record PriceMarks(
        String instrument,
        String timeframe,
        double[] time,
        double[] close,
        double[] buyTime,
        double[] buyPrice,
        double[] sellTime,
        double[] sellPrice) {

    /** The marks of {@code r}, run on {@code data}. */
    static PriceMarks of(BacktestData data, BacktestResult r) {
        ReplaySeries primary = data.primary();
        String id = primary.instrument().id().toString();
        List<Bar> bars = data.store()
                .read(
                        new SeriesKey(primary.instrument().id(), primary.timeframe()),
                        r.config().from(),
                        r.config().to(),
                        Integer.MAX_VALUE);
        int n = bars.size();
        double[] time = new double[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            time[i] = b.openTime().getEpochSecond();
            close[i] = b.close().doubleValue();
        }
        List<BacktestFill> fills =
                r.fills().stream().filter(f -> f.instrument().equals(id)).toList();
        List<BacktestFill> buys =
                fills.stream().filter(f -> f.side().equals("BUY")).toList();
        List<BacktestFill> sells =
                fills.stream().filter(f -> !f.side().equals("BUY")).toList();
        return new PriceMarks(
                id,
                primary.timeframe().toString(),
                time,
                close,
                times(buys),
                prices(buys),
                times(sells),
                prices(sells));
    }

    private static double[] times(List<BacktestFill> fills) {
        return fills.stream().mapToDouble(f -> f.time().getEpochSecond()).toArray();
    }

    private static double[] prices(List<BacktestFill> fills) {
        return fills.stream().mapToDouble(f -> f.price().doubleValue()).toArray();
    }
}
