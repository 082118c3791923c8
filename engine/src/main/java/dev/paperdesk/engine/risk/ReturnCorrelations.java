package dev.paperdesk.engine.risk;

import dev.paperdesk.engine.model.InstrumentId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

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
    private final Map<InstrumentId, Closes> closes = new HashMap<>();
    // the instrument priced last: a feed of one instrument asks for the same series every time
    private InstrumentId lastInstrument;
    private Closes lastCloses;
    /**
     * The interval of the last price, {@code [bucketStart, bucketStart + intervalNanos)}: prices of one
     * interval take its number without a division ({@code hasBucket} false until one is known).
     */
    private boolean hasBucket;

    private long bucket;
    private long bucketStart;

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
        long bucket = bucketOf(at.getEpochSecond() * 1_000_000_000L + at.getNano());
        Closes series;
        if (instrument.equals(lastInstrument)) {
            series = lastCloses;
        } else {
            series = closes.computeIfAbsent(instrument, k -> new Closes(window + 1));
            lastInstrument = instrument;
            lastCloses = series;
        }
        series.put(bucket, price);
    }

    /** {@code floorDiv(nanos, intervalNanos)}, from the last interval when {@code nanos} lies in it. */
    long bucketOf(long nanos) {
        long sinceStart = nanos - bucketStart; // negative when it overflows: then not in the interval
        if (hasBucket && nanos >= bucketStart && sinceStart >= 0 && sinceStart < intervalNanos) {
            return bucket;
        }
        long b = Math.floorDiv(nanos, intervalNanos);
        long start;
        try {
            start = Math.multiplyExact(b, intervalNanos);
        } catch (ArithmeticException beyondTheRange) {
            hasBucket = false;
            return b;
        }
        hasBucket = true;
        bucket = b;
        bucketStart = start;
        return b;
    }

    /** The correlation of the two instruments' returns, or empty with fewer than {@link #MIN_RETURNS} in common. */
    public OptionalDouble correlation(InstrumentId a, InstrumentId b) {
        Closes x = closes.get(a);
        Closes y = closes.get(b);
        if (x == null || y == null) {
            return OptionalDouble.empty();
        }
        double[] rx = new double[window];
        double[] ry = new double[window];
        int n = 0;
        for (int i = 0; i < x.size; i++) {
            long bucket = x.bucket(i);
            int x0 = x.find(bucket - 1);
            int y0 = y.find(bucket - 1);
            int y1 = y.find(bucket);
            if (x0 < 0 || y0 < 0 || y1 < 0 || n == window) {
                continue;
            }
            rx[n] = Math.log(x.price(i) / x.price(x0));
            ry[n] = Math.log(y.price(y1) / y.price(y0));
            n++;
        }
        if (n < MIN_RETURNS) {
            return OptionalDouble.empty();
        }
        return pearson(rx, ry, n);
    }

    /**
     * One instrument's interval closes by bucket, oldest first, at most {@code capacity} of them in a
     * ring: a price in the latest interval overwrites its close, a later one is appended (dropping
     * the oldest when full) without a map entry or boxing; an out-of-order one is inserted in place.
     */
    static final class Closes {
        private final long[] buckets;
        private final double[] prices;
        private int head;
        int size;

        Closes(int capacity) {
            buckets = new long[capacity];
            prices = new double[capacity];
        }

        private int slot(int i) {
            int k = head + i;
            return k >= buckets.length ? k - buckets.length : k;
        }

        long bucket(int i) {
            return buckets[slot(i)];
        }

        double price(int i) {
            return prices[slot(i)];
        }

        /** The index of {@code bucket}, or {@code -(insertion point) - 1}. */
        int find(long bucket) {
            int lo = 0;
            int hi = size - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long b = bucket(mid);
                if (b < bucket) {
                    lo = mid + 1;
                } else if (b > bucket) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(lo + 1);
        }

        void put(long bucket, double price) {
            if (size > 0) {
                long last = bucket(size - 1);
                if (bucket == last) {
                    prices[slot(size - 1)] = price;
                    return;
                }
                if (bucket < last) {
                    insert(bucket, price);
                    return;
                }
            }
            if (size == buckets.length) {
                dropOldest();
            }
            int s = slot(size++);
            buckets[s] = bucket;
            prices[s] = price;
        }

        private void dropOldest() {
            head = slot(1);
            size--;
        }

        private void insert(long bucket, double price) {
            int at = find(bucket);
            if (at >= 0) {
                prices[slot(at)] = price;
                return;
            }
            at = -at - 1;
            if (size == buckets.length) {
                if (at == 0) {
                    return; // older than everything kept: it would be the one dropped
                }
                dropOldest();
                at--;
            }
            for (int i = size; i > at; i--) {
                buckets[slot(i)] = buckets[slot(i - 1)];
                prices[slot(i)] = prices[slot(i - 1)];
            }
            buckets[slot(at)] = bucket;
            prices[slot(at)] = price;
            size++;
        }
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
