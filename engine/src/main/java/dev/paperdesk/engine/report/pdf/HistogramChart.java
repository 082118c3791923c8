package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.montecarlo.Histogram;
import dev.paperdesk.engine.report.pdf.Canvas.Align;
import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * A histogram drawn from bin edges and counts, with labelled vertical markers (percentiles, the
 * original backtest's value).
 */
public final class HistogramChart implements Chart {
    /** A vertical marker at {@code value}. */
    public record Marker(String label, double value, Color color) {
        public Marker {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(color, "color");
        }
    }

    private final String title;
    private final Histogram histogram;
    private final List<Marker> markers;
    private final AxisFormat xFormat;

    public HistogramChart(String title, Histogram histogram, List<Marker> markers, AxisFormat xFormat) {
        this.title = Objects.requireNonNull(title, "title");
        this.histogram = Objects.requireNonNull(histogram, "histogram");
        this.markers = List.copyOf(markers);
        this.xFormat = Objects.requireNonNull(xFormat, "xFormat");
    }

    /** Markers closer than two points share one line and one label ("5% · median · 95% …"). */
    private List<Marker> merged(PlotArea area) {
        List<Marker> out = new java.util.ArrayList<>();
        for (Marker m : markers) {
            if (!Double.isFinite(m.value())) {
                continue;
            }
            int same = -1;
            for (int i = 0; i < out.size(); i++) {
                if (Math.abs(area.px(out.get(i).value()) - area.px(m.value())) < 2) {
                    same = i;
                }
            }
            if (same < 0) {
                out.add(m);
            } else {
                Marker o = out.get(same);
                out.set(same, new Marker(o.label() + " \u00b7 " + m.label(), o.value(), o.color()));
            }
        }
        return out;
    }

    @Override
    public void draw(Canvas c, float x, float y, float w, float h) {
        double[] edges = histogram.edges();
        long[] counts = histogram.counts();
        if (counts.length == 0) {
            PlotArea.empty(c, x, y, w, h, title, "No finite values.");
            return;
        }
        double lo = edges[0];
        double hi = edges[edges.length - 1];
        for (Marker m : markers) {
            if (Double.isFinite(m.value())) {
                lo = Math.min(lo, m.value());
                hi = Math.max(hi, m.value());
            }
        }
        long max = 0;
        for (long n : counts) {
            max = Math.max(max, n);
        }
        NiceScale xs = NiceScale.of(lo, hi, 6);
        NiceScale ys = NiceScale.of(0, max * 1.18, 4);
        PlotArea area = PlotArea.draw(c, x, y, w, h, title, xs, xFormat, ys, AxisFormat.INTEGER);
        if (edges[0] == edges[edges.length - 1]) {
            float px = area.px(edges[0]);
            c.fillRect(px - 2, area.bottom, 4, area.py(counts[0]) - area.bottom, Palette.ACCENT);
        } else {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    continue;
                }
                float left = area.px(edges[i]);
                float right = area.px(edges[i + 1]);
                float top = area.py(counts[i]);
                c.fillRect(
                        left, area.bottom, Math.max(0.5f, right - left - 0.4f), top - area.bottom, Palette.FAN_INNER);
            }
        }
        ReportFonts f = c.fonts();
        int k = 0;
        for (Marker m : merged(area)) {
            float px = area.px(m.value());
            c.dashed(px, area.bottom, px, area.top, m.color(), 0.8f);
            // Alternate label heights so neighbouring markers stay readable.
            float ly = area.top - 7 - (k++ % 2) * 8;
            boolean rightSide = px < (area.left + area.right) / 2;
            c.text(
                    rightSide ? px + 2 : px - 2,
                    ly,
                    f.regular(),
                    6.2f,
                    m.color(),
                    rightSide ? Align.LEFT : Align.RIGHT,
                    m.label());
        }
    }
}
