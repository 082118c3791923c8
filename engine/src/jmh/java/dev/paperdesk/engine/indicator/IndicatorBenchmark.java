package dev.paperdesk.engine.indicator;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of batch moving averages (values per second) and of streaming Wilder indicators
 * (updates per second) over a 1,000,000-bar random walk; each invocation covers the whole series,
 * so the scores are per value / per update.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IndicatorBenchmark {
    static final int N = 1_000_000;

    double[] high;
    double[] low;
    double[] close;
    /** The same walk rounded to cents, as prices read from a file are: SMA's exact path. */
    double[] cents;

    Rsi rsi;
    Atr atr;
    Adx adx;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(7);
        high = new double[N];
        low = new double[N];
        close = new double[N];
        double p = 100;
        for (int i = 0; i < N; i++) {
            double c = p * Math.exp(r.nextGaussian() * 0.01);
            high[i] = Math.max(p, c) * (1 + r.nextDouble() * 0.005);
            low[i] = Math.min(p, c) * (1 - r.nextDouble() * 0.005);
            close[i] = c;
            p = c;
        }
        cents = new double[N];
        for (int i = 0; i < N; i++) {
            cents[i] = Math.round(close[i] * 100) / 100.0;
        }
        rsi = new Rsi(14);
        atr = new Atr(14);
        adx = new Adx(14);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] batchSma20() {
        return Sma.batch(close, 20);
    }

    /** Decimal prices: the exact long sum. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] batchSma20Decimal() {
        return Sma.batch(cents, 20);
    }

    /** Baseline: TA-Lib's plain running double sum, as {@code Sma.batch} was before its exact path. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] batchSma20RunningSumBaseline() {
        double[] out = new double[N];
        java.util.Arrays.fill(out, 0, 19, Double.NaN);
        double sum = 0;
        int i = 0;
        for (; i < 19; i++) {
            sum += close[i];
        }
        for (int trailing = 0; i < N; i++, trailing++) {
            sum += close[i];
            out[i] = sum / 20;
            sum -= close[trailing];
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] batchEma20() {
        return Ema.batch(close, 20);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double streamingRsi14() {
        Rsi ind = rsi;
        double[] c = close;
        double sum = 0;
        for (int i = 0; i < N; i++) {
            ind.update(c[i]);
            sum += ind.value();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double streamingAtr14() {
        Atr ind = atr;
        double[] h = high;
        double[] l = low;
        double[] c = close;
        double sum = 0;
        for (int i = 0; i < N; i++) {
            ind.update(h[i], l[i], c[i]);
            sum += ind.value();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double streamingAdx14() {
        Adx ind = adx;
        double[] h = high;
        double[] l = low;
        double[] c = close;
        double sum = 0;
        for (int i = 0; i < N; i++) {
            ind.update(h[i], l[i], c[i]);
            sum += ind.value();
        }
        return sum;
    }

    /** The same ADX through the generic bar interface, as a strategy holding a list would call it. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double streamingAdx14ViaInterface() {
        StreamingIndicator ind = adx;
        double[] h = high;
        double[] l = low;
        double[] c = close;
        double sum = 0;
        for (int i = 0; i < N; i++) {
            ind.update(i, c[i], h[i], l[i], c[i], 1.0);
            sum += ind.value(0);
        }
        return sum;
    }
}
