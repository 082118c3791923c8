package dev.paperdesk.engine.pricing;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.BsmBaselineKernel;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.PriceAndGreeks;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The Black–Scholes–Merton chain kernel beside the previous one ({@code BsmBaselineKernel}), measured in
 * alternating rounds in one JVM, for a machine shared with other work.
 *
 * <p>JMH runs one benchmark after the other, so on a loaded machine a burst of other work lands on one
 * of the two and decides the comparison. Here each round times 100 passes over the same 1,000 contracts
 * as {@link PricingBenchmark} with the current kernel and then with the baseline (the order alternating
 * between rounds), and the summary is the fastest round and the quartiles per contract: the fastest
 * round is the one least disturbed. The six outputs are summed and printed so that nothing is dead
 * code (the same for both kernels). A supplement to the JMH figures, not a replacement. Run after
 * {@code ./mvnw -B -ntp -Pjmh -pl engine test-compile}:
 * {@code java -cp engine/target/classes:engine/target/test-classes
 * dev.paperdesk.engine.pricing.BsmKernelInterleavedComparison [rounds]} with JDK 21 or later.
 */
public final class BsmKernelInterleavedComparison {
    private static final int PASSES = 100;

    private BsmKernelInterleavedComparison() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        OptionInputs[] contracts = contracts();
        PriceAndGreeks out = new PriceAndGreeks();
        double[] sink = new double[1];
        for (int i = 0; i < 30; i++) {
            time(true, contracts, out, sink);
            time(false, contracts, out, sink);
        }
        long[] current = new long[rounds];
        long[] baseline = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            boolean currentFirst = r % 2 == 0;
            if (currentFirst) {
                current[r] = time(true, contracts, out, sink);
            }
            baseline[r] = time(false, contracts, out, sink);
            if (!currentFirst) {
                current[r] = time(true, contracts, out, sink);
            }
        }
        System.out.println("per contract, " + rounds + " rounds of " + PASSES + " x " + contracts.length);
        System.out.println("current  " + summary(current, contracts.length));
        System.out.println("baseline " + summary(baseline, contracts.length));
        System.out.println("(checksum " + sink[0] + ")");
    }

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

    private static long time(boolean current, OptionInputs[] contracts, PriceAndGreeks out, double[] sink) {
        double sum = 0;
        long start = System.nanoTime();
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
                    BsmBaselineKernel.priceAndGreeks(
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
        long elapsed = System.nanoTime() - start;
        sink[0] += sum;
        return elapsed;
    }

    private static String summary(long[] nanos, int contracts) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double per = (double) PASSES * contracts;
        return String.format(
                "min %.1f ns, p25 %.1f ns, median %.1f ns",
                sorted[0] / per, sorted[sorted.length / 4] / per, sorted[sorted.length / 2] / per);
    }
}
