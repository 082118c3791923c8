package dev.paperdesk.engine.report.pdf;

import dev.paperdesk.engine.report.pdf.Canvas.Align;
import dev.paperdesk.engine.report.pdf.ReportTable.Cell;
import dev.paperdesk.engine.report.pdf.ReportTable.Column;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A report document laid out top to bottom: each page gets the template's header (title, subtitle)
 * and, when the document is saved, a footer with the generation time and "Page N of M". Blocks
 * (headings, paragraphs, key figures, tables, charts) start a new page when they do not fit.
 *
 * <p>Output is deterministic: the generation time comes from the given clock (and is also the
 * document's creation date), the document id is derived from the title and that time, and fonts are
 * subset the same way for the same text, so the same input gives the same bytes.
 */
public final class PdfReport implements AutoCloseable {
    static final float MARGIN = 40;
    static final float HEADER_HEIGHT = 44;
    static final float FOOTER_HEIGHT = 26;
    static final float BODY_SIZE = 8.5f;
    static final float TABLE_SIZE = 7.5f;
    static final float ROW_HEIGHT = 12.5f;

    private final PDDocument document = new PDDocument();
    private final ReportFonts fonts;
    private final String title;
    private final String subtitle;
    private final Instant generatedAt;
    private final ZoneId zone;
    private final PDRectangle size;
    private PDPageContentStream stream;
    private Canvas canvas;
    private float y;

    /**
     * Starts a document; the first page is added at once.
     *
     * @param subtitle second header line, e.g. workspace, portfolio and period
     * @param clock gives the generation time (pass a fixed clock for reproducible files)
     * @param zone zone the generation time is shown in
     */
    public PdfReport(String title, String subtitle, Clock clock, ZoneId zone, boolean landscape) {
        this.title = Objects.requireNonNull(title, "title");
        this.subtitle = subtitle == null ? "" : subtitle;
        this.generatedAt = clock.instant();
        this.zone = Objects.requireNonNull(zone, "zone");
        this.size = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()) : PDRectangle.A4;
        this.fonts = new ReportFonts(document);
        newPage();
    }

    public ReportFonts fonts() {
        return fonts;
    }

    public Instant generatedAt() {
        return generatedAt;
    }

    /** Left edge of the content area. */
    public float left() {
        return MARGIN;
    }

    /** Width of the content area. */
    public float width() {
        return size.getWidth() - 2 * MARGIN;
    }

    /** The current vertical position (top of the next block). */
    public float y() {
        return y;
    }

    public int pages() {
        return document.getNumberOfPages();
    }

    private float bottom() {
        return MARGIN + FOOTER_HEIGHT;
    }

    /** True when a block {@code height} high fits above the footer. */
    public boolean fits(float height) {
        return y - height >= bottom();
    }

    /** Starts a new page unless {@code height} still fits on this one. */
    public void ensure(float height) {
        if (!fits(height)) {
            newPage();
        }
    }

    public void newPage() {
        closeStream();
        PDPage page = new PDPage(size);
        document.addPage(page);
        try {
            stream = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        canvas = new Canvas(stream, fonts);
        float top = size.getHeight() - MARGIN;
        canvas.text(left(), top - 12, fonts.bold(), 13, Palette.TEXT, Align.LEFT, title);
        canvas.text(left(), top - 26, fonts.regular(), 8, Palette.MUTED, Align.LEFT, subtitle);
        canvas.line(left(), top - 33, left() + width(), top - 33, Palette.RULE, 0.6f);
        y = top - HEADER_HEIGHT;
    }

    public Canvas canvas() {
        return canvas;
    }

    public void spacer(float height) {
        y -= height;
    }

    /** A section heading with a rule; kept with at least {@code keepWith} points of what follows. */
    public void heading(String text, float keepWith) {
        ensure(24 + keepWith);
        y -= 8;
        canvas.text(left(), y - 10, fonts.bold(), 10.5f, Palette.ACCENT, Align.LEFT, text);
        y -= 15;
        canvas.line(left(), y, left() + width(), y, Palette.GRID, 0.5f);
        y -= 6;
    }

    public void heading(String text) {
        heading(text, 30);
    }

    /** Text wrapped to the content width. */
    public void paragraph(String text, float fontSize, Color color) {
        float lineHeight = fontSize * 1.35f;
        for (String line : wrap(text, fontSize, width())) {
            ensure(lineHeight);
            canvas.text(left(), y - fontSize, fonts.regular(), fontSize, color, Align.LEFT, line);
            y -= lineHeight;
        }
        y -= 3;
    }

    public void paragraph(String text) {
        paragraph(text, BODY_SIZE, Palette.TEXT);
    }

    /** Splits {@code text} into lines no wider than {@code maxWidth}; explicit newlines are kept. */
    List<String> wrap(String text, float fontSize, float maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (fonts.width(fonts.regular(), candidate, fontSize) <= maxWidth || line.isEmpty()) {
                    line.setLength(0);
                    line.append(candidate);
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A key figure: a caption and its value (coloured, e.g. for P&amp;L). */
    public record Figure(String caption, String value, Color color) {
        public Figure {
            color = color == null ? Palette.TEXT : color;
        }

        public static Figure of(String caption, String value) {
            return new Figure(caption, value, Palette.TEXT);
        }
    }

    /** Key figures in a grid of {@code columns} columns: small muted captions over bold values. */
    public void figures(List<Figure> figures, int columns) {
        float cellWidth = width() / columns;
        float rowHeight = 26;
        for (int i = 0; i < figures.size(); i += columns) {
            ensure(rowHeight);
            for (int c = 0; c < columns && i + c < figures.size(); c++) {
                Figure f = figures.get(i + c);
                float x = left() + c * cellWidth;
                canvas.text(x, y - 8, fonts.regular(), 7, Palette.MUTED, Align.LEFT, f.caption());
                canvas.text(
                        x,
                        y - 20,
                        fonts.bold(),
                        10,
                        f.color(),
                        Align.LEFT,
                        canvas.fit(fonts.bold(), 10, f.value(), cellWidth - 6));
            }
            y -= rowHeight;
        }
        y -= 4;
    }

    /** A table, continued on following pages under a repeated header. */
    public void table(ReportTable table) {
        List<Column> cols = table.columns();
        float[] widths = columnWidths(table);
        float[] xs = new float[cols.size()];
        float x = left();
        for (int i = 0; i < cols.size(); i++) {
            xs[i] = x;
            x += widths[i];
        }
        ensure(ROW_HEIGHT * 2 + 4);
        boolean header = cols.stream().anyMatch(c -> !c.title().isBlank());
        if (header) {
            tableHeader(cols, xs, widths);
        }
        if (table.rows().isEmpty()) {
            canvas.text(left() + 4, y - 9, fonts.regular(), TABLE_SIZE, Palette.MUTED, Align.LEFT, table.emptyText());
            y -= ROW_HEIGHT + 6;
            return;
        }
        int n = 0;
        for (List<Cell> row : table.rows()) {
            if (!fits(ROW_HEIGHT)) {
                newPage();
                if (header) {
                    tableHeader(cols, xs, widths);
                }
            }
            if (n++ % 2 == 1) {
                canvas.fillRect(left(), y - ROW_HEIGHT, width(), ROW_HEIGHT, Palette.STRIPE);
            }
            tableRow(cols, xs, widths, row);
        }
        if (table.totalRow() != null) {
            if (!fits(ROW_HEIGHT + 2)) {
                newPage();
                tableHeader(cols, xs, widths);
            }
            canvas.line(left(), y, left() + width(), y, Palette.MUTED, 0.6f);
            List<Cell> bold = table.totalRow().stream().map(Cell::emphasised).toList();
            tableRow(cols, xs, widths, bold);
        }
        y -= 8;
    }

    /**
     * Widths that show every cell whole when the content fits: each column gets its widest text, and
     * what is left is shared by weight. When it does not fit, columns shrink in proportion and long
     * cells end with an ellipsis.
     */
    private float[] columnWidths(ReportTable table) {
        List<Column> cols = table.columns();
        float pad = 7;
        float[] natural = new float[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            natural[i] = fonts.width(fonts.bold(), cols.get(i).title(), TABLE_SIZE) + pad;
        }
        List<List<Cell>> all = new ArrayList<>(table.rows());
        if (table.totalRow() != null) {
            all.add(table.totalRow().stream().map(Cell::emphasised).toList());
        }
        for (List<Cell> row : all) {
            for (int i = 0; i < cols.size(); i++) {
                Cell c = row.get(i);
                float w = fonts.width(c.bold() ? fonts.bold() : fonts.regular(), c.text(), TABLE_SIZE) + pad;
                natural[i] = Math.max(natural[i], w);
            }
        }
        float sumNatural = 0;
        float sumWeight = 0;
        for (int i = 0; i < cols.size(); i++) {
            sumNatural += natural[i];
            sumWeight += cols.get(i).weight();
        }
        float[] widths = new float[cols.size()];
        if (sumNatural <= width()) {
            for (int i = 0; i < cols.size(); i++) {
                widths[i] = natural[i] + (width() - sumNatural) * cols.get(i).weight() / sumWeight;
            }
            return widths;
        }
        // Too wide: numbers keep their full width, text columns give up space in proportion.
        float numbers = 0;
        float text = 0;
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).align() == Align.LEFT) {
                text += natural[i];
            } else {
                numbers += natural[i];
            }
        }
        float textScale = text > 0 ? (width() - numbers) / text : 0;
        for (int i = 0; i < cols.size(); i++) {
            boolean isText = cols.get(i).align() == Align.LEFT;
            widths[i] = textScale > 0.3f
                    ? (isText ? natural[i] * textScale : natural[i])
                    : natural[i] * width() / sumNatural;
        }
        return widths;
    }

    private void tableHeader(List<Column> cols, float[] xs, float[] widths) {
        canvas.fillRect(left(), y - ROW_HEIGHT - 1, width(), ROW_HEIGHT + 1, Palette.HEADER_FILL);
        for (int i = 0; i < cols.size(); i++) {
            cell(cols.get(i).align(), xs[i], widths[i], new Cell(cols.get(i).title(), Palette.MUTED, true));
        }
        y -= ROW_HEIGHT + 1;
    }

    private void tableRow(List<Column> cols, float[] xs, float[] widths, List<Cell> row) {
        for (int i = 0; i < cols.size(); i++) {
            cell(cols.get(i).align(), xs[i], widths[i], row.get(i));
        }
        y -= ROW_HEIGHT;
    }

    private void cell(Align align, float x, float w, Cell cell) {
        float pad = 3;
        var font = cell.bold() ? fonts.bold() : fonts.regular();
        String text = canvas.fit(font, TABLE_SIZE, cell.text(), w - 2 * pad);
        float tx =
                switch (align) {
                    case LEFT -> x + pad;
                    case RIGHT -> x + w - pad;
                    case CENTER -> x + w / 2;
                };
        canvas.text(tx, y - ROW_HEIGHT + 3.8f, font, TABLE_SIZE, cell.color(), align, text);
    }

    /** A chart across the content width, {@code height} points high. */
    public void chart(Chart chart, float height) {
        ensure(height + 6);
        chart.draw(canvas, left(), y - height, width(), height);
        y -= height + 8;
    }

    /** Charts side by side, sharing the content width equally. */
    public void charts(List<Chart> charts, float height) {
        ensure(height + 6);
        float gap = 14;
        float w = (width() - gap * (charts.size() - 1)) / charts.size();
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(canvas, left() + i * (w + gap), y - height, w, height);
        }
        y -= height + 8;
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            stream = null;
        }
    }

    /** Adds the footers, sets the document information and writes the PDF. */
    public void save(OutputStream out) throws IOException {
        closeStream();
        int total = document.getNumberOfPages();
        String generated = "Generated " + ReportFormat.dateTimeSeconds(generatedAt, zone) + " " + zoneLabel(zone)
                + " by Paperdesk";
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream cs =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                Canvas c = new Canvas(cs, fonts);
                float fy = MARGIN + 6;
                c.line(left(), fy + 12, left() + width(), fy + 12, Palette.RULE, 0.5f);
                c.text(left(), fy, fonts.regular(), 7, Palette.MUTED, Align.LEFT, generated);
                c.text(
                        left() + width(),
                        fy,
                        fonts.regular(),
                        7,
                        Palette.MUTED,
                        Align.RIGHT,
                        "Page " + (i + 1) + " of " + total);
            }
        }
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subtitle);
        info.setAuthor("Paperdesk");
        info.setCreator("Paperdesk");
        info.setProducer("Paperdesk (Apache PDFBox)");
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        when.setTimeInMillis(generatedAt.toEpochMilli());
        info.setCreationDate(when);
        info.setModificationDate(when);
        // A fixed document id: PDFBox would otherwise derive one from the wall clock.
        byte[] id = documentId();
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
        document.save(out);
    }

    /** "UTC" for UTC however it is spelled, the zone id otherwise. */
    static String zoneLabel(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private byte[] documentId() {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update((title + "\n" + subtitle + "\n" + generatedAt).getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
        document.close();
    }
}
