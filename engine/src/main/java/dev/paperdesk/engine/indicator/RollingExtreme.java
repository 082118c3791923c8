package dev.paperdesk.engine.indicator;

/**
 * The maximum (or minimum) of the last {@code period} values in amortised O(1), as a monotonic
 * deque kept in preallocated ring arrays: candidates that can never be the extreme again are
 * dropped, so each value enters and leaves once.
 */
final class RollingExtreme {
    private final int period;
    private final boolean max;
    private final double[] values;
    private final long[] indices;
    private int head;
    private int size;
    private long next;

    RollingExtreme(int period, boolean max) {
        this.period = period;
        this.max = max;
        this.values = new double[period];
        this.indices = new long[period];
    }

    static RollingExtreme max(int period) {
        return new RollingExtreme(period, true);
    }

    static RollingExtreme min(int period) {
        return new RollingExtreme(period, false);
    }

    /** Adds the next value and returns the extreme of the last {@code period} values. */
    double update(double x) {
        long index = next++;
        if (size > 0 && indices[head] <= index - period) {
            head = head + 1 == period ? 0 : head + 1;
            size--;
        }
        while (size > 0) {
            int tail = head + size - 1;
            if (tail >= period) {
                tail -= period;
            }
            double last = values[tail];
            if (max ? last <= x : last >= x) {
                size--;
            } else {
                break;
            }
        }
        int slot = head + size;
        if (slot >= period) {
            slot -= period;
        }
        values[slot] = x;
        indices[slot] = index;
        size++;
        return values[head];
    }

    /** Whether {@code period} values have been added. */
    boolean full() {
        return next >= period;
    }

    void reset() {
        head = 0;
        size = 0;
        next = 0;
    }
}
