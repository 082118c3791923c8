package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.report.pdf.Canvas.Align;

/**
 * The frame shared by the x/y charts: a title above, tick labels left and below, grid lines, and the
 * mapping from data to page coordinates.
 */
final class PlotArea {
    final float left;
    final float bottom;
    final float right;
    final float top;
    final NiceScale xs;
    final NiceScale ys;

    private PlotArea(float left, float bottom, float right, float top, NiceScale xs, NiceScale ys) {
        this.left = left;
        this.bottom = bottom;
        this.right = right;
        this.top = top;
        this.xs = xs;
        this.ys = ys;
    }

    /** Draws the title, grid, ticks and labels; returns the area for the data. */
    static PlotArea draw(
            Canvas c,
            float x,
            float y,
            float w,
            float h,
            String title,
            NiceScale xs,
            AxisFormat xFormat,
            NiceScale ys,
            AxisFormat yFormat) {
        ReportFonts f = c.fonts();
        float labelSize = 6.5f;
        c.text(x, y + h - 8, f.bold(), 8, Palette.TEXT, Align.LEFT, title);
        float yLabelWidth = 0;
        for (double t : ys.ticks()) {
            yLabelWidth = Math.max(yLabelWidth, c.width(f.regular(), yFormat.label(t, ys.step()), labelSize));
        }
        float left = x + yLabelWidth + 5;
        float bottom = y + 12;
        float right = x + w - 4;
        float top = y + h - 15;
        PlotArea area = new PlotArea(left, bottom, right, top, xs, ys);
        for (double t : ys.ticks()) {
            float py = area.py(t);
            c.line(left, py, right, py, t == 0 ? Palette.RULE : Palette.GRID, t == 0 ? 0.7f : 0.4f);
            c.text(
                    left - 3,
                    py - 2.2f,
                    f.regular(),
                    labelSize,
                    Palette.MUTED,
                    Align.RIGHT,
                    yFormat.label(t, ys.step()));
        }
        if (xFormat != null) {
            double[] ticks = xs.ticks();
            float lastRight = -Float.MAX_VALUE;
            for (double t : ticks) {
                float px = area.px(t);
                String label = xFormat.label(t, xs.step());
                float lw = c.width(f.regular(), label, labelSize);
                c.line(px, bottom, px, bottom - 2, Palette.RULE, 0.4f);
                // Skip a label that would overlap the previous one or stick out of the chart.
                if (px - lw / 2 > lastRight + 4 && px + lw / 2 <= x + w && px - lw / 2 >= x) {
                    c.text(px, bottom - 9, f.regular(), labelSize, Palette.MUTED, Align.CENTER, label);
                    lastRight = px + lw / 2;
                }
            }
        }
        c.line(left, bottom, right, bottom, Palette.RULE, 0.6f);
        return area;
    }

    float px(double v) {
        return xs.map(v, left, right);
    }

    float py(double v) {
        return ys.map(v, bottom, top);
    }

    /** "No data" in the middle of an empty chart, so empty states are explicit. */
    static void empty(Canvas c, float x, float y, float w, float h, String title, String message) {
        ReportFonts f = c.fonts();
        c.text(x, y + h - 8, f.bold(), 8, Palette.TEXT, Align.LEFT, title);
        c.strokeRect(x, y + 2, w, h - 16, Palette.GRID, 0.5f);
        c.text(x + w / 2, y + (h - 14) / 2, f.regular(), 7.5f, Palette.MUTED, Align.CENTER, message);
    }
}
