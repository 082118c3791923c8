package dev.paperdesk.engine.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report fonts, embedded (subset) into one document from the classpath: DejaVu Sans, DejaVu Sans
 * Bold and DejaVu Sans Mono. Text a font has no glyph for is drawn with '?' instead of failing.
 */
public final class ReportFonts {
    static final String BASE = "/dev/paperdesk/engine/fonts/";

    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDType0Font mono;
    private final Map<PDType0Font, Map<Integer, Boolean>> coverage = new HashMap<>();

    ReportFonts(PDDocument document) {
        this.regular = load(document, "DejaVuSans.ttf");
        this.bold = load(document, "DejaVuSans-Bold.ttf");
        this.mono = load(document, "DejaVuSansMono.ttf");
    }

    private static PDType0Font load(PDDocument document, String name) {
        try (InputStream in = ReportFonts.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + BASE + name + " is missing from the classpath");
            }
            return PDType0Font.load(document, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + name + ": " + e.getMessage(), e);
        }
    }

    public PDType0Font regular() {
        return regular;
    }

    public PDType0Font bold() {
        return bold;
    }

    public PDType0Font mono() {
        return mono;
    }

    /** {@code text} with every character the font cannot draw replaced by '?'. */
    String printable(PDType0Font font, String text) {
        Map<Integer, Boolean> known = coverage.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder sb = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            boolean ok = known.computeIfAbsent(cp, c -> canEncode(font, c));
            if (!ok && sb == null) {
                sb = new StringBuilder(text.substring(0, i));
            }
            if (sb != null) {
                if (ok) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append('?');
                }
            }
            i += Character.charCount(cp);
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean canEncode(PDType0Font font, int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Width of {@code text} at {@code size} points. */
    float width(PDType0Font font, String text, float size) {
        try {
            return font.getStringWidth(printable(font, text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
