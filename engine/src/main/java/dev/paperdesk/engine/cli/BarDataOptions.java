package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestDataException;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.HistoricalInstruments;
import dev.paperdesk.engine.store.BarStore;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --data SYM=FILE.csv} and {@code --format} options of the commands that replay CSV bars. */
final class BarDataOptions {
    @Option(
            names = "--data",
            paramLabel = "SYM=FILE.csv",
            description = "Bars of one instrument: SYMBOL (venue 'hist') or SYMBOL@venue, then the CSV"
                    + " file; repeatable. The first is the signal timeframe and the benchmark.")
    List<String> data = new ArrayList<>();

    @Option(
            names = "--format",
            defaultValue = "yahoo",
            paramLabel = "FORMAT",
            converter = DataCommand.FormatConverter.class,
            description = "CSV layout: yahoo, binance, ninjatrader or generic (default: ${DEFAULT-VALUE}).")
    BarFormat format;

    @picocli.CommandLine.Mixin
    CsvMappingOptions layout;

    @Option(
            names = "--lot",
            paramLabel = "SYM=STEP",
            description = "The trading unit of SYM's orders: sizes are rounded down to multiples of it"
                    + " (default 1, whole units as for a stock); e.g. --lot BTCUSD=0.001 to trade a coin"
                    + " in thousandths; repeatable.")
    Map<String, BigDecimal> lots = new LinkedHashMap<>();

    boolean given() {
        return !data.isEmpty();
    }

    /** The bars of every {@code --data}, in one store; the first series first. */
    BacktestData load() {
        if (data.isEmpty()) {
            throw new CliException("--data SYM=FILE.csv is needed", 2);
        }
        BacktestData bars = null;
        for (String d : data) {
            int eq = d.indexOf('=');
            if (eq <= 0 || eq == d.length() - 1) {
                throw new CliException("--data must be SYM=FILE.csv, not '" + d + "'", 2);
            }
            BacktestData one;
            try {
                one = BacktestData.fromCsv(
                        d.substring(0, eq).strip(), Path.of(d.substring(eq + 1)), layout.mapping(format));
            } catch (BacktestDataException | IllegalArgumentException | UncheckedIOException e) {
                throw new CliException(e.getMessage(), 1);
            }
            bars = bars == null ? one : combine(bars, one);
        }
        for (Map.Entry<String, BigDecimal> lot : lots.entrySet()) {
            try {
                bars = bars.withLot(HistoricalInstruments.parse(lot.getKey().strip()), lot.getValue());
            } catch (IllegalArgumentException e) {
                throw new CliException("--lot " + lot.getKey() + ": " + e.getMessage(), 2);
            }
        }
        return bars;
    }

    private static BacktestData combine(BacktestData a, BacktestData b) {
        // each CSV lands in its own memory store; copy b's series into a's
        var series = b.primary();
        var key = new BarStore.SeriesKey(series.instrument().id(), series.timeframe());
        a.store().insert(key, b.store().read(key, b.from(), b.to(), Integer.MAX_VALUE), BarStore.WriteMode.REPLACE);
        return a.plus(new BacktestData(a.store(), b.series(), b.from(), b.to()));
    }
}
