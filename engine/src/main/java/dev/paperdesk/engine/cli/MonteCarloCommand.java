package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestFiles;
import dev.paperdesk.engine.backtest.BacktestMonteCarlo;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.montecarlo.MonteCarloConfig;
import dev.paperdesk.engine.montecarlo.MonteCarloFiles;
import dev.paperdesk.engine.montecarlo.MonteCarloResult;
import dev.paperdesk.engine.montecarlo.MonteCarloRunner;
import dev.paperdesk.engine.montecarlo.ParameterPerturbation;
import dev.paperdesk.engine.montecarlo.ProgressListener;
import dev.paperdesk.engine.montecarlo.ResamplingMethod;
import dev.paperdesk.engine.montecarlo.StationaryBlockBootstrap;
import dev.paperdesk.engine.montecarlo.TradeBootstrap;
import dev.paperdesk.engine.montecarlo.TradeSample;
import dev.paperdesk.engine.montecarlo.TradeSequenceShuffle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperdesk montecarlo}: Monte Carlo robustness of a backtest result. */
@Command(
        name = "montecarlo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulate many alternative equity paths of a backtest written by 'paperdesk backtest' and write"
                    + " their percentile bands and distributions to MC.json.",
            "Methods: shuffle (the trades in random order: same final equity, other drawdowns), bootstrap"
                    + " (trades drawn with replacement), block (stationary block bootstrap of daily returns),"
                    + " perturb (the backtest re-run per path with every parameter jittered by up to"
                    + " --jitter; needs the bars: --data, and the strategy if RESULT.json's source cannot be read).",
            "MC.json keys: method, resampling, strategy, instruments, paths, seed, starting_equity, ruin_floor,"
                    + " confidence_level, step_unit, probability_of_profit, probability_of_ruin, bands (steps,"
                    + " p5, p25, p50, p75, p95), original_equity, original, distributions (final_equity, cagr,"
                    + " max_drawdown, sharpe: valid, mean, p5..p95, interval, histogram). The same seed gives"
                    + " the same file.",
            "Example: paperdesk montecarlo --result result.json --method shuffle --paths 10000 --seed 7"
                    + " --out mc.json"
        })
final class MonteCarloCommand implements Callable<Integer> {
    @Option(
            names = "--result",
            required = true,
            paramLabel = "RESULT.json",
            description = "A result written by paperdesk backtest --out.")
    Path result;

    @Option(
            names = "--method",
            required = true,
            paramLabel = "METHOD",
            description = "shuffle, bootstrap, block or perturb.")
    String method;

