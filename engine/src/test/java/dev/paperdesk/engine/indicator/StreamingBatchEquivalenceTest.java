package dev.paperdesk.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.indicator.spec.IndicatorKind;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Streaming and batch forms agree bit for bit on random bar series, every output is NaN exactly
 * before its lookback, and {@code reset()} restores a fresh state.
 */
class StreamingBatchEquivalenceTest {

    /** A random but valid bar series: a geometric walk with flat stretches, gaps and zero volumes. */
    record Series(OhlcvArrays bars, long seed) {
        @Override
        public String toString() {
            return "Series(n=" + bars.size() + ", seed=" + seed + ")";
        }
    }

    @Provide
    Arbitrary<Series> series() {
        return Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.longs())
                .as((n, seed) -> new Series(randomBars(n, seed), seed));
    }

    static OhlcvArrays randomBars(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double price = Math.exp(r.nextDouble(-3, 10));
        long t = 1_700_000_000_000L + r.nextLong(86_400_000L);
        long step = new long[] {60_000L, 3_600_000L, 14_400_000L}[r.nextInt(3)];
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            boolean flat = r.nextInt(10) == 0;
            double o = price;
            double c = flat ? o : o * Math.exp(r.nextGaussian() * 0.02);
            double h = Math.max(o, c) * (flat ? 1 : 1 + r.nextDouble() * 0.01);
            double l = Math.min(o, c) * (flat ? 1 : 1 - r.nextDouble() * 0.01);
            time[i] = t;
            t += step * (r.nextInt(20) == 0 ? 5 : 1);
            open[i] = o;
            high[i] = h;
            low[i] = l;
            close[i] = c;
            volume[i] = r.nextInt(8) == 0 ? 0.0 : Math.floor(r.nextDouble() * 10_000);
            price = c;
        }
        return new OhlcvArrays(time, open, high, low, close, volume);
    }

    @Property(tries = 300)
    void movingAverageBatchLoopsEqualStreaming(@ForAll("series") Series s, @ForAll @IntRange(min = 1, max = 60) int p) {
        double[] c = s.bars().close();
        assertIdentical(Sma.batch(c, p), streamed(new Sma(p), s.bars())[0]);
        assertIdentical(Ema.batch(c, p), streamed(new Ema(p), s.bars())[0]);
    }

    @Property(tries = 300)
    void everyIndicatorBatchEqualsStreaming(
            @ForAll("series") Series s,
            @ForAll @IntRange(min = 1, max = 40) int p,
            @ForAll @IntRange(min = 1, max = 8) int q,
            @ForAll @IntRange(min = 1, max = 8) int r) {
        OhlcvArrays b = s.bars();
        double[] h = b.high();
        double[] l = b.low();
        double[] c = b.close();
        double[] v = b.volume();
        check(new Wma(p), b, new double[][] {Wma.batch(c, p)});
        check(new Dema(p), b, new double[][] {Dema.batch(c, p)});
        check(new Tema(p), b, new double[][] {Tema.batch(c, p)});
        check(new Rsi(p), b, new double[][] {Rsi.batch(c, p)});
        check(new Macd(q, q + p, r), b, Macd.batch(c, q, q + p, r));
        check(new BollingerBands(p, q / 2.0), b, BollingerBands.batch(c, p, q / 2.0));
        check(new Atr(p), b, new double[][] {Atr.batch(h, l, c, p)});
        check(new Adx(p), b, Adx.batch(h, l, c, p));
        check(new Stochastic(p, q, r), b, Stochastic.batch(h, l, c, p, q, r));
        check(new StochasticRsi(p, q + 1, q, r), b, StochasticRsi.batch(c, p, q + 1, q, r));
        check(new Cci(p), b, new double[][] {Cci.batch(h, l, c, p)});
        check(new WilliamsR(p), b, new double[][] {WilliamsR.batch(h, l, c, p)});
        check(new Mfi(p), b, new double[][] {Mfi.batch(h, l, c, v, p)});
        check(new Obv(), b, new double[][] {Obv.batch(c, v)});
        check(new Vwap(p * 30), b, new double[][] {Vwap.batch(b, p * 30)});
        check(new Donchian(p), b, Donchian.batch(h, l, p));
        check(new Keltner(p, q, r), b, Keltner.batch(h, l, c, p, q, r));
        check(new ParabolicSar(0.01 * q / 8, 0.2), b, new double[][] {ParabolicSar.batch(h, l, 0.01 * q / 8, 0.2)});
        check(RateOfChange.percent(p), b, new double[][] {RateOfChange.batchPercent(c, p)});
        check(RateOfChange.momentum(p), b, new double[][] {RateOfChange.batchMomentum(c, p)});
    }

    @Property(tries = 100)
    void everySpecKindIsStableUnderReset(@ForAll("series") Series s) {
        for (IndicatorKind kind : IndicatorKind.values()) {
            var spec = ((dev.paperdesk.engine.indicator.spec.SpecParseResult.Parsed)
                            dev.paperdesk.engine.indicator.spec.IndicatorSpecParser.parse(kind.token()))
                    .specs()
                    .get(0);
            StreamingIndicator ind = spec.create();
            double[][] first = streamed(ind, s.bars());
            double[][] again = streamed(ind, s.bars()); // streamed() resets first
            for (int k = 0; k < first.length; k++) {
                assertIdentical(again[k], first[k]);
            }
        }
    }

    private static void check(StreamingIndicator fresh, OhlcvArrays bars, double[][] batch) {
        double[][] stream = streamed(fresh, bars);
        assertThat(batch.length).isEqualTo(stream.length);
        for (int k = 0; k < stream.length; k++) {
            assertIdentical(batch[k], stream[k]);
        }
    }

    /**
     * Feeds the bars one at a time, checking after each that outputs are NaN exactly before their
     * lookback and that {@code isReady()} tracks the outputs.
     */
    static double[][] streamed(StreamingIndicator ind, OhlcvArrays b) {
        ind.reset();
        int n = b.size();
        double[][] out = new double[ind.outputs()][n];
        for (int i = 0; i < n; i++) {
            ind.update(b.epochMillis()[i], b.open()[i], b.high()[i], b.low()[i], b.close()[i], b.volume()[i]);
            boolean allDefined = true;
            for (int k = 0; k < ind.outputs(); k++) {
                double v = ind.value(k);
                out[k][i] = v;
                int lookback = ind.lookback(k);
                if (lookback >= 0) {
                    assertThat(Double.isNaN(v))
                            .as(
                                    "%s output %d at bar %d (lookback %d)",
                                    ind.getClass().getSimpleName(), k, i, lookback)
                            .isEqualTo(i < lookback);
                }
                allDefined &= !Double.isNaN(v);
            }
            assertThat(ind.isReady())
                    .as("%s ready at bar %d", ind.getClass().getSimpleName(), i)
                    .isEqualTo(allDefined);
        }
        return out;
    }

    static void assertIdentical(double[] actual, double[] expected) {
        if (!Arrays.equals(actual, expected)) {
            for (int i = 0; i < expected.length; i++) {
                assertThat(Double.doubleToLongBits(actual[i]))
                        .as("index %d: %s vs %s", i, actual[i], expected[i])
                        .isEqualTo(Double.doubleToLongBits(expected[i]));
            }
            assertThat(actual.length).isEqualTo(expected.length);
        }
    }
}
