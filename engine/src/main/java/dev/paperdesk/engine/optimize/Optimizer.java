package dev.paperdesk.engine.optimize;

import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.montecarlo.ProgressListener;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a grid or random search: evaluates every candidate parameter set, in parallel, and collects
 * the trials in candidate order.
 *
 * <p>Each trial is a separate task on a pool of {@code parallelism} threads; it writes only its own
 * slot, so the trials, their order and the best (highest objective, ties to the lowest index) do not
 * depend on the thread count or timing. The cancellation token is checked before each trial and
 * handed to the evaluator (a backtest checks it between slices of simulated time); progress is
 * reported after each trial, one call at a time.
 */
public final class Optimizer {
    private Optimizer() {}

    /**
     * Backtests every candidate on {@code base} (its other parameter overrides kept).
     *
     * @throws IllegalArgumentException when a range names an undeclared parameter or leaves its bounds
     * @throws CancellationException when cancelled before every trial was done
     */
    public static OptimizationResult run(
            BacktestConfig base, OptimizationConfig config, ProgressListener progress, CancellationToken cancel) {
        List<String> problems = config.problemsWith(base.strategy().parameters());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return run(config, TrialEvaluator.backtest(base), progress, cancel);
    }

    /**
     * Evaluates every candidate of {@code config} with {@code evaluator}.
     *
     * @throws CancellationException when cancelled before every trial was done
     */
    public static OptimizationResult run(
            OptimizationConfig config, TrialEvaluator evaluator, ProgressListener progress, CancellationToken cancel) {
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancel, "cancel");
        long started = System.nanoTime();
        List<ParameterSet> candidates = candidates(config);
        int n = candidates.size();
        Trial[] trials = new Trial[n];
        AtomicInteger done = new AtomicInteger();
        Object lock = new Object();
        List<Runnable> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            tasks.add(() -> {
                if (cancel.isCancelled()) {
                    return;
                }
                Trial t = evaluate(index, candidates.get(index), config.objective(), evaluator, cancel);
                if (t == null) {
                    return; // cancelled mid-run
                }
                trials[index] = t;
                synchronized (lock) {
                    progress.onProgress(done.incrementAndGet(), n);
                }
            });
        }
        runAll(tasks, Math.min(config.parallelism(), Math.max(1, n)), cancel);
        if (done.get() < n) {
            throw new CancellationException("optimization cancelled after " + done.get() + " of " + n + " trials");
        }
        return new OptimizationResult(config, List.of(trials), (System.nanoTime() - started) / 1_000_000);
    }

    private static Trial evaluate(
            int index, ParameterSet p, Objective objective, TrialEvaluator evaluator, CancellationToken cancel) {
        try {
            Map<String, Double> metrics = evaluator.evaluate(p, cancel);
            return new Trial(index, p, metrics, objective.evaluate(metrics), "");
        } catch (CancellationException e) {
            return null;
        } catch (TrialEvaluator.TrialFailedException e) {
            return new Trial(index, p, Map.of(), Double.NaN, e.getMessage());
        } catch (RuntimeException e) {
            // a defect in one run must not lose the others; the trial says what happened
            return new Trial(index, p, Map.of(), Double.NaN, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static void runAll(List<Runnable> tasks, int threads, CancellationToken cancel) {
        if (threads <= 1) {
            tasks.forEach(Runnable::run);
            return;
        }
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "optimizer-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(tasks.size());
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel.cancel();
                    throw new CancellationException("optimization interrupted");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The candidates of {@code config} in evaluation order: the grid with the first range varying
     * slowest, or the random sample in the order drawn.
     */
    public static List<ParameterSet> candidates(OptimizationConfig config) {
        List<List<BigDecimal>> values =
                config.ranges().stream().map(ParameterRange::values).toList();
        long size = config.gridSize();
        List<ParameterSet> out = new ArrayList<>();
        if (config.method() instanceof SearchMethod.Random r && r.samples() < size) {
            SplittableRandom random = new SplittableRandom(r.seed());
            Set<Long> drawn = new LinkedHashSet<>();
            while (drawn.size() < r.samples()) {
                drawn.add(random.nextLong(size));
            }
            for (long index : drawn) {
                out.add(point(config.ranges(), values, index));
            }
        } else {
            for (long index = 0; index < size; index++) {
                out.add(point(config.ranges(), values, index));
            }
        }
        return out;
    }

    /** Grid point {@code index} in mixed radix, the last range varying fastest. */
    private static ParameterSet point(List<ParameterRange> ranges, List<List<BigDecimal>> values, long index) {
        BigDecimal[] chosen = new BigDecimal[ranges.size()];
        long rest = index;
        for (int k = ranges.size() - 1; k >= 0; k--) {
            int radix = values.get(k).size();
            chosen[k] = values.get(k).get((int) (rest % radix));
            rest /= radix;
        }
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int k = 0; k < ranges.size(); k++) {
            m.put(ranges.get(k).name(), chosen[k]);
        }
        return new ParameterSet(m);
    }
}
