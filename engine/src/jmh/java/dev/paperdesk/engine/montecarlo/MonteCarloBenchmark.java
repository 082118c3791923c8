package dev.paperdesk.engine.montecarlo;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Monte Carlo trade reshuffle, 10,000 paths of 1,000 trades with per-path maximum drawdown: the
 * product's runner (all cores and one thread, with bands, distributions and histograms) next to a
 * straightforward single-threaded loop that only shuffles and tracks the drawdown.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MonteCarloBenchmark {
    static final int PATHS = 10_000;
    static final int TRADES = 1_000;
    static final double START = 100_000;

    double[] pnl;
    TradeSequenceShuffle shuffle;
    MonteCarloConfig allCores;
    MonteCarloConfig oneThread;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        pnl = new double[TRADES];
        for (int i = 0; i < TRADES; i++) {
            pnl[i] = Math.round((random.nextGaussian() * 400 + 25) * 100) / 100.0;
        }
        shuffle = new TradeSequenceShuffle(TradeSample.of(pnl, Duration.ofDays(730)));
        allCores = MonteCarloConfig.defaults(START, 7).withPaths(PATHS);
        oneThread = allCores.withParallelism(1);
    }

    /** The runner on all cores: paths, drawdown, Sharpe, CAGR, ruin, 200-step bands, histograms. */
    @Benchmark
    public MonteCarloResult runnerAllCores() {
        return MonteCarloRunner.run(shuffle, allCores);
    }

    /** The same run on one thread. */
    @Benchmark
    public MonteCarloResult runnerOneThread() {
        return MonteCarloRunner.run(shuffle, oneThread);
    }

    /** A plain loop: shuffle a copy, walk the equity, keep the maximum drawdown of each path. */
    @Benchmark
    public double[] plainLoopOneThread() {
        Random random = new Random(7);
        double[] maxDrawdown = new double[PATHS];
        double[] work = new double[TRADES];
        for (int p = 0; p < PATHS; p++) {
            System.arraycopy(pnl, 0, work, 0, TRADES);
            for (int i = TRADES - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = work[i];
                work[i] = work[j];
                work[j] = t;
            }
            double equity = START;
            double peak = START;
            double worst = 0;
            for (int i = 0; i < TRADES; i++) {
                equity += work[i];
                peak = Math.max(peak, equity);
                worst = Math.min(worst, (equity - peak) / peak);
            }
            maxDrawdown[p] = worst;
        }
        return maxDrawdown;
    }
}
