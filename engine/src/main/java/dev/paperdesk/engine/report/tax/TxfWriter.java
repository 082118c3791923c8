package dev.paperdesk.engine.report.tax;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Writes a tax report as a Tax Exchange Format file, version 042 (TXF), for import into US tax
 * software.
 *
 * <p>Header: {@code V042}, {@code A<program>}, {@code D<export date>}, {@code ^}. Then one record
 * per line, each ending with {@code ^}: {@code TD} (detail), {@code N321} (short-term, Form 8949 box
 * A: covered, basis reported) or {@code N323} (long-term, box D), {@code C1} (copy), {@code L1}
 * (line), {@code P<description>}, {@code D<date acquired>}, {@code D<date sold>}, {@code $<cost
 * basis>}, {@code $<proceeds>}, and for a wash sale (record format 5) {@code $<disallowed loss>}.
 * Dates are MM/DD/YYYY, amounts have two decimals; lines end with CRLF.
 */
public final class TxfWriter {
    /** Reference number of short-term covered sales (Form 8949 Part I, box A). */
    public static final int SHORT_TERM_COVERED = 321;
    /** Reference number of long-term covered sales (Form 8949 Part II, box D). */
    public static final int LONG_TERM_COVERED = 323;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private TxfWriter() {}

    public static void write(TaxReport report, LocalDate exported, String program, OutputStream out)
            throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.US_ASCII);
        line(w, "V042");
        line(w, "A" + ascii(program));
        line(w, "D" + DATE.format(exported));
        line(w, "^");
        for (TaxLine l : report.lines()) {
            line(w, "TD");
            line(w, "N" + (l.term() == HoldingTerm.LONG_TERM ? LONG_TERM_COVERED : SHORT_TERM_COVERED));
            line(w, "C1");
            line(w, "L1");
            line(w, "P" + ascii(l.description()));
            line(w, "D" + DATE.format(l.acquired()));
            line(w, "D" + DATE.format(l.sold()));
            line(w, "$" + amount(l.costBasis()));
            line(w, "$" + amount(l.proceeds()));
            if (l.washSale()) {
                line(w, "$" + amount(l.adjustment()));
            }
            line(w, "^");
        }
        w.flush();
    }

    private static String amount(BigDecimal v) {
        return v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** TXF is ASCII: anything else becomes '?', and the record separator '^' cannot appear in text. */
    private static String ascii(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f && c != '^' ? c : '?');
        }
        return sb.toString();
    }

    private static void line(Writer w, String text) throws IOException {
        w.write(text);
        w.write("\r\n");
    }
}
