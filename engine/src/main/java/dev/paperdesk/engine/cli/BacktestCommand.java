package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestFiles;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
            "Example: paperdesk backtest --strategy builtin:sma-cross --data ORCL=orcl.csv --format yahoo"
                    + " --capital 100000 --out result.json --trades trades.csv"
        })
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    BacktestOptions run;

    @Option(
            names = "--param",
            paramLabel = "k=v",
            description = "Overrides a strategy parameter, e.g. --param fast=20; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

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
        BacktestConfig config = run.config(params, seed);
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
                        "%s on %s: %d bars, %d trades, total return %s, max drawdown %s, buy and hold %s (%d ms)%n",
                        result.config().strategy(),
                        String.join(", ", result.config().instruments()),
                        result.timing().bars(),
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

    private static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
