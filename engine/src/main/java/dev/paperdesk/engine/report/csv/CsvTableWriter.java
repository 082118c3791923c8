package dev.paperdesk.engine.report.csv;

import dev.paperdesk.engine.report.CellText;
import dev.paperdesk.engine.report.ExportOptions;
import dev.paperdesk.engine.report.ExportTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an {@link ExportTable} as CSV per RFC 4180: a header line of the column keys, CRLF line
 * ends, fields quoted when they hold a comma, a quote, CR or LF, quotes doubled inside.
 */
public final class CsvTableWriter {
    /** The UTF-8 byte order mark, for spreadsheets that otherwise guess a legacy code page. */
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvTableWriter() {}

    public static void write(ExportTable table, OutputStream out, ExportOptions options) throws IOException {
        if (options.byteOrderMark()) {
            out.write(BOM);
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writeRecord(w, table.columns());
        for (List<Object> row : table.rows()) {
            writeRecord(w, row.stream().map(c -> CellText.of(c, options.zone())).toList());
        }
        w.flush();
    }

    /** Writes one record of already formatted fields. */
    public static void writeRecord(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** The field as it appears in a record: quoted only when it has to be. */
    public static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
