package dev.paperdesk.engine.pricing;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.pricing.option.BjerksundStenslandAmericanPricer;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.Bs2002BaselineKernel;
import dev.paperdesk.engine.pricing.option.Bs2002BumpedGreeks;
import dev.paperdesk.engine.pricing.option.Bs2002SecantImpliedVolatility;
import dev.paperdesk.engine.pricing.option.BsmBaselineKernel;
import dev.paperdesk.engine.pricing.option.BsmCurrentKernel;
import dev.paperdesk.engine.pricing.option.CoxRossRubinsteinAmericanPricer;
import dev.paperdesk.engine.pricing.option.ImpliedVolatility;
import dev.paperdesk.engine.pricing.option.LeisenReimerAmericanPricer;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.OptionValuation;
import dev.paperdesk.engine.pricing.option.PriceAndGreeks;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Option pricing throughput, each Paperdesk pricer beside a naive textbook version in the same run.
 *
 * <p>Per-contract benchmarks loop over {@value #CONTRACTS} contracts with strikes 0.7–1.4× spot, expiries
 * from one day to two years and volatilities 10–80%, so branch prediction sees a realistic mix.
 * Results are per contract ({@code @OperationsPerInvocation}). Run:
 * {@code ./mvnw -B -ntp -Pjmh -pl engine test-compile exec:exec -Djmh.args="PricingBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PricingBenchmark {
    static final int CONTRACTS = 1000;

    OptionInputs[] contracts;
    double[] marketPrices;
    double[] americanPrices;
    OptionInputs americanPut;
    final PriceAndGreeks holder = new PriceAndGreeks();

    /**
     * Seed of the 1,000 random contracts; other seeds ({@code -p seed=1,2}) check that a figure is not
     * particular to one draw.
     */
    @Param({"20260116"})
    public long seed;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(seed);
        contracts = new OptionInputs[CONTRACTS];
        marketPrices = new double[CONTRACTS];
        americanPrices = new double[CONTRACTS];
        for (int i = 0; i < CONTRACTS; i++) {
            OptionRight right = rng.nextBoolean() ? OptionRight.CALL : OptionRight.PUT;
            double strike = 100 * (0.7 + 0.7 * rng.nextDouble());
            double expiry = (1 + rng.nextInt(730)) / 365.0;
            double vol = 0.1 + 0.7 * rng.nextDouble();
            contracts[i] = new OptionInputs(right, 100, strike, expiry, 0.04, 0.01, vol);
            marketPrices[i] = BlackScholesEuropeanPricer.DEFAULT.price(contracts[i]);
            americanPrices[i] = BjerksundStenslandAmericanPricer.DEFAULT.price(contracts[i]);
        }
        americanPut = OptionInputs.put(100, 105, 1.0, 0.04, 0.01, 0.3);
    }

    /**
     * The chain kernel: value and five Greeks written into one reusable holder (what {@code OptionMarket}
     * runs per contract), so nothing is allocated per contract.
     */
    @Benchmark
    @OperationsPerInvocation(CONTRACTS)
    public void bsmPriceAndGreeks(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (OptionInputs in : contracts) {
            BlackScholesEuropeanPricer.priceAndGreeks(
                    in.sign(),
                    in.spot(),
                    in.strike(),
                    in.expiry(),
                    in.rate(),
                    in.dividendYield(),
                    in.volatility(),
                    out);
            bh.consume(out.value());
            bh.consume(out.delta());
            bh.consume(out.gamma());
            bh.consume(out.vega());
            bh.consume(out.theta());
            bh.consume(out.rho());
        }
    }

    /**
     * {@link #bsmPriceAndGreeks} on the previous kernel (Cody's rational CDF per tail, kept as
     * {@code BsmBaselineKernel} in the test sources), in the same run.
     */
    @Benchmark
    @OperationsPerInvocation(CONTRACTS)
    public void baselineBsmPriceAndGreeks(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (OptionInputs in : contracts) {
            BsmBaselineKernel.priceAndGreeks(
                    in.sign(),
                    in.spot(),
                    in.strike(),
                    in.expiry(),
                    in.rate(),
                    in.dividendYield(),
                    in.volatility(),
                    out);
            bh.consume(out.value());
            bh.consume(out.delta());
            bh.consume(out.gamma());
            bh.consume(out.vega());
            bh.consume(out.theta());
            bh.consume(out.rho());
        }
    }

    /**
     * {@link #bsmPriceAndGreeks} on the kernel as it stood before its inlined exponentials and logarithm
     * ({@code BsmCurrentKernel} in the test sources), in the same run: the ratio of the two is the
     * load-insensitive figure.
     */
    @Benchmark
    @OperationsPerInvocation(CONTRACTS)
    public void currentBsmPriceAndGreeks(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (OptionInputs in : contracts) {
            BsmCurrentKernel.priceAndGreeks(
                    in.sign(),
                    in.spot(),
                    in.strike(),
                    in.expiry(),
                    in.rate(),
                    in.dividendYield(),
                    in.volatility(),
                    out);
            bh.consume(out.value());
            bh.consume(out.delta());
            bh.consume(out.gamma());
            bh.consume(out.vega());
            bh.consume(out.theta());
            bh.consume(out.rho());
        }
    }

    /** The general API: an {@link OptionValuation} record with all eight Greeks per contract. */
    @Benchmark
    @OperationsPerInvocation(CONTRACTS)
    public void bsmValuationRecord(Blackhole bh) {
        for (OptionInputs in : contracts) {
            OptionValuation v = BlackScholesEuropeanPricer.DEFAULT.valuation(in);
            bh.consume(v.value());
            bh.consume(v.delta());
            bh.consume(v.gamma());
            bh.consume(v.vega());
            bh.consume(v.theta());
            bh.consume(v.rho());
        }
    }

    @Benchmark
    @OperationsPerInvocation(CONTRACTS)
    public void naiveBsmPriceAndGreeks(Blackhole bh) {
        for (OptionInputs in : contracts) {
            boolean call = in.right() == OptionRight.CALL;
            double s = in.spot();
            double k = in.strike();
            double t = in.expiry();
            double r = in.rate();
            double q = in.dividendYield();
            double v = in.volatility();
            bh.consume(NaiveBlackScholes.price(call, s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.delta(call, s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.gamma(s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.vega(s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.theta(call, s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.rho(call, s, k, t, r, q, v));
        }
    }

    @Benchmark
    @OperationsPerInvocation(CONTRACTS)
    public void impliedVolatility(Blackhole bh) {
        for (int i = 0; i < CONTRACTS; i++) {
            ImpliedVolatility iv = BlackScholesEuropeanPricer.DEFAULT.impliedVolatility(contracts[i], marketPrices[i]);
            bh.consume(iv instanceof ImpliedVolatility.Solved s ? s.value() : -1.0);
        }
    }

    @Benchmark
    @OperationsPerInvocation(CONTRACTS)
    public void naiveImpliedVolatilityBisection(Blackhole bh) {
        for (int i = 0; i < CONTRACTS; i++) {
            OptionInputs in = contracts[i];
            bh.consume(NaiveBlackScholes.impliedVolatility(
                    in.right() == OptionRight.CALL,
                    in.spot(),
                    in.strike(),
                    in.expiry(),
                    in.rate(),
                    in.dividendYield(),
                    marketPrices[i]));
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double coxRossRubinsteinAmerican1000Steps() {
        return CoxRossRubinsteinAmericanPricer.DEFAULT.price(americanPut);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double leisenReimerAmerican1001Steps() {
        return LeisenReimerAmericanPricer.DEFAULT.price(americanPut);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double naiveCrrAmerican1000Steps() {
        return NaiveBlackScholes.americanCrr(false, 100, 105, 1.0, 0.04, 0.01, 0.3, 1000);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double bjerksundStenslandAmerican() {
        return BjerksundStenslandAmericanPricer.DEFAULT.price(americanPut);
    }

    /** The previous Bjerksund–Stensland kernel (per-γ term objects, 384 B per value), same put. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public double baselineBjerksundStenslandAmerican() {
        OptionInputs in = americanPut;
        return Bs2002BaselineKernel.price(
                in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), in.volatility());
    }

    /** A chain refresh: solve every contract's implied volatility from its market price, then its Greeks. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void europeanChainRefresh1000(Blackhole bh) {
        for (int i = 0; i < CONTRACTS; i++) {
            OptionInputs in = contracts[i];
            if (BlackScholesEuropeanPricer.DEFAULT.impliedVolatility(in, marketPrices[i])
                    instanceof ImpliedVolatility.Solved s) {
                OptionValuation v = BlackScholesEuropeanPricer.DEFAULT.valuation(in.withVolatility(s.value()));
                bh.consume(v.value());
                bh.consume(v.delta());
                bh.consume(v.gamma());
                bh.consume(v.vega());
                bh.consume(v.theta());
                bh.consume(v.rho());
            }
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void naiveEuropeanChainRefresh1000(Blackhole bh) {
        for (int i = 0; i < CONTRACTS; i++) {
            OptionInputs in = contracts[i];
            boolean call = in.right() == OptionRight.CALL;
            double s = in.spot();
            double k = in.strike();
            double t = in.expiry();
            double r = in.rate();
            double q = in.dividendYield();
            double v = NaiveBlackScholes.impliedVolatility(call, s, k, t, r, q, marketPrices[i]);
            bh.consume(NaiveBlackScholes.price(call, s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.delta(call, s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.gamma(s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.vega(s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.theta(call, s, k, t, r, q, v));
            bh.consume(NaiveBlackScholes.rho(call, s, k, t, r, q, v));
        }
    }

    /**
     * The same refresh for an American chain of 1,000 contracts with Bjerksund–Stensland 2002: implied
     * volatility from each contract's market price, and value and the five chain Greeks at exactly that
     * volatility, in one call ({@code impliedVolatilityAndGreeks}: the solve's last pass is the Greeks
     * pass). Per call of 1,000.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void americanChainRefresh1000(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (int i = 0; i < CONTRACTS; i++) {
            if (BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatilityAndGreeks(
                            contracts[i], americanPrices[i], out)
                    instanceof ImpliedVolatility.Solved) {
                bh.consume(out.value());
                bh.consume(out.delta());
                bh.consume(out.gamma());
                bh.consume(out.vega());
                bh.consume(out.theta());
                bh.consume(out.rho());
            }
        }
    }

    /**
     * {@link #americanChainRefresh1000} as two calls, the implied volatility and then the value and Greeks
     * at it (how it was measured until 2026-11-21 night), in the same run.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void separateAmericanChainRefresh1000(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (int i = 0; i < CONTRACTS; i++) {
            OptionInputs in = contracts[i];
            if (BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatility(in, americanPrices[i])
                    instanceof ImpliedVolatility.Solved s) {
                BjerksundStenslandAmericanPricer.priceAndGreeks(
                        in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), s.value(), out);
                bh.consume(out.value());
                bh.consume(out.delta());
                bh.consume(out.gamma());
                bh.consume(out.vega());
                bh.consume(out.theta());
                bh.consume(out.rho());
            }
        }
    }

    /** {@link #americanChainRefresh1000} on the previous kernel and Brent solve, in the same run. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void baselineAmericanChainRefresh1000(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (int i = 0; i < CONTRACTS; i++) {
            OptionInputs in = contracts[i];
            if (Bs2002BaselineKernel.impliedVolatility(in, americanPrices[i]) instanceof ImpliedVolatility.Solved s) {
                Bs2002BaselineKernel.priceAndGreeks(
                        in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), s.value(), out);
                bh.consume(out.value());
                bh.consume(out.delta());
                bh.consume(out.gamma());
                bh.consume(out.vega());
                bh.consume(out.theta());
                bh.consume(out.rho());
            }
        }
    }

    /** {@link #americanPriceAndGreeks1000} on the previous kernel, in the same run. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void baselineAmericanPriceAndGreeks1000(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (OptionInputs in : contracts) {
            Bs2002BaselineKernel.priceAndGreeks(
                    in.sign(),
                    in.spot(),
                    in.strike(),
                    in.expiry(),
                    in.rate(),
                    in.dividendYield(),
                    in.volatility(),
                    out);
            bh.consume(out.value());
            bh.consume(out.delta());
            bh.consume(out.vega());
        }
    }

    /** The value alone of 1,000 American contracts at a known volatility: the unit the solve spends. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void americanPrice1000(Blackhole bh) {
        for (OptionInputs in : contracts) {
            bh.consume(BjerksundStenslandAmericanPricer.price(
                    in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), in.volatility()));
        }
    }

    /** The implied-volatility solve alone for the 1,000 American prices of {@link #americanChainRefresh1000}. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void americanImpliedVolatility1000(Blackhole bh) {
        for (int i = 0; i < CONTRACTS; i++) {
            bh.consume(BjerksundStenslandAmericanPricer.DEFAULT.impliedVolatility(contracts[i], americanPrices[i]));
        }
    }

    /** Value and the five chain Greeks of 1,000 American contracts at a known volatility (no solve). */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void americanPriceAndGreeks1000(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (OptionInputs in : contracts) {
            BjerksundStenslandAmericanPricer.priceAndGreeks(
                    in.sign(),
                    in.spot(),
                    in.strike(),
                    in.expiry(),
                    in.rate(),
                    in.dividendYield(),
                    in.volatility(),
                    out);
            bh.consume(out.value());
            bh.consume(out.delta());
            bh.consume(out.vega());
        }
    }

    /**
     * {@link #americanPriceAndGreeks1000} with the spot Greeks bumped (value, spot ±, vol, rate, time: six
     * values per contract) on the current value kernel, as the chain kernel did before analytic delta and
     * gamma; same run.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void bumpedAmericanPriceAndGreeks1000(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (OptionInputs in : contracts) {
            Bs2002BumpedGreeks.priceAndGreeks(
                    in.sign(),
                    in.spot(),
                    in.strike(),
                    in.expiry(),
                    in.rate(),
                    in.dividendYield(),
                    in.volatility(),
                    out);
            bh.consume(out.value());
            bh.consume(out.delta());
            bh.consume(out.vega());
        }
    }

    /**
     * {@link #americanChainRefresh1000} as it ran before the premium-model solve and the analytic spot
     * Greeks: the secant implied-volatility search, then the bumped Greeks of {@link
     * #bumpedAmericanPriceAndGreeks1000}, on the current value kernel; same run.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void bumpedAmericanChainRefresh1000(Blackhole bh) {
        PriceAndGreeks out = holder;
        for (int i = 0; i < CONTRACTS; i++) {
            OptionInputs in = contracts[i];
            if (Bs2002SecantImpliedVolatility.impliedVolatility(in, americanPrices[i])
                    instanceof ImpliedVolatility.Solved s) {
                Bs2002BumpedGreeks.priceAndGreeks(
                        in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), s.value(), out);
                bh.consume(out.value());
                bh.consume(out.delta());
                bh.consume(out.gamma());
                bh.consume(out.vega());
                bh.consume(out.theta());
                bh.consume(out.rho());
            }
        }
    }
}
