package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.montecarlo.ProgressListener;
import dev.paperdesk.engine.optimize.Objective;
import dev.paperdesk.engine.optimize.OptimizationConfig;
import dev.paperdesk.engine.optimize.OptimizationFiles;
import dev.paperdesk.engine.optimize.OptimizationResult;
import dev.paperdesk.engine.optimize.Optimizer;
import dev.paperdesk.engine.optimize.ParameterRange;
import dev.paperdesk.engine.optimize.SearchMethod;
import dev.paperdesk.engine.optimize.Trial;
import dev.paperdesk.engine.optimize.WalkForward;
import dev.paperdesk.engine.optimize.WalkForwardResult;
import dev.paperdesk.engine.optimize.WalkForwardSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperdesk optimize}: grid or random search of a strategy's parameters, with walk-forward analysis. */
@Command(
        name = "optimize",
        mixinStandardHelpOptions = true,
        description = {
            "Optimize a strategy's parameters: backtest every candidate (a grid of the --param ranges, or a"
                    + " random sample of it) on all cores and rank them by an objective.",
            "Objectives: net_profit, sharpe, profit_factor, or an expression over the metrics"
                    + " net_profit, total_return, cagr, sharpe, sortino, max_drawdown (negative), annual_volatility,"
                    + " win_rate, profit_factor, expectancy, exposure, trades, final_equity with + - * / and"
                    + " parentheses, e.g. \"sharpe * (1 + max_drawdown)\". The objective is maximized.",
            "With --walk-forward IS:OOS the parameters are also re-optimized on rolling in-sample windows and"
                    + " tested on the out-of-sample window after each; the out-of-sample equity is stitched"
                    + " together and the walk-forward efficiency (annualized OOS return / annualized IS return)"
                    + " reported.",
            "OPT.json keys: strategy, source, instruments, timeframe, from, to, capital, parameters, objective,"
                    + " method, grid_size, trials, results (index, parameters, objective, metrics, error), best,"
                    + " heatmap (with two parameters), walk_forward (windows, oos_equity, efficiency).",
            "Example: paperdesk optimize --strategy builtin:sma-cross --data ORCL=orcl.csv --param fast=5:50:5"
                    + " --param slow=20:200:10 --objective sharpe --out opt.json --csv opt.csv"
        })
final class OptimizeCommand implements Callable<Integer> {
    @Mixin
    BacktestOptions run;

    @Option(
            names = "--param",
            required = true,
            paramLabel = "name=from:to:step",
            description = "A parameter to search, from..to in steps (both ends included when on the grid),"
                    + " e.g. fast=5:50:5; or name=value to hold one fixed. Repeatable; other declared"
                    + " parameters keep their defaults.")
    List<String> params = new ArrayList<>();

    @Option(
            names = "--objective",
            required = true,
            paramLabel = "OBJECTIVE",
            description = "net_profit, sharpe, profit_factor or an expression over the metrics (quoted).")
    String objective;

    @Option(
            names = "--method",
            defaultValue = "grid",
            paramLabel = "grid|random",
            description =
                    "grid: every combination; random: --samples distinct grid points (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--samples",
            defaultValue = "100",
            paramLabel = "N",
            description = "Grid points drawn by random search (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Seed of the random search's draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--model-seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Seed of the execution models' random draws in every backtest (default: ${DEFAULT-VALUE}).")
    long modelSeed;

    @Option(
            names = "--walk-forward",
            paramLabel = "IS:OOS",
            description = "Also run a walk-forward analysis with these in-sample and out-of-sample lengths,"
                    + " in bars (500:100) or calendar days (365d:90d).")
    String walkForward;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Backtests run at once (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "OPT.json",
            description = "The optimization as JSON, written atomically.")
    Path out;

    @Option(
            names = "--csv",
            paramLabel = "FILE.csv",
            description = "Also write the results table: index, the parameters, objective, the metrics, error.")
    Path csv;

