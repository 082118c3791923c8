package dev.paperdesk.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A control for the other benchmarks: a fixed, cache-resident loop of exponentials whose code never
 * changes, so its score moves only with the speed the host gives one core. On a shared virtual machine
 * that speed alternates between levels within seconds (a thread may share its physical core with
 * another guest): on 2026-11-22 this loop's iterations read 4.2 ns and 5.6 ns per exponential in the same
 * minute. Run it in the same command as the benchmark under study (e.g. {@code
 * "(HostSpeedBenchmark|PricingBenchmark.bsm.*)"}): when its own iterations spread like the other's, a
 * two-level score is the host's, not the code's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HostSpeedBenchmark {
    private static final int N = 1024;

    private double x = 1.0001;

    /** N independent exponentials and their sum. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double exponentials() {
        double s = 0;
        double step = x * 1e-3;
        for (int i = 0; i < N; i++) {
            s += Math.exp(-step * i);
        }
        return s;
    }
}
