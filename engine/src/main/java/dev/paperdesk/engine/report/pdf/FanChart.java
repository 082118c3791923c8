package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.montecarlo.EquityBands;
import java.awt.Color;
import java.util.Objects;

/**
 * Percentiles of simulated equity over steps as a fan: 5th–95th and 25th–75th percentile bands, the
 * median line and, when given, the original path.
 */
public final class FanChart implements Chart {
    private final String title;
    private final EquityBands bands;
    private final double[] original;
    private final AxisFormat yFormat;

    /** @param original equity of the original run at steps 0..n, or null */
    public FanChart(String title, EquityBands bands, double[] original, AxisFormat yFormat) {
        this.title = Objects.requireNonNull(title, "title");
        this.bands = Objects.requireNonNull(bands, "bands");
        this.original = original == null ? null : original.clone();
        this.yFormat = Objects.requireNonNull(yFormat, "yFormat");
    }

    @Override
    public void draw(Canvas c, float x, float y, float w, float h) {
        int[] steps = bands.steps();
        if (steps.length < 2) {
            PlotArea.empty(c, x, y, w, h, title, "No simulated paths.");
            return;
        }
        double[] p5 = bands.p5();
        double[] p25 = bands.p25();
        double[] p50 = bands.p50();
        double[] p75 = bands.p75();
        double[] p95 = bands.p95();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < steps.length; i++) {
            lo = Math.min(lo, p5[i]);
            hi = Math.max(hi, p95[i]);
        }
        if (original != null) {
            for (double v : original) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        NiceScale xs = NiceScale.of(0, steps[steps.length - 1], 7);
        xs = new NiceScale(0, steps[steps.length - 1], xs.step());
        NiceScale ys = NiceScale.of(lo, hi, 5);
        PlotArea area = PlotArea.draw(c, x, y, w, h, title, xs, AxisFormat.INTEGER, ys, yFormat);
        band(c, area, steps, p5, p95, Palette.FAN_OUTER);
        band(c, area, steps, p25, p75, Palette.FAN_INNER);
        float[] px = new float[steps.length];
        float[] py = new float[steps.length];
        for (int i = 0; i < steps.length; i++) {
            px[i] = area.px(steps[i]);
            py[i] = area.py(p50[i]);
        }
        c.polyline(px, py, Palette.ACCENT, 1.2f);
        if (original != null) {
            float[] ox = new float[original.length];
            float[] oy = new float[original.length];
            for (int i = 0; i < original.length; i++) {
                ox[i] = area.px(i);
                oy[i] = area.py(original[i]);
            }
            c.polyline(ox, oy, Palette.TEXT, 0.8f);
        }
        legend(c, area);
    }

    private static void band(Canvas c, PlotArea area, int[] steps, double[] lower, double[] upper, Color color) {
        int n = steps.length;
        float[] xs = new float[2 * n];
        float[] ys = new float[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = area.px(steps[i]);
            ys[i] = area.py(upper[i]);
            xs[2 * n - 1 - i] = area.px(steps[i]);
            ys[2 * n - 1 - i] = area.py(lower[i]);
        }
        c.fillPolygon(xs, ys, color);
    }

    private void legend(Canvas c, PlotArea area) {
        ReportFonts f = c.fonts();
        float lx = area.right;
        float ly = area.top + 5;
        String[] names = original == null
                ? new String[] {"5\u201395%", "25\u201375%", "median"}
                : new String[] {"5\u201395%", "25\u201375%", "median", "original"};
        Color[] colors = {Palette.FAN_OUTER, Palette.FAN_INNER, Palette.ACCENT, Palette.TEXT};
        for (int i = names.length - 1; i >= 0; i--) {
            float tw = c.width(f.regular(), names[i], 6.5f);
            c.text(lx, ly, f.regular(), 6.5f, Palette.MUTED, Canvas.Align.RIGHT, names[i]);
            lx -= tw + 3;
            if (i < 2) {
                c.fillRect(lx - 9, ly - 0.5f, 9, 5.5f, colors[i]);
            } else {
                c.line(lx - 10, ly + 2.2f, lx, ly + 2.2f, colors[i], 1.6f);
            }
            lx -= 18;
        }
    }
}
