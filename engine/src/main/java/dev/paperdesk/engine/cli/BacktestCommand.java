package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.arbitrage.ArbitrageBacktest;
import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestFiles;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "A file the --format presets do not fit is read with the layout options of 'data import'"
                    + " (--columns, --date-column, --time-column, --delimiter, --no-header, --timestamp-format,"
                    + " --zone, --stamp, --missing-volume zero for FX quotes). A CSV instrument trades whole"
                    + " units unless --lot says otherwise (--lot BTCUSD=0.001).",
            "--from/--to restrict trading to a date range; earlier bars of the file warm up the indicators first.",
            "--strategy builtin:funding-arbitrage --recording DAY.pdmr replays a recorded multi-venue market"
                    + " (paperdesk arbitrage record) through the arbitrage strategy instead; RESULT.json has the"
                    + " same keys, timing.bars counts the replayed events (docs/arbitrage.md).",
            "Example: paperdesk backtest --strategy builtin:sma-cross --data ORCL=orcl.csv --format yahoo"
                    + " --capital 100000 --from 2000-01-01 --to 2009-12-31 --out result.json --trades trades.csv"
        })
final class BacktestCommand implements Callable<Integer> {
    /** The strategy warnings printed after a run (all of them are in RESULT.json). */
    private static final int WARNINGS_SHOWN = 5;

    @Mixin
    BacktestOptions run;

    @Option(
            names = "--param",
            paramLabel = "k=v",
            description = "Overrides a strategy parameter, e.g. --param fast=20; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

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

    @Option(
            names = "--recording",
            paramLabel = "DAY.pdmr",
            description = "A recorded multi-venue market (paperdesk arbitrage record) to replay instead of"
                    + " --data bars; for --strategy " + ArbitrageBacktest.STRATEGY + " (see docs/arbitrage.md).")
    Path recording;

    @Option(
            names = "--workspace",
            paramLabel = "PATH",
            description = "Also keep the result in this workspace's backtest history (created if missing).")
    Path workspace;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (recording != null || ArbitrageBacktest.isArbitrage(run.strategy)) {
            return new RecordingBacktest(this).call();
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new CliException("--to " + to + " is before --from " + from, 2);
        }
        BacktestConfig config = run.config(params, seed, bars -> {
            if (from == null && to == null) {
                return bars;
            }
            try {
                return bars.trading(
                        from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to == null
                                ? null
                                : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), 1);
            }
        });
        long warmUp = config.data().warmUpBarCount();
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
        RecordingBacktest.archive(workspace, result);
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
        // the strategy's warnings, the latest few (a rule that never acted is explained last)
        List<String> warnings = result.warnings();
        int shown = Math.min(warnings.size(), WARNINGS_SHOWN);
        if (warnings.size() > shown) {
            spec.commandLine()
                    .getErr()
                    .printf("strategy: %d earlier warning(s) in the result's \"warnings\"%n", warnings.size() - shown);
        }
        for (String w : warnings.subList(warnings.size() - shown, warnings.size())) {
            spec.commandLine().getErr().println("strategy: " + w);
        }
        if (!result.failure().isEmpty()) {
            spec.commandLine().getErr().println(result.failure());
            return 1;
        }
        return 0;
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
