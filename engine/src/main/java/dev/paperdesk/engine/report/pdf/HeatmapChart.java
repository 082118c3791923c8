package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.analytics.MonthlyReturnsTable;
import dev.paperdesk.engine.report.pdf.Canvas.Align;
import java.util.Locale;
import java.util.Objects;

/**
 * Monthly returns as a heatmap: one row per year, twelve month cells and the year's total, each
 * shaded green or red by size and labelled with its percentage; months without data stay blank.
 */
public final class HeatmapChart implements Chart {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private final String title;
    private final MonthlyReturnsTable table;

    public HeatmapChart(String title, MonthlyReturnsTable table) {
        this.title = Objects.requireNonNull(title, "title");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Height that fits the table's rows at a comfortable cell height. */
    public float preferredHeight() {
        return 30 + Math.max(1, table.years().size()) * 15f;
    }

    @Override
    public void draw(Canvas c, float x, float y, float w, float h) {
        if (table.years().isEmpty()) {
            PlotArea.empty(c, x, y, w, h, title, "No monthly returns.");
            return;
        }
        ReportFonts f = c.fonts();
        c.text(x, y + h - 8, f.bold(), 8, Palette.TEXT, Align.LEFT, title);
        float labelWidth = 30;
        float cellW = (w - labelWidth) / 13;
        float top = y + h - 16;
        float cellH = Math.min(15, (top - y - 10) / table.years().size());
        double scale = 0;
        for (MonthlyReturnsTable.YearRow row : table.years()) {
            for (double m : row.months()) {
                if (Double.isFinite(m)) {
                    scale = Math.max(scale, Math.abs(m));
                }
            }
        }
        for (int m = 0; m < 13; m++) {
            c.text(
                    x + labelWidth + cellW * (m + 0.5f),
                    top - 7,
                    f.regular(),
                    6.5f,
                    Palette.MUTED,
                    Align.CENTER,
                    m < 12 ? MONTHS[m] : "Year");
        }
        float rowTop = top - 10;
        for (MonthlyReturnsTable.YearRow row : table.years()) {
            c.text(x, rowTop - cellH + 4.5f, f.bold(), 7, Palette.TEXT, Align.LEFT, Integer.toString(row.year()));
            for (int m = 0; m < 13; m++) {
                double v = m < 12 ? row.month(m + 1) : row.total();
                float cx = x + labelWidth + cellW * m;
                c.fillRect(
                        cx + 0.5f,
                        rowTop - cellH + 0.5f,
                        cellW - 1,
                        cellH - 1,
                        Palette.heat(v, m < 12 ? scale : Math.max(scale, Math.abs(v))));
                if (Double.isFinite(v)) {
                    c.text(
                            cx + cellW / 2,
                            rowTop - cellH + 4.5f,
                            m < 12 ? f.regular() : f.bold(),
                            6.2f,
                            Palette.TEXT,
                            Align.CENTER,
                            pct(v));
                }
            }
            rowTop -= cellH;
        }
    }

    private static String pct(double v) {
        String body = String.format(Locale.US, "%.1f", Math.abs(v) * 100);
        return (Math.round(v * 1000) < 0 ? ReportFormat.MINUS : "") + body;
    }
}
