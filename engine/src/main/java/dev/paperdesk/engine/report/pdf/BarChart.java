package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.report.pdf.Canvas.Align;
import java.util.List;
import java.util.Objects;

/** Vertical bars from zero, one per labelled category, green above zero and red below (e.g. P&amp;L by month). */
public final class BarChart implements Chart {
    private final String title;
    private final List<String> labels;
    private final double[] values;
    private final AxisFormat yFormat;
    private final String emptyText;

    public BarChart(String title, List<String> labels, double[] values, AxisFormat yFormat, String emptyText) {
        this.title = Objects.requireNonNull(title, "title");
        this.labels = List.copyOf(labels);
        this.values = values.clone();
        this.yFormat = Objects.requireNonNull(yFormat, "yFormat");
        this.emptyText = emptyText;
        if (labels.size() != values.length) {
            throw new IllegalArgumentException("one label per bar");
        }
    }

    @Override
    public void draw(Canvas c, float x, float y, float w, float h) {
        if (values.length == 0) {
            PlotArea.empty(c, x, y, w, h, title, emptyText);
            return;
        }
        double lo = 0;
        double hi = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        NiceScale ys = NiceScale.of(lo, hi, 5);
        NiceScale xs = new NiceScale(0, values.length, 1);
        PlotArea area = PlotArea.draw(c, x, y, w, h, title, xs, null, ys, yFormat);
        float slot = (area.right - area.left) / values.length;
        float bar = Math.max(0.8f, slot * 0.7f);
        float zero = area.py(0);
        ReportFonts f = c.fonts();
        int every = Math.max(1, (int) Math.ceil(values.length / Math.max(1.0, (area.right - area.left) / 28.0)));
        for (int i = 0; i < values.length; i++) {
            float cx = area.left + slot * (i + 0.5f);
            double v = values[i];
            if (Double.isFinite(v) && v != 0) {
                float top = area.py(v);
                c.fillRect(cx - bar / 2, Math.min(zero, top), bar, Math.abs(top - zero), Palette.pnl(v));
            }
            if (i % every == 0) {
                c.text(cx, area.bottom - 9, f.regular(), 6.2f, Palette.MUTED, Align.CENTER, labels.get(i));
            }
        }
        c.line(area.left, zero, area.right, zero, Palette.MUTED, 0.6f);
    }
}
