package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic test bars: a slow sine wave with noise, so moving averages cross now and then. */
final class GeneratedBars {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private GeneratedBars() {}

    static List<Bar> wave(InstrumentId id, Timeframe tf, int count, long seed) {
        Random random = new Random(seed);
        List<Bar> out = new ArrayList<>();
        double prev = 100;
        for (int i = 0; i < count; i++) {
            double close = 100 + 12 * Math.sin(i / 35.0) + 3 * Math.sin(i / 7.0) + random.nextGaussian() * 0.6;
            double open = prev + random.nextGaussian() * 0.2;
            double high = Math.max(open, close) + Math.abs(random.nextGaussian()) * 0.5;
            double low = Math.min(open, close) - Math.abs(random.nextGaussian()) * 0.5;
            out.add(new Bar(
                    id,
                    tf,
                    START.plus(tf.duration().multipliedBy(i)),
                    cents(open),
                    cents(high),
                    cents(low),
                    cents(close),
                    BigDecimal.valueOf(1000 + random.nextInt(1000))));
            prev = close;
        }
        return out;
    }

    private static BigDecimal cents(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
    }
}