    @Option(names = "--progress", description = "Report progress on stderr.")
    boolean showProgress;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<ParameterRange> ranges = new ArrayList<>();
        for (String p : params) {
            try {
                ranges.add(ParameterRange.parse(p));
            } catch (IllegalArgumentException e) {
                throw new CliException("--param " + e.getMessage(), 2);
            }
        }
        Objective goal;
        try {
            goal = Objective.parse(objective);
        } catch (IllegalArgumentException e) {
            throw new CliException("--objective: " + e.getMessage(), 2);
        }
        SearchMethod search =
                switch (method.strip().toLowerCase(Locale.ROOT)) {
                    case "grid" -> new SearchMethod.Grid();
                    case "random" -> {
                        if (samples < 1) {
                            throw new CliException("--samples must be at least 1, not " + samples, 2);
                        }
                        yield new SearchMethod.Random(samples, seed);
                    }
                    default -> throw new CliException("--method must be grid or random, not '" + method + "'", 2);
                };
        if (threads != null && threads < 1) {
            throw new CliException("--threads must be at least 1, not " + threads, 2);
        }
        WalkForwardSpec wf = null;
        if (walkForward != null) {
            try {
                wf = WalkForwardSpec.parse(walkForward);
            } catch (IllegalArgumentException e) {
                throw new CliException("--" + e.getMessage(), 2);
            }
        }
        OptimizationConfig config;
        try {
            config = OptimizationConfig.of(ranges, goal, search);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
        if (threads != null) {
            config = config.withParallelism(threads);
        }
        BacktestConfig base = run.config(Map.of(), modelSeed);
        List<String> problems = config.problemsWith(base.strategy().parameters());
        if (!problems.isEmpty()) {
            throw new CliException(base.strategySource() + ": " + String.join("; ", problems), 2);
        }
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = showProgress ? progress(err) : ProgressListener.none();
        OptimizationResult result;
        WalkForwardResult walk = null;
        try {
            result = Optimizer.run(base, config, progress, CancellationToken.none());
            if (wf != null) {
                walk = WalkForward.run(base, config, wf, progress, CancellationToken.none());
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 1);
        }
        OptimizationFiles.Subject subject = new OptimizationFiles.Subject(
                base.strategy().name(),
                base.strategySource(),
                base.data().series().stream()
                        .map(s -> s.instrument().id().toString())
                        .toList(),
                base.data().primary().timeframe().toString(),
                base.data().from(),
                base.data().to(),
                base.capital());
        OptimizationFiles.writeJson(out, subject, result, walk);
        if (csv != null) {
            AtomicFiles.writeString(csv, OptimizationFiles.resultsCsv(result));
        }
        PrintWriter w = spec.commandLine().getOut();
        long failed = result.trials().stream().filter(t -> !t.error().isEmpty()).count();
        w.printf(
                Locale.ROOT,
                "%s on %s: %d trials (%s), best %s (%d ms)%n",
                subject.strategy(),
                String.join(", ", subject.instruments()),
                result.trials().size(),
                search.name(),
                result.best().map(t -> describe(t, goal)).orElse("none (no trial had a defined objective)"),
                result.elapsedMs());
        if (walk != null) {
            w.printf(
                    Locale.ROOT,
                    "walk-forward %s: %d windows, out-of-sample annual return %s, in-sample %s, efficiency %s%n",
                    wf,
                    walk.windows().size(),
                    pct(walk.outOfSampleAnnualReturn()),
                    pct(walk.inSampleAnnualReturn()),
                    Double.isNaN(walk.efficiency()) ? "n/a" : String.format(Locale.ROOT, "%.2f", walk.efficiency()));
        }
        w.flush();
        if (failed > 0) {
            Trial first = result.trials().stream()
                    .filter(t -> !t.error().isEmpty())
                    .findFirst()
                    .orElseThrow();
            err.printf("%d trial(s) failed, first (%s): %s%n", failed, first.parameters(), first.error());
            err.flush();
        }
        return 0;
    }

    private static String describe(Trial t, Objective goal) {
        return t.parameters() + ": " + goal.name() + " " + String.format(Locale.ROOT, "%.4f", t.objective());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    /** Prints a line at every tenth of the work. */
    static ProgressListener progress(PrintWriter err) {
        return (done, total) -> {
            if (done == total || done * 10L / total != (done - 1) * 10L / total) {
                err.printf("%d/%d%n", done, total);
                err.flush();
            }
        };
    }
}
