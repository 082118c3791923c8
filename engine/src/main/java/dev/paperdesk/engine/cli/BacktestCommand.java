package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestDataException;
import dev.paperdesk.engine.backtest.BacktestFiles;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.rules.RuleStrategyDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperdesk backtest}: runs a strategy over CSV bars through the paper-trading engine. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = {
            "Backtest a YAML rule strategy on historical bars read from CSV files, through the same"
                    + " engine, execution models, fees and portfolio accounting as paper trading, on a"
                    + " simulated clock. Market orders fill at the next bar's open.",
            "The strategy's 'instruments:' and 'timeframe:' lines are replaced by the data's symbols"
                    + " and timeframe (inferred from the file), so a template runs on any series.",
            "RESULT.json holds config, assumptions, metrics (total_return, cagr, sharpe, sortino,"
                    + " max_drawdown, win_rate, profit_factor, expectancy, exposure, trades), benchmark"
                    + " (buy and hold of the first symbol), trades, fills, equity and timing (bars, run_ms).",
            "--from/--to restrict trading to a date range; earlier bars of the file warm up the" + " indicators first.",
            "Example: paperdesk backtest --strategy builtin:sma-cross --data ORCL=orcl.csv --format yahoo"
                    + " --capital 100000 --from 2000-01-01 --to 2009-12-31 --out result.json --trades trades.csv"
        })
final class BacktestCommand implements Callable<Integer> {
    @Option(
            names = "--strategy",
            required = true,
            paramLabel = "FILE.yaml|builtin:NAME",
            description = "A YAML rule strategy file, or a built-in template such as builtin:sma-cross.")
    String strategy;

