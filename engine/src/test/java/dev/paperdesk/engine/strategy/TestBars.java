package dev.paperdesk.engine.strategy;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Bar series for strategy tests, built from closes or from a seeded random walk. */
public final class TestBars {
    public static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@sim");
    public static final InstrumentId ETH = InstrumentId.parse("ETH-USDT@sim");
    public static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private TestBars() {}

    /**
     * Bars whose closes are {@code closes}; each opens at the previous close (the first at its own
     * close), high and low extend {@code 0.5} beyond open and close, volume 100.
     */
    public static List<Bar> fromCloses(InstrumentId id, Timeframe tf, double... closes) {
        List<Bar> bars = new ArrayList<>();
        double prev = closes[0];
        for (int i = 0; i < closes.length; i++) {
            double c = closes[i];
            bars.add(bar(id, tf, i, prev, Math.max(prev, c) + 0.5, Math.min(prev, c) - 0.5, c, 100));
            prev = c;
        }
        return bars;
    }

    /** One bar at index {@code i} of a series starting at {@link #START}. */
    public static Bar bar(InstrumentId id, Timeframe tf, int i, double o, double h, double l, double c, double v) {
        return new Bar(id, tf, START.plus(tf.duration().multipliedBy(i)), dec(o), dec(h), dec(l), dec(c), dec(v));
    }

    /** A seeded random walk of {@code n} bars around 100 with 2-decimal prices. */
    public static List<Bar> randomWalk(InstrumentId id, Timeframe tf, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Bar> bars = new ArrayList<>();
        double price = 100;
        for (int i = 0; i < n; i++) {
            double open = price;
            double close = Math.max(1, open * (1 + r.nextGaussian() * 0.02 + (r.nextDouble() < 0.5 ? 0.002 : -0.002)));
            double high = Math.max(open, close) * (1 + r.nextDouble() * 0.01);
            double low = Math.min(open, close) * (1 - r.nextDouble() * 0.01);
            double vol = 50 + r.nextDouble() * 200 * (r.nextDouble() < 0.1 ? 4 : 1);
            bars.add(bar(id, tf, i, round(open), round(high) + 0.01, round(low) - 0.01, round(close), round(vol)));
            price = round(close);
        }
        return bars;
    }

    /**
     * {@code bars} (one timeframe, consecutive) merged with their aggregation into {@code higher}: a
     * higher bar is inserted just before the last shorter bar it contains, as the engine delivers
     * bars closing at the same instant longest timeframe first.
     */
    public static List<Bar> withHigherTimeframe(List<Bar> bars, Timeframe higher) {
        List<Bar> out = new ArrayList<>();
        List<Bar> bucket = new ArrayList<>();
        for (Bar b : bars) {
            Instant bucketStart = higher.floor(b.openTime());
            if (!bucket.isEmpty() && !higher.floor(bucket.get(0).openTime()).equals(bucketStart)) {
                bucket.clear();
            }
            bucket.add(b);
            Instant close = b.openTime().plus(b.timeframe().duration());
            if (close.equals(bucketStart.plus(higher.duration()))) {
                BigDecimal high = bucket.get(0).high();
                BigDecimal low = bucket.get(0).low();
                BigDecimal vol = BigDecimal.ZERO;
                for (Bar x : bucket) {
                    high = high.max(x.high());
                    low = low.min(x.low());
                    vol = vol.add(x.volume());
                }
                out.add(new Bar(
                        b.instrumentId(), higher, bucketStart, bucket.get(0).open(), high, low, b.close(), vol));
                bucket.clear();
            }
            out.add(b);
        }
        return out;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static BigDecimal dec(double x) {
        return BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_EVEN);
    }
}
