package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.report.pdf.Canvas.Align;
import java.awt.Color;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table for {@link PdfReport#table}: columns with relative widths and alignment, rows of cells with
 * their own colour, an optional bold total row, and the sentence shown when there are no rows. Long
 * tables continue on the next page under a repeated header.
 */
public final class ReportTable {
    /** A column: its title, share of the table's width, and alignment (numbers right). */
    public record Column(String title, float weight, Align align) {
        public Column {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(align, "align");
            if (!(weight > 0)) {
                throw new IllegalArgumentException("column " + title + " needs a positive width weight");
            }
        }

        public static Column text(String title, float weight) {
            return new Column(title, weight, Align.LEFT);
        }

        public static Column number(String title, float weight) {
            return new Column(title, weight, Align.RIGHT);
        }
    }

    /** One cell's text and colour. */
    public record Cell(String text, Color color, boolean bold) {
        public Cell {
            text = text == null ? "" : text;
            color = color == null ? Palette.TEXT : color;
        }

        public static Cell of(String text) {
            return new Cell(text, Palette.TEXT, false);
        }

        public static Cell muted(String text) {
            return new Cell(text, Palette.MUTED, false);
        }

        /** A signed P&amp;L amount in green or red. */
        public static Cell pnl(BigDecimal v) {
            return new Cell(ReportFormat.signedMoney(v), Palette.pnl(v), false);
        }

        public static Cell pnl(double v) {
            return new Cell(ReportFormat.signedMoney(v), Palette.pnl(v), false);
        }

        public static Cell money(BigDecimal v) {
            return new Cell(ReportFormat.money(v), Palette.TEXT, false);
        }

        /** A signed percentage in green or red. */
        public static Cell percent(double fraction) {
            return new Cell(ReportFormat.percent(fraction), Palette.pnl(fraction), false);
        }

        public Cell emphasised() {
            return new Cell(text, color, true);
        }
    }

    private final List<Column> columns;
    private final List<List<Cell>> rows = new ArrayList<>();
    private final String emptyText;
    private List<Cell> total;

    public ReportTable(List<Column> columns, String emptyText) {
        this.columns = List.copyOf(columns);
        this.emptyText = Objects.requireNonNull(emptyText, "emptyText");
    }

    public ReportTable row(List<Cell> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row needs " + columns.size() + " cells, not " + cells.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public ReportTable row(Cell... cells) {
        return row(List.of(cells));
    }

    /** A bold total line under a rule, after the last row. */
    public ReportTable total(Cell... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("the total needs " + columns.size() + " cells");
        }
        total = List.of(cells);
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<Cell>> rows() {
        return rows;
    }

    public List<Cell> totalRow() {
        return total;
    }

    public String emptyText() {
        return emptyText;
    }
}
