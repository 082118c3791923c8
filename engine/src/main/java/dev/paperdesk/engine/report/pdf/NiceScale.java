package dev.paperdesk.engine.report.pdf;

/**
 * Axis ranges and ticks at "nice" steps (1, 2, 2.5 or 5 times a power of ten) that cover the data,
 * after Heckbert's labelling algorithm (Graphics Gems, 1990).
 *
 * @param min lower end of the axis, a multiple of {@code step}
 * @param max upper end of the axis, a multiple of {@code step}
 * @param step distance between ticks
 */
public record NiceScale(double min, double max, double step) {
    /** A scale covering {@code [lo, hi]} with about {@code ticks} ticks; a flat range is widened. */
    public static NiceScale of(double lo, double hi, int ticks) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new NiceScale(0, 1, 0.2);
        }
        if (hi < lo) {
            double t = lo;
            lo = hi;
            hi = t;
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.05 : 1;
            lo -= pad;
            hi += pad;
        }
        double range = nice(hi - lo, false);
        double step = nice(range / Math.max(1, ticks - 1), true);
        double min = Math.floor(lo / step) * step;
        double max = Math.ceil(hi / step) * step;
        return new NiceScale(min, max, step);
    }

    private static double nice(double x, boolean round) {
        double exp = Math.floor(Math.log10(x));
        double f = x / Math.pow(10, exp);
        double nf;
        if (round) {
            nf = f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10;
        } else {
            nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        }
        return nf * Math.pow(10, exp);
    }

    /** The tick values from {@code min} to {@code max}. */
    public double[] ticks() {
        int n = (int) Math.round((max - min) / step) + 1;
        double[] t = new double[Math.max(0, Math.min(n, 100))];
        for (int i = 0; i < t.length; i++) {
            t[i] = min + i * step;
            if (Math.abs(t[i]) < step * 1e-9) {
                t[i] = 0;
            }
        }
        return t;
    }

    /** Position of {@code v} between {@code from} and {@code to} (pixels of an axis). */
    public float map(double v, float from, float to) {
        return (float) (from + (v - min) / (max - min) * (to - from));
    }
}
