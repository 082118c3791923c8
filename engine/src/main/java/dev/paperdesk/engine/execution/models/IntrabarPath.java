package dev.paperdesk.engine.execution.models;

/**
 * The path a bar is assumed to take inside its interval: open → high → low → close when the high
 * is nearer the open than the low (ties go to the high), otherwise open → low → high → close. Stops,
 * take-profits and limits are checked along it; the position along the path orders executions
 * within one bar (so of an OCO pair, the leg the path reaches first executes).
 *
 * <p>All prices are in ticks.
 */
public record IntrabarPath(long open, long high, long low, long close) {
    public IntrabarPath {
        if (high < low || open > high || open < low || close > high || close < low) {
            throw new IllegalArgumentException("inconsistent bar " + open + "/" + high + "/" + low + "/" + close);
        }
    }

    /** True when the path visits the high before the low. */
    public boolean highFirst() {
        return high - open <= open - low;
    }

    /** The four points in path order. */
    public long[] points() {
        return highFirst() ? new long[] {open, high, low, close} : new long[] {open, low, high, close};
    }

    /** Where a price point is reached: the distance travelled along the path, and the price traded there. */
    public record Hit(double distance, long price) {}

    /**
     * The first point where the price reaches {@code level} or beyond in the direction {@code up}
     * (up: price ≥ level; down: price ≤ level). A gap at the open executes at the open, otherwise at
     * the level itself. Returns {@code null} when the path never gets there.
     */
    public Hit first(long level, boolean up) {
        long[] p = points();
        if (up ? p[0] >= level : p[0] <= level) {
            return new Hit(0, p[0]);
        }
        double travelled = 0;
        for (int i = 1; i < p.length; i++) {
            long a = p[i - 1];
            long b = p[i];
            boolean reaches = up ? b >= level && a < level : b <= level && a > level;
            if (reaches) {
                return new Hit(travelled + Math.abs(level - a), level);
            }
            travelled += Math.abs(b - a);
        }
        return null;
    }

    /** Total distance of the path. */
    public double length() {
        long[] p = points();
        double t = 0;
        for (int i = 1; i < p.length; i++) {
            t += Math.abs(p[i] - p[i - 1]);
        }
        return t;
    }

    /**
     * The highest ({@code up}) or lowest price seen along the path up to {@code distance}, for
     * trailing stops.
     */
    public long extremeUntil(double distance, boolean up) {
        long[] p = points();
        long best = p[0];
        double travelled = 0;
        for (int i = 1; i < p.length; i++) {
            long seg = Math.abs(p[i] - p[i - 1]);
            if (travelled + seg <= distance) {
                best = up ? Math.max(best, p[i]) : Math.min(best, p[i]);
                travelled += seg;
            } else {
                long partial = p[i - 1] + Long.signum(p[i] - p[i - 1]) * (long) (distance - travelled);
                best = up ? Math.max(best, partial) : Math.min(best, partial);
                break;
            }
        }
        return best;
    }

    /** A trailing stop's walk along the path: where it triggered (or {@code null}) and its anchor afterwards. */
    public record Trail(Hit hit, long anchor) {}

    /**
     * Follows a trailing stop along the path. A sell stop ({@code sellStop}) keeps its anchor at the
     * highest price seen and triggers when the price falls to {@code stopOf(anchor)}; a buy stop
     * mirrors it. A gap through the stop at the open triggers at the open.
     */
    public Trail trailing(long anchor, java.util.function.LongUnaryOperator stopOf, boolean sellStop) {
        long[] p = points();
        long a0 = p[0];
        long stop = stopOf.applyAsLong(anchor);
        if (sellStop ? a0 <= stop : a0 >= stop) {
            return new Trail(new Hit(0, a0), anchor);
        }
        long best = sellStop ? Math.max(anchor, a0) : Math.min(anchor, a0);
        double travelled = 0;
        for (int i = 1; i < p.length; i++) {
            long a = p[i - 1];
            long b = p[i];
            boolean favourable = sellStop ? b > a : b < a;
            if (favourable) {
                best = sellStop ? Math.max(best, b) : Math.min(best, b);
            } else {
                long st = stopOf.applyAsLong(best);
                if (sellStop ? b <= st : b >= st) {
                    return new Trail(new Hit(travelled + Math.abs(a - st), st), best);
                }
            }
            travelled += Math.abs(b - a);
        }
        return new Trail(null, best);
    }
}