    @Option(
            names = "--paths",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Simulated paths (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Seed of the simulation; the same seed gives the same MC.json (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--ruin-floor",
            defaultValue = "0.5",
            paramLabel = "F",
            description =
                    "A path is ruined when equity falls below F × the starting capital (default: ${DEFAULT-VALUE}).")
    double ruinFloor;

    @Option(
            names = "--block-length",
            defaultValue = "10",
            paramLabel = "L",
            description = "block: mean block length in days (default: ${DEFAULT-VALUE}).")
    double blockLength;

    @Option(
            names = "--jitter",
            defaultValue = "0.1",
            paramLabel = "J",
            description = "perturb: each parameter is multiplied by 1 + u, u uniform in [-J, J], then rounded"
                    + " for int parameters and kept within the declared bounds (default: ${DEFAULT-VALUE}).")
    double jitter;

    @Option(
            names = "--strategy",
            paramLabel = "FILE.yaml|builtin:NAME",
            description = "perturb: the strategy to re-run (default: the source named in RESULT.json).")
    String strategy;

    @Mixin
    BarDataOptions data;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "MC.json",
            description = "The simulation's summaries as JSON, written atomically.")
    Path out;

    @Option(names = "--progress", description = "Report progress on stderr.")
    boolean showProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (paths < 1) {
            throw new CliException("--paths must be at least 1, not " + paths, 2);
        }
        if (threads != null && threads < 1) {
            throw new CliException("--threads must be at least 1, not " + threads, 2);
        }
        BacktestResult r;
        try {
            r = BacktestFiles.fromJson(Files.readString(result));
        } catch (IOException e) {
            throw new CliException("cannot read " + result + ": " + e.getMessage(), 1);
        } catch (IllegalArgumentException e) {
            throw new CliException(result + ": " + e.getMessage(), 1);
        }
        MonteCarloConfig config;
        try {
            config = MonteCarloConfig.defaults(r.config().capital().doubleValue(), seed)
                    .withPaths(paths)
                    .withRuinFloor(ruinFloor);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
        if (threads != null) {
            config = config.withParallelism(threads);
        }
        String name = method.strip().toLowerCase(Locale.ROOT);
        ResamplingMethod resampling;
        double[] original;
        String unit = "trade";
        try {
            switch (name) {
                case "shuffle", "bootstrap" -> {
                    TradeSample sample = BacktestMonteCarlo.trades(r);
                    resampling = name.equals("shuffle") ? new TradeSequenceShuffle(sample) : new TradeBootstrap(sample);
                    original = BacktestMonteCarlo.tradeEquity(r, sample);
                }
                case "block" -> {
                    if (!(blockLength >= 1)) {
                        throw new CliException("--block-length must be at least 1, not " + blockLength, 2);
                    }
                    var daily = BacktestMonteCarlo.dailyReturns(r);
                    resampling = new StationaryBlockBootstrap(
                            daily,
                            blockLength,
                            dev.paperdesk.engine.analytics.MetricsConfig.daily(daily.dates())
                                    .periodsPerYear());
                    original = BacktestMonteCarlo.dailyEquity(r);
                    unit = "day";
                }
                case "perturb" -> {
                    if (!(jitter >= 0 && jitter < 1)) {
                        throw new CliException("--jitter must be within [0, 1), not " + jitter, 2);
                    }
                    resampling = new ParameterPerturbation(BacktestMonteCarlo.perturbed(rerun(r), jitter));
                    original = r.trades().isEmpty()
                            ? null
                            : BacktestMonteCarlo.tradeEquity(r, BacktestMonteCarlo.trades(r));
                }
                default -> throw new CliException(
                        "--method must be shuffle, bootstrap, block or perturb, not '" + method + "'", 2);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(result + ": " + e.getMessage(), 1);
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = showProgress ? OptimizeCommand.progress(err) : ProgressListener.none();
        MonteCarloResult mc;
        try {
            mc = MonteCarloRunner.run(resampling, config, progress, CancellationToken.none());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 1);
        }
        MonteCarloFiles.Header header = new MonteCarloFiles.Header(
                name,
                r.config().strategy(),
                r.config().instruments(),
                unit,
                original,
                name.equals("block") ? blockLength : Double.NaN,
                name.equals("perturb") ? jitter : Double.NaN);
        MonteCarloFiles.writeJson(out, header, mc);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(
                Locale.ROOT,
                "%s, %d paths: final equity median %.2f (5%%: %.2f, 95%%: %.2f), max drawdown median %.2f%%,"
                        + " P(profit) %.1f%%, P(ruin) %.1f%%%n",
                mc.method(),
                mc.paths(),
                mc.finalEquity().p50(),
                mc.finalEquity().p5(),
                mc.finalEquity().p95(),
                mc.maxDrawdown().p50() * 100,
                mc.probabilityOfProfit() * 100,
                mc.probabilityOfRuin() * 100);
        w.flush();
        return 0;
    }

    /** The backtest of {@code r} to re-run: its saved settings with the bars of --data. */
    private BacktestConfig rerun(BacktestResult r) {
        var c = r.config();
        if (!data.given()) {
            throw new CliException(
                    "--method perturb re-runs the backtest: " + result + " has its strategy (" + c.source()
                            + "), parameters, capital, models and date range, but not the bars; give --data"
                            + " SYM=FILE.csv (and --format) for " + String.join(", ", c.instruments()),
                    2);
        }
        BacktestData bars = data.load();
        if (data.lots.isEmpty()) {
            bars = bars.withLots(c.lots()); // trade the file in the lots the run did (--lot overrides)
        }
        List<String> loaded =
                bars.series().stream().map(s -> s.instrument().id().toString()).toList();
        if (!loaded.equals(c.instruments())) {
            throw new CliException(
                    "--data gives " + String.join(", ", loaded) + " but the backtest ran on "
                            + String.join(", ", c.instruments()),
                    2);
        }
        String reference = strategy != null ? strategy : c.source();
        ModelSet models;
        try {
            models = ModelSet.parse(c.models());
        } catch (IllegalArgumentException e) {
            throw new CliException(result + ": config.models: " + e.getMessage(), 1);
        }
        BacktestData range = bars.between(c.from(), c.to());
        return new BacktestConfig(
                reference,
                BacktestOptions.strategy(reference, range),
                c.parameters(),
                range,
                c.capital(),
                models,
                c.seed(),
                InstrumentId.parse(c.benchmark()));
    }
}
