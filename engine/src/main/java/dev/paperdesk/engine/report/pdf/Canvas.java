package dev.paperdesk.engine.report.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Drawing on one page in points from the bottom-left corner: text (left, right or centre aligned),
 * lines, rectangles and polygons. Wraps PDFBox's content stream so charts and tables never deal with
 * its checked exceptions or text-mode bookkeeping.
 */
public final class Canvas {
    private final PDPageContentStream cs;
    private final ReportFonts fonts;

    Canvas(PDPageContentStream cs, ReportFonts fonts) {
        this.cs = cs;
        this.fonts = fonts;
    }

    /** Horizontal alignment of text and table cells. */
    public enum Align {
        LEFT,
        RIGHT,
        CENTER
    }

    public ReportFonts fonts() {
        return fonts;
    }

    public float width(PDType0Font font, String text, float size) {
        return fonts.width(font, text, size);
    }

    /** Draws {@code text} with its baseline at {@code y}, anchored at {@code x} per {@code align}. */
    public void text(float x, float y, PDType0Font font, float size, Color color, Align align, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String printable = fonts.printable(font, text);
        float w = fonts.width(font, printable, size);
        float left =
                switch (align) {
                    case LEFT -> x;
                    case RIGHT -> x - w;
                    case CENTER -> x - w / 2;
                };
        try {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(left, y);
            cs.showText(printable);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text rotated a quarter turn anticlockwise, centred on {@code (x, y)} (for vertical axis titles). */
    public void verticalText(float x, float y, PDType0Font font, float size, Color color, String text) {
        String printable = fonts.printable(font, text);
        float w = fonts.width(font, printable, size);
        try {
            cs.beginText();
            cs.setFont(font, size);
            cs.setNonStrokingColor(color);
            cs.setTextMatrix(new org.apache.pdfbox.util.Matrix(0, 1, -1, 0, x, y - w / 2));
            cs.showText(printable);
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text} cut with an ellipsis so that it fits {@code maxWidth}. */
    public String fit(PDType0Font font, float size, String text, float maxWidth) {
        if (text == null || fonts.width(font, text, size) <= maxWidth) {
            return text;
        }
        String ellipsis = "\u2026";
        int end = text.length();
        while (end > 0 && fonts.width(font, text.substring(0, end) + ellipsis, size) > maxWidth) {
            end--;
        }
        return text.substring(0, end) + ellipsis;
    }

    public void line(float x1, float y1, float x2, float y2, Color color, float width) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dashed line, for markers and reference levels. */
    public void dashed(float x1, float y1, float x2, float y2, Color color, float width) {
        try {
            cs.setLineDashPattern(new float[] {3, 2}, 0);
            line(x1, y1, x2, y2, color, width);
            cs.setLineDashPattern(new float[0], 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void fillRect(float x, float y, float w, float h, Color color) {
        try {
            cs.setNonStrokingColor(color);
            cs.addRect(x, y, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void strokeRect(float x, float y, float w, float h, Color color, float width) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.addRect(x, y, w, h);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connected line through the points; NaN points break the line. */
    public void polyline(float[] xs, float[] ys, Color color, float width) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.setLineJoinStyle(1);
            boolean pen = false;
            boolean any = false;
            for (int i = 0; i < xs.length; i++) {
                if (Float.isNaN(ys[i])) {
                    pen = false;
                    continue;
                }
                if (pen) {
                    cs.lineTo(xs[i], ys[i]);
                } else {
                    cs.moveTo(xs[i], ys[i]);
                    pen = true;
                }
                any = true;
            }
            if (any) {
                cs.stroke();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled polygon. */
    public void fillPolygon(float[] xs, float[] ys, Color color) {
        if (xs.length < 3) {
            return;
        }
        try {
            cs.setNonStrokingColor(color);
            cs.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                cs.lineTo(xs[i], ys[i]);
            }
            cs.closePath();
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restricts drawing to a rectangle until {@link #restore()}. */
    public void clip(float x, float y, float w, float h) {
        try {
            cs.saveGraphicsState();
            cs.addRect(x, y, w, h);
            cs.clip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void restore() {
        try {
            cs.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
