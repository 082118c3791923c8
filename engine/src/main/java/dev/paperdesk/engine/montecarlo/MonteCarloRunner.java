package dev.paperdesk.engine.montecarlo;

import dev.paperdesk.engine.analytics.ClosedTrade;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs a Monte Carlo simulation: N equity paths from a {@link ResamplingMethod}, in parallel, with
 * progress and cancellation.
 *
 * <p>Paths are processed in chunks of {@value #CHUNK}; the cancellation token is checked before each
 * chunk and progress reported after each. Path {@code i} draws from {@code new
 * SplittableRandom(pathSeed(seed, i))} and writes only its own slots, and every summary is computed
 * after all paths in path order, so the result depends on the seed alone, not on the thread count or
 * scheduling.
 */
public final class MonteCarloRunner {
    /** Paths per unit of work between cancellation checks. */
    static final int CHUNK = 256;

    private static final double[] BAND_PERCENTILES = {0.05, 0.25, 0.50, 0.75, 0.95};

    private MonteCarloRunner() {}

    /** Runs without progress reporting or cancellation. */
    public static MonteCarloResult run(ResamplingMethod method, MonteCarloConfig config) {
        return run(method, config, ProgressListener.none(), CancellationToken.none());
    }

    /**
     * Runs the simulation.
     *
     * @throws CancellationException if {@code cancellation} was cancelled before every path was done
     */
    public static MonteCarloResult run(
            ResamplingMethod method,
            MonteCarloConfig config,
            ProgressListener progress,
            CancellationToken cancellation) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancellation, "cancellation");
        ForkJoinPool pool = config.parallelism() > 1 ? new ForkJoinPool(config.parallelism()) : null;
        try {
            Kernel kernel;
            PathMetrics original;
            ProgressListener evaluationProgress = progress;
            switch (method) {
                case TradeSequenceShuffle m -> {
                    kernel = new TradeKernel(m.sample(), config, false);
                    original = ((TradeKernel) kernel).original(config);
                }
                case TradeBootstrap m -> {
                    kernel = new TradeKernel(m.sample(), config, true);
                    original = ((TradeKernel) kernel).original(config);
                }
                case StationaryBlockBootstrap m -> {
                    kernel = new BlockKernel(m, config);
                    original = ((BlockKernel) kernel).original(config);
                }
                case ParameterPerturbation m -> {
                    kernel = rerun(m.run(), config, pool, progress, cancellation);
                    original = null;
                    evaluationProgress = ProgressListener.none(); // the re-runs carried the progress
                }
            }
            Paths paths = simulate(kernel, config, pool, evaluationProgress, cancellation);
            return summarize(method.name(), config, original, paths, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** The seed of path {@code path}: a SplitMix64 mix of the master seed and the index. */
    static long pathSeed(long seed, int path) {
        long z = seed + (path + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ------------------------------------------------------------------ path generation

    private static final double PER_MICRO = 1 / TradeSample.MICROS;

    /**
     * A uniform int in {@code [0, bound)}: Lemire's multiply-shift with rejection (unbiased), which
     * needs an integer division only on the rare rejection path, where {@code SplittableRandom.nextInt
     * (bound)} divides on every draw.
     */
    static int below(SplittableRandom rng, int bound) {
        long m = (rng.nextInt() & 0xFFFFFFFFL) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (rng.nextInt() & 0xFFFFFFFFL) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * Equity after a cumulative P&L of {@code cumMicros}: the same exact sum always maps to the same
     * double, and a zero sum maps to the starting equity itself.
     */
    private static double equity(double start, long cumMicros) {
        return start + cumMicros * PER_MICRO;
    }

    /** Produces the equity of path {@code path} into a buffer, step 0 being the starting equity. */
    private abstract static class Kernel {
        abstract int maxSteps();

        /** Fills {@code equity[0..steps]} and returns the path's number of steps. */
        abstract int fill(int path, SplittableRandom rng, long[] scratch, double[] equity);

        abstract double years(int path, int steps);
    }

    /** Trade P&L summed in exact micro-units: permutations end at the same equity bit for bit. */
    private static final class TradeKernel extends Kernel {
        private final long[] pnl;
        private final double start;
        private final boolean withReplacement;
        private final double years;

        TradeKernel(TradeSample sample, MonteCarloConfig config, boolean withReplacement) {
            this.pnl = sample.micros();
            this.start = config.startingEquity();
            this.withReplacement = withReplacement;
            this.years = sample.years();
        }

        @Override
        int maxSteps() {
            return pnl.length;
        }

        @Override
        int fill(int path, SplittableRandom rng, long[] scratch, double[] equity) {
            int n = pnl.length;
            long cum = 0;
            equity[0] = start;
            if (withReplacement) {
                for (int k = 0; k < n; k++) {
                    cum += pnl[below(rng, n)];
                    equity[k + 1] = equity(start, cum);
                }
            } else {
                System.arraycopy(pnl, 0, scratch, 0, n);
                for (int k = 0; k < n; k++) {
                    // Fisher-Yates drawing the k-th element from the not yet used tail
                    int j = k + below(rng, n - k);
                    long v = scratch[j];
                    scratch[j] = scratch[k];
                    scratch[k] = v;
                    cum += v;
                    equity[k + 1] = equity(start, cum);
                }
            }
            return n;
        }

        @Override
        double years(int path, int steps) {
            return years;
        }

        PathMetrics original(MonteCarloConfig config) {
            double[] equity = new double[pnl.length + 1];
            long cum = 0;
            equity[0] = start;
            for (int k = 0; k < pnl.length; k++) {
                cum += pnl[k];
                equity[k + 1] = equity(start, cum);
            }
            return evaluate(equity, pnl.length, config, years);
        }
    }

    /** Politis-Romano stationary bootstrap over compounded returns. */
    private static final class BlockKernel extends Kernel {
        private final double[] returns;
        private final double restartProbability;
        private final double start;
        private final int periodsPerYear;

        BlockKernel(StationaryBlockBootstrap method, MonteCarloConfig config) {
            double[] r = method.returns().returns();
            for (int i = 0; i < r.length; i++) {
                r[i] = Double.isNaN(r[i]) ? 0 : r[i];
            }
            this.returns = r;
            this.restartProbability = 1.0 / method.meanBlockLength();
            this.start = config.startingEquity();
            this.periodsPerYear = method.periodsPerYear();
        }

        @Override
        int maxSteps() {
            return returns.length;
        }

        @Override
        int fill(int path, SplittableRandom rng, long[] scratch, double[] equity) {
            int n = returns.length;
            int index = rng.nextInt(n);
            double e = start;
            equity[0] = e;
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    index = rng.nextDouble() < restartProbability ? rng.nextInt(n) : (index + 1 == n ? 0 : index + 1);
                }
                e *= 1 + returns[index];
                equity[k + 1] = e;
            }
            return n;
        }

        @Override
        double years(int path, int steps) {
            return (double) steps / periodsPerYear;
        }

        PathMetrics original(MonteCarloConfig config) {
            double[] equity = new double[returns.length + 1];
            equity[0] = start;
            for (int k = 0; k < returns.length; k++) {
                equity[k + 1] = equity[k] * (1 + returns[k]);
            }
            return evaluate(equity, returns.length, config, years(0, returns.length));
        }
    }

    /** Paths whose trades were produced up front, one P&L sequence per path. */
    private static final class ExplicitKernel extends Kernel {
        private final long[][] pnl;
        private final double[] years;
        private final double start;
        private final int maxSteps;

        ExplicitKernel(long[][] pnl, double[] years, MonteCarloConfig config) {
            this.pnl = pnl;
            this.years = years;
            this.start = config.startingEquity();
            int max = 0;
            for (long[] p : pnl) {
                max = Math.max(max, p.length);
            }
            this.maxSteps = max;
        }

        @Override
        int maxSteps() {
            return maxSteps;
        }

        @Override
        int fill(int path, SplittableRandom rng, long[] scratch, double[] equity) {
            long[] p = pnl[path];
            long cum = 0;
            equity[0] = start;
            for (int k = 0; k < p.length; k++) {
                cum += p[k];
                equity[k + 1] = equity(start, cum);
            }
            return p.length;
        }

        @Override
        double years(int path, int steps) {
            return years[path];
        }
    }

    private static Kernel rerun(
            PerturbedRun run,
            MonteCarloConfig config,
            ForkJoinPool pool,
            ProgressListener progress,
            CancellationToken cancellation) {
        int n = config.paths();
        long[][] pnl = new long[n][];
        double[] years = new double[n];
        forEachChunk(n, pool, progress, cancellation, path -> {
            List<ClosedTrade> trades = run.run(new RunPerturbation(path, pathSeed(config.seed(), path)));
            if (trades == null || trades.isEmpty()) {
                pnl[path] = new long[0];
                years[path] = Double.NaN;
            } else {
                TradeSample sample = TradeSample.of(trades);
                pnl[path] = sample.micros();
                years[path] = sample.years();
            }
        });
        return new ExplicitKernel(pnl, years, config);
    }

    // ------------------------------------------------------------------ simulation

    /** Per-path metrics and the equity at the sampled band steps, column-major (step, path). */
    private record Paths(
            int[] bandSteps,
            double[][] band,
            double[] finalEquity,
            double[] cagr,
            double[] maxDrawdown,
            double[] sharpe,
            boolean[] ruined) {}

    private static Paths simulate(
            Kernel kernel,
            MonteCarloConfig config,
            ForkJoinPool pool,
            ProgressListener progress,
            CancellationToken cancellation) {
        int n = config.paths();
        int maxSteps = kernel.maxSteps();
        int[] bandSteps = bandSteps(maxSteps, config.bandPoints());
        double[][] band = new double[bandSteps.length][n];
        double[] finalEquity = new double[n];
        double[] cagr = new double[n];
        double[] maxDrawdown = new double[n];
        double[] sharpe = new double[n];
        boolean[] ruined = new boolean[n];
        double floor = config.ruinFloor() * config.startingEquity();
        ThreadLocal<double[]> equityBuffer = ThreadLocal.withInitial(() -> new double[maxSteps + 1]);
        ThreadLocal<long[]> scratchBuffer = ThreadLocal.withInitial(() -> new long[maxSteps]);
        forEachChunk(n, pool, progress, cancellation, path -> {
            double[] equity = equityBuffer.get();
            int steps =
                    kernel.fill(path, new SplittableRandom(pathSeed(config.seed(), path)), scratchBuffer.get(), equity);
            double years = kernel.years(path, steps);
            // Inline of evaluate() without allocating a PathMetrics per path.
            double start = equity[0];
            double peak = start;
            double worst = 0;
            boolean belowFloor = false;
            boolean throughZero = false;
            double shift = steps > 0 && equity[0] > 0 ? equity[1] / equity[0] - 1 : 0;
            double sum = 0;
            double sumSq = 0;
            for (int k = 1; k <= steps; k++) {
                double e = equity[k];
                double previous = equity[k - 1];
                if (previous > 0) {
                    double d = e / previous - 1 - shift;
                    sum += d;
                    sumSq += d * d;
                } else {
                    throughZero = true;
                }
                if (e > peak) {
                    peak = e;
                } else if (e - peak < worst * peak) { // a new worst drawdown; divide only then
                    worst = Math.min(worst, (e - peak) / peak);
                }
                if (e < floor) {
                    belowFloor = true;
                }
            }
            double last = equity[steps];
            finalEquity[path] = last;
            cagr[path] = cagr(start, last, years);
            maxDrawdown[path] = worst;
            sharpe[path] = throughZero ? Double.NaN : sharpe(sum, sumSq, shift, steps, years);
            ruined[path] = belowFloor;
            for (int b = 0; b < bandSteps.length; b++) {
                band[b][path] = equity[Math.min(bandSteps[b], steps)];
            }
        });
        return new Paths(bandSteps, band, finalEquity, cagr, maxDrawdown, sharpe, ruined);
    }

    /** Metrics of a single path, with the same formulas as the simulation loop. */
    static PathMetrics evaluate(double[] equity, int steps, MonteCarloConfig config, double years) {
        double start = equity[0];
        double floor = config.ruinFloor() * config.startingEquity();
        double peak = start;
        double worst = 0;
        boolean belowFloor = false;
        boolean throughZero = false;
        double shift = steps > 0 && start > 0 ? equity[1] / start - 1 : 0;
        double sum = 0;
        double sumSq = 0;
        for (int k = 1; k <= steps; k++) {
            double e = equity[k];
            if (equity[k - 1] > 0) {
                double d = e / equity[k - 1] - 1 - shift;
                sum += d;
                sumSq += d * d;
            } else {
                throughZero = true;
            }
            peak = Math.max(peak, e);
            worst = Math.min(worst, (e - peak) / peak);
            belowFloor |= e < floor;
        }
        double last = equity[steps];
        return new PathMetrics(
                steps,
                last,
                cagr(start, last, years),
                worst,
                throughZero ? Double.NaN : sharpe(sum, sumSq, shift, steps, years),
                belowFloor);
    }

    private static double cagr(double start, double last, double years) {
        if (!(years > 0)) {
            return Double.NaN;
        }
        if (last <= 0) {
            return -1;
        }
        return Math.pow(last / start, 1 / years) - 1;
    }

    /** Annualised Sharpe from sums of step returns shifted by {@code shift} (for numerical stability). */
    private static double sharpe(double sum, double sumSq, double shift, int steps, double years) {
        if (steps < 2 || !(years > 0)) {
            return Double.NaN;
        }
        double mean = shift + sum / steps;
        double variance = Math.max(0, (sumSq - sum * sum / steps) / (steps - 1));
        return mean / Math.sqrt(variance) * Math.sqrt(steps / years);
    }

    static int[] bandSteps(int maxSteps, int bandPoints) {
        int count = Math.min(maxSteps + 1, bandPoints);
        int[] steps = new int[count];
        if (count == maxSteps + 1) {
            for (int i = 0; i < count; i++) {
                steps[i] = i;
            }
        } else {
            for (int i = 0; i < count; i++) {
                steps[i] = (int) Math.round((double) i * maxSteps / (count - 1));
            }
        }
        return steps;
    }

    private static void forEachChunk(
            int n, ForkJoinPool pool, ProgressListener progress, CancellationToken cancellation, IntConsumer body) {
        int chunks = (n + CHUNK - 1) / CHUNK;
        int[] completed = {0};
        Object lock = new Object();
        List<Runnable> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            tasks.add(() -> {
                if (cancellation.isCancelled()) {
                    return;
                }
                for (int path = from; path < to; path++) {
                    body.accept(path);
                }
                synchronized (lock) {
                    completed[0] += to - from;
                    progress.onProgress(completed[0], n);
                }
            });
        }
        if (pool == null) {
            tasks.forEach(Runnable::run);
        } else {
            List<Future<?>> futures = new ArrayList<>(chunks);
            for (Runnable task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancellation.cancel();
                    throw new CancellationException("Monte Carlo interrupted");
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
        }
        synchronized (lock) {
            if (completed[0] < n) {
                throw new CancellationException("Monte Carlo cancelled after " + completed[0] + " of " + n + " paths");
            }
        }
    }

    // ------------------------------------------------------------------ summaries

    private static MonteCarloResult summarize(
            String method, MonteCarloConfig config, PathMetrics original, Paths paths, ForkJoinPool pool) {
        int n = config.paths();
        int steps = paths.bandSteps().length;
        double[][] bands = new double[BAND_PERCENTILES.length][steps];
        Runnable[] columns = new Runnable[steps];
        for (int b = 0; b < steps; b++) {
            int column = b;
            columns[b] = () -> {
                double[] q = Percentiles.of(paths.band()[column], BAND_PERCENTILES);
                for (int p = 0; p < q.length; p++) {
                    bands[p][column] = q[p];
                }
            };
        }
        if (pool == null) {
            for (Runnable r : columns) {
                r.run();
            }
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable r : columns) {
                futures.add(pool.submit(r));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Monte Carlo interrupted");
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        int profitable = 0;
        int ruined = 0;
        for (int i = 0; i < n; i++) {
            if (paths.finalEquity()[i] > config.startingEquity()) {
                profitable++;
            }
            if (paths.ruined()[i]) {
                ruined++;
            }
        }
        double level = config.confidenceLevel();
        int bins = config.histogramBins();
        return new MonteCarloResult(
                method,
                config,
                original,
                new EquityBands(paths.bandSteps(), bands[0], bands[1], bands[2], bands[3], bands[4]),
                Distribution.of(paths.finalEquity(), level, bins),
                Distribution.of(paths.cagr(), level, bins),
                Distribution.of(paths.maxDrawdown(), level, bins),
                Distribution.of(paths.sharpe(), level, bins),
                (double) profitable / n,
                (double) ruined / n);
    }
}
