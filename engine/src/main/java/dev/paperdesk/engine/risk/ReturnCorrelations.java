package dev.paperdesk.engine.risk;

import dev.paperdesk.engine.model.InstrumentId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Correlation of recent returns between instruments, from their prices sampled on a common time
 * grid: the last price in each interval is that interval's close, and the Pearson correlation is
 * taken over the log returns of the intervals both instruments traded in. Runs on the engine
 * thread.
 */
public final class ReturnCorrelations {
    /** Fewer common returns than this give no correlation. */
    public static final int MIN_RETURNS = 10;

    private final long intervalNanos;
    private final int window;
    private final Map<InstrumentId, TreeMap<Long, Double>> closes = new HashMap<>();

    /**
     * @param interval the sampling interval (one return per interval)
     * @param window how many returns to keep per instrument
     */
    public ReturnCorrelations(Duration interval, int window) {
        if (interval.isZero() || interval.isNegative() || window < MIN_RETURNS) {
            throw new IllegalArgumentException("interval must be positive and the window at least " + MIN_RETURNS);
        }
        this.intervalNanos = interval.toNanos();
        this.window = window;
    }

    /** Records a price; the last one of each interval is its close. */
    public void onPrice(InstrumentId instrument, Instant at, double price) {
        if (!(price > 0)) {
            return;
        }
        long bucket = Math.floorDiv(at.getEpochSecond() * 1_000_000_000L + at.getNano(), intervalNanos);
        TreeMap<Long, Double> series = closes.computeIfAbsent(instrument, k -> new TreeMap<>());
        series.put(bucket, price);
        while (series.size() > window + 1) {
            series.pollFirstEntry();
        }
    }

    /** The correlation of the two instruments' returns, or empty with fewer than {@link #MIN_RETURNS} in common. */
    public OptionalDouble correlation(InstrumentId a, InstrumentId b) {
        TreeMap<Long, Double> x = closes.get(a);
        TreeMap<Long, Double> y = closes.get(b);
        if (x == null || y == null) {
            return OptionalDouble.empty();
        }
        double[] rx = new double[window];
        double[] ry = new double[window];
        int n = 0;
        for (var e : x.entrySet()) {
            long bucket = e.getKey();
            Double px0 = x.get(bucket - 1);
            Double py0 = y.get(bucket - 1);
            Double py1 = y.get(bucket);
            if (px0 == null || py0 == null || py1 == null || n == window) {
                continue;
            }
            rx[n] = Math.log(e.getValue() / px0);
            ry[n] = Math.log(py1 / py0);
            n++;
        }
        if (n < MIN_RETURNS) {
            return OptionalDouble.empty();
        }
        return pearson(rx, ry, n);
    }

    static OptionalDouble pearson(double[] x, double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sxy / Math.sqrt(sxx * syy));
    }
}