    @Option(
            names = "--param",
            paramLabel = "k=v",
            description = "Overrides a strategy parameter, e.g. --param fast=20; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(
            names = "--data",
            required = true,
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

    @Option(
            names = "--capital",
            defaultValue = "100000",
            paramLabel = "N",
            description = "Starting cash in USD (default: ${DEFAULT-VALUE}).")
    BigDecimal capital;

    @Option(
            names = "--commission-per-order",
            defaultValue = "0",
            paramLabel = "X",
            description = "A flat commission in USD charged on each fill (a market order on bars fills"
                    + " at once, so per order); default ${DEFAULT-VALUE}.")
    BigDecimal commission;

    @Option(
            names = "--slippage",
            defaultValue = "none",
            paramLabel = "MODEL",
            description = "none, fixed:BPS (basis points against the order), or a model spec such as"
                    + " size-depth(base=2, impact=3, cap=5) (default: ${DEFAULT-VALUE}).")
    String slippage;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "Trade only from this date (YYYY-MM-DD, 00:00 UTC). Bars of the file before it"
                    + " are replayed first to warm up the strategy's indicators: no orders, and neither"
                    + " the equity curve, the benchmark nor the metrics include them. Default: the"
                    + " first bar.")
    LocalDate from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            description = "Trade only up to this date inclusive (the last bar traded opens on it, UTC)."
                    + " Default: the last bar.")
    LocalDate to;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Seed of the execution models' random draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "RESULT.json",
            description = "The result as JSON, written atomically.")
    Path out;

    @Option(
            names = "--trades",
            paramLabel = "TRADES.csv",
            description = "Also write the trades: " + BacktestFiles.TRADES_HEADER + ".")
    Path trades;

    @Option(
            names = "--equity",
            paramLabel = "EQUITY.csv",
            description = "Also write the equity curve: " + BacktestFiles.EQUITY_HEADER + ".")
    Path equity;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (capital.signum() <= 0) {
            throw new CliException("--capital must be positive, not " + capital.toPlainString(), 2);
        }
        if (commission.signum() < 0) {
            throw new CliException("--commission-per-order must not be negative", 2);
        }
        SlippageModel slip = slippage(slippage);
        BacktestData bars = null;
        for (String d : data) {
            int eq = d.indexOf('=');
            if (eq <= 0 || eq == d.length() - 1) {
                throw new CliException("--data must be SYM=FILE.csv, not '" + d + "'", 2);
            }
            BacktestData one;
            try {
                one = BacktestData.fromCsv(d.substring(0, eq).strip(), Path.of(d.substring(eq + 1)), format);
            } catch (BacktestDataException | IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 1);
            } catch (UncheckedIOException e) {
                throw new CliException(e.getMessage(), 1);
            }
            bars = bars == null ? one : combine(bars, one);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new CliException("--to " + to + " is before --from " + from, 2);
        }
        if (from != null || to != null) {
            try {
                bars = bars.trading(
                        from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to == null
                                ? null
                                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 1);
            }
        }
        long warmUp = bars.warmUpBarCount();
        List<InstrumentId> ids =
                bars.series().stream().map(s -> s.instrument().id()).toList();
        Timeframe tf = bars.primary().timeframe();
        RuleStrategyDefinition definition;
        try {
            definition = StrategySource.load(strategy, StrategySource.text(strategy), ids, tf);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 1);
        }
        FeeModel fees = commission.signum() == 0
                ? FeeModel.NONE
                : new StandardFeeModel(BigDecimal.ZERO, commission, BigDecimal.ZERO, BigDecimal.ZERO);
        ModelSet models = BacktestConfig.barModels(fees).withSlippage(slip);
        BacktestConfig config = new BacktestConfig(strategy, definition, params, bars, capital, models, seed, null);
        BacktestResult result;
        try {
            result = Backtester.run(config);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 1);
        }
        BacktestFiles.writeJson(out, result);
        if (trades != null) {
            AtomicFiles.writeString(trades, BacktestFiles.tradesCsv(result));
        }
        if (equity != null) {
            AtomicFiles.writeString(equity, BacktestFiles.equityCsv(result));
        }
        var m = result.metrics();
        spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s on %s: %d bars%s, %d trades, total return %s, max drawdown %s, buy and hold %s (%d ms)%n",
                        result.config().strategy(),
                        String.join(", ", result.config().instruments()),
                        result.timing().bars(),
                        warmUp == 0 ? "" : " (after " + warmUp + " warm-up bars)",
                        m.trades(),
                        pct(m.totalReturn()),
                        pct(m.maxDrawdown()),
                        pct(result.benchmark().totalReturn()),
                        result.timing().runMs());
        if (!result.rejections().isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .printf(
                            "%d order(s) refused by the engine, first: %s%n",
                            result.rejections().size(), result.rejections().get(0));
        }
        if (!result.failure().isEmpty()) {
            spec.commandLine().getErr().println(result.failure());
            return 1;
        }
        return 0;
    }

    private static BacktestData combine(BacktestData a, BacktestData b) {
        // each CSV lands in its own memory store; copy b's series into a's
        var series = b.primary();
        var key = new dev.paperdesk.engine.store.BarStore.SeriesKey(
                series.instrument().id(), series.timeframe());
        a.store()
                .insert(
                        key,
                        b.store().read(key, b.from(), b.to(), Integer.MAX_VALUE),
                        dev.paperdesk.engine.store.BarStore.WriteMode.REPLACE);
        return a.plus(new BacktestData(a.store(), b.series(), b.from(), b.to()));
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    static SlippageModel slippage(String text) {
        String t = text.strip();
        if (t.startsWith("fixed:")) {
            try {
                return new SlippageModel.FixedBps(Double.parseDouble(t.substring(6)));
            } catch (NumberFormatException e) {
                throw new CliException("--slippage fixed:BPS needs a number, not '" + t.substring(6) + "'", 2);
            }
        }
        try {
            return SlippageModel.parse(t);
        } catch (IllegalArgumentException e) {
            throw new CliException("--slippage: " + e.getMessage(), 2);
        }
    }
}
