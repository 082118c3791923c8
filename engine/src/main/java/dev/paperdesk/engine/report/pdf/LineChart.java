package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.report.pdf.Canvas.Align;
import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * Lines over a numeric or time x axis, optionally filled down (or up) to zero: equity curves,
 * equity against buy-and-hold, and the underwater (drawdown) chart.
 */
public final class LineChart implements Chart {
    /**
     * One line.
     *
     * @param fillToZero fill the area between the line and zero (the underwater chart)
     */
    public record Series(String name, double[] x, double[] y, Color color, float width, boolean fillToZero) {
        public Series {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(color, "color");
            x = x.clone();
            y = y.clone();
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": x and y differ in length");
            }
        }

        public static Series line(String name, double[] x, double[] y, Color color) {
            return new Series(name, x, y, color, 1.1f, false);
        }

        public static Series area(String name, double[] x, double[] y, Color color) {
            return new Series(name, x, y, color, 0.8f, true);
        }
    }

    private final String title;
    private final List<Series> series;
    private final AxisFormat xFormat;
    private final AxisFormat yFormat;
    private final String emptyText;

    public LineChart(String title, List<Series> series, AxisFormat xFormat, AxisFormat yFormat, String emptyText) {
        this.title = Objects.requireNonNull(title, "title");
        this.series = List.copyOf(series);
        this.xFormat = Objects.requireNonNull(xFormat, "xFormat");
        this.yFormat = Objects.requireNonNull(yFormat, "yFormat");
        this.emptyText = emptyText;
    }

    @Override
    public void draw(Canvas c, float x, float y, float w, float h) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        int points = 0;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    continue;
                }
                xMin = Math.min(xMin, s.x()[i]);
                xMax = Math.max(xMax, s.x()[i]);
                yMin = Math.min(yMin, s.y()[i]);
                yMax = Math.max(yMax, s.y()[i]);
                points++;
            }
            if (s.fillToZero()) {
                yMin = Math.min(yMin, 0);
                yMax = Math.max(yMax, 0);
            }
        }
        if (points < 2) {
            PlotArea.empty(c, x, y, w, h, title, emptyText);
            return;
        }
        NiceScale xs = new NiceScale(
                xMin,
                xMax == xMin ? xMin + 1 : xMax,
                NiceScale.of(xMin, xMax, 7).step());
        NiceScale ys = NiceScale.of(yMin, yMax, 5);
        PlotArea area = PlotArea.draw(c, x, y, w, h, title, xs, xFormat, ys, yFormat);
        c.clip(area.left, area.bottom - 1, area.right - area.left, area.top - area.bottom + 2);
        for (Series s : series) {
            int n = s.x().length;
            float[] px = new float[n];
            float[] py = new float[n];
            for (int i = 0; i < n; i++) {
                px[i] = area.px(s.x()[i]);
                py[i] = Double.isFinite(s.y()[i]) ? area.py(s.y()[i]) : Float.NaN;
            }
            if (s.fillToZero()) {
                float zero = area.py(0);
                float[] fx = new float[n + 2];
                float[] fy = new float[n + 2];
                for (int i = 0; i < n; i++) {
                    fx[i] = px[i];
                    fy[i] = Float.isNaN(py[i]) ? zero : py[i];
                }
                fx[n] = px[n - 1];
                fy[n] = zero;
                fx[n + 1] = px[0];
                fy[n + 1] = zero;
                c.fillPolygon(fx, fy, Palette.blend(Color.WHITE, s.color(), 0.35));
            }
            c.polyline(px, py, s.color(), s.width());
        }
        c.restore();
        legend(c, area);
    }

    private void legend(Canvas c, PlotArea area) {
        if (series.size() < 2) {
            return;
        }
        float lx = area.right;
        float ly = area.top + 5;
        ReportFonts f = c.fonts();
        for (int i = series.size() - 1; i >= 0; i--) {
            Series s = series.get(i);
            float tw = c.width(f.regular(), s.name(), 6.5f);
            c.text(lx, ly, f.regular(), 6.5f, Palette.MUTED, Align.RIGHT, s.name());
            lx -= tw + 3;
            c.line(lx - 10, ly + 2.2f, lx, ly + 2.2f, s.color(), 1.6f);
            lx -= 18;
        }
    }
}
