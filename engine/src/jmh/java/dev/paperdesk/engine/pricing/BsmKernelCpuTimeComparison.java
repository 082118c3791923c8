package dev.paperdesk.engine.pricing;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.BsmBaselineKernel;
import dev.paperdesk.engine.pricing.option.BsmCurrentKernel;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.PriceAndGreeks;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;

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
 * [rounds] [current|baseline]} with JDK 21 or later; {@code baseline} compares with the Cody-tail kernel
 * before that ({@code BsmBaselineKernel}) instead.
 */
public final class BsmKernelCpuTimeComparison {
    private static final int PASSES = 200;

    private BsmKernelCpuTimeComparison() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        boolean baseline = args.length > 1 && args[1].equals("baseline");
        if (args.length > 1 && !baseline && !args[1].equals("current")) {
            throw new IllegalArgumentException("second argument: current or baseline, not " + args[1]);
        }
        OptionInputs[] contracts = contracts();
        PriceAndGreeks out = new PriceAndGreeks();
        double[] sink = new double[1];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 30; i++) {
            time(PRODUCT, contracts, out, sink, threads);
            time(baseline ? BASELINE : CURRENT, contracts, out, sink, threads);
        }
        double[] current = new double[rounds];
        double[] previous = new double[rounds];
        double[] ratio = new double[rounds];
        double perRound = (double) PASSES * contracts.length;
        for (int r = 0; r < rounds; r++) {
            boolean currentFirst = r % 2 == 0;
            if (currentFirst) {
                current[r] = time(PRODUCT, contracts, out, sink, threads) / perRound;
            }
            previous[r] = time(baseline ? BASELINE : CURRENT, contracts, out, sink, threads) / perRound;
            if (!currentFirst) {
                current[r] = time(PRODUCT, contracts, out, sink, threads) / perRound;
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

    private static final int PRODUCT = 0;
    private static final int CURRENT = 1;
    private static final int BASELINE = 2;

    /** The contracts of {@link PricingBenchmark#setUp}: same seed, same draws. */
    static OptionInputs[] contracts() {
        SplittableRandom rng = new SplittableRandom(20260116L);
        OptionInputs[] contracts = new OptionInputs[PricingBenchmark.CONTRACTS];
        for (int i = 0; i < contracts.length; i++) {
            OptionRight right = rng.nextBoolean() ? OptionRight.CALL : OptionRight.PUT;
            double strike = 100 * (0.7 + 0.7 * rng.nextDouble());
            double expiry = (1 + rng.nextInt(730)) / 365.0;
            double vol = 0.1 + 0.7 * rng.nextDouble();
            contracts[i] = new OptionInputs(right, 100, strike, expiry, 0.04, 0.01, vol);
        }
        return contracts;
    }

    private static long time(
            int kernel, OptionInputs[] contracts, PriceAndGreeks out, double[] sink, ThreadMXBean threads) {
        double sum = 0;
        long start = threads.getCurrentThreadCpuTime();
        for (int p = 0; p < PASSES; p++) {
            for (OptionInputs in : contracts) {
                double sign = in.sign();
                double spot = in.spot();
                double strike = in.strike();
                double expiry = in.expiry();
                double rate = in.rate();
                double yield = in.dividendYield();
                double vol = in.volatility();
                switch (kernel) {
                    case PRODUCT -> BlackScholesEuropeanPricer.priceAndGreeks(
                            sign, spot, strike, expiry, rate, yield, vol, out);
                    case CURRENT -> BsmCurrentKernel.priceAndGreeks(sign, spot, strike, expiry, rate, yield, vol, out);
                    default -> BsmBaselineKernel.priceAndGreeks(sign, spot, strike, expiry, rate, yield, vol, out);
                }
                sum += out.value() + out.delta() + out.gamma() + out.vega() + out.theta() + out.rho();
            }
        }
        long elapsed = threads.getCurrentThreadCpuTime() - start;
        sink[0] += sum;
        return elapsed;
    }
}
