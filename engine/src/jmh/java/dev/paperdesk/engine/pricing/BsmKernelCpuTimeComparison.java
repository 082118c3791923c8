package dev.paperdesk.engine.pricing;

import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.BsmCurrentKernel;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.PriceAndGreeks;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The Black–Scholes–Merton chain kernel beside the kernel it replaced ({@code BsmCurrentKernel}, with
 * {@code Math.exp}/{@code Math.log}), in the benchmark thread's CPU time, rounds alternating in one JVM:
 * the load-insensitive ratio of the two, for a shared host whose speed moves between levels minutes
 * apart (two kernels timed seconds apart see the same level; their ratio survives a level change).
 *
 * <p>Each round prices the 1,000 contracts of {@link PricingBenchmark} 200 times with one kernel and then
 * the other (the order alternating between rounds); the summary is the median and quartiles of the
 * per-round ratio, and the medians per contract. The six outputs are summed and printed so that nothing
 * is dead code. Run after {@code ./mvnw -B -ntp -Pjmh -pl engine test-compile}: {@code java -cp
 * engine/target/classes:engine/target/test-classes dev.paperdesk.engine.pricing.BsmKernelCpuTimeComparison
 * [rounds]} with JDK 21 or later.
 */
public final class BsmKernelCpuTimeComparison {
    private static final int PASSES = 200;

    private BsmKernelCpuTimeComparison() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        OptionInputs[] contracts = BsmKernelInterleavedComparison.contracts();
        PriceAndGreeks out = new PriceAndGreeks();
        double[] sink = new double[1];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 30; i++) {
            time(true, contracts, out, sink, threads);
            time(false, contracts, out, sink, threads);
        }
        double[] current = new double[rounds];
        double[] previous = new double[rounds];
        double[] ratio = new double[rounds];
        double perRound = (double) PASSES * contracts.length;
        for (int r = 0; r < rounds; r++) {
            boolean currentFirst = r % 2 == 0;
            if (currentFirst) {
                current[r] = time(true, contracts, out, sink, threads) / perRound;
            }
            previous[r] = time(false, contracts, out, sink, threads) / perRound;
            if (!currentFirst) {
                current[r] = time(true, contracts, out, sink, threads) / perRound;
            }
            ratio[r] = current[r] / previous[r];
        }
        Arrays.sort(current);
        Arrays.sort(previous);
        Arrays.sort(ratio);
        System.out.printf(
                "thread CPU per contract, %d rounds of %d x %d: current %.2f ns, previous %.2f ns (medians)%n",
                rounds, PASSES, contracts.length, current[rounds / 2], previous[rounds / 2]);
        System.out.printf(
                "ratio current/previous: median %.3f, quartiles %.3f-%.3f%n",
                ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
        System.out.println("(checksum " + sink[0] + ")");
    }

    private static long time(
            boolean current, OptionInputs[] contracts, PriceAndGreeks out, double[] sink, ThreadMXBean threads) {
        double sum = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (int p = 0; p < PASSES; p++) {
            for (OptionInputs in : contracts) {
                if (current) {
                    BlackScholesEuropeanPricer.priceAndGreeks(
                            in.sign(),
                            in.spot(),
                            in.strike(),
                            in.expiry(),
                            in.rate(),
                            in.dividendYield(),
                            in.volatility(),
                            out);
                } else {
                    BsmCurrentKernel.priceAndGreeks(
                            in.sign(),
                            in.spot(),
                            in.strike(),
                            in.expiry(),
                            in.rate(),
                            in.dividendYield(),
                            in.volatility(),
                            out);
                }
                sum += out.value() + out.delta() + out.gamma() + out.vega() + out.theta() + out.rho();
            }
        }
        long elapsed = threads.getCurrentThreadCpuTime() - start;
        sink[0] += sum;
        return elapsed;
    }
}
