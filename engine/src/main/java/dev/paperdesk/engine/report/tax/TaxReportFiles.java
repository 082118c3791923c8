package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.report.ExportOptions;
import dev.paperdesk.engine.report.csv.CsvTableWriter;
import dev.paperdesk.engine.report.pdf.TaxReportPdf;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Writes a tax report as PDF, Form 8949-like CSV or TXF, chosen by the file's extension, atomically. */
public final class TaxReportFiles {
    /** Output formats of the tax report. */
    public enum Format {
        PDF,
        CSV,
        TXF
    }

    private TaxReportFiles() {}

    /**
     * The format for {@code file}'s extension.
     *
     * @throws IllegalArgumentException naming the file when the extension is not .pdf, .csv or .txf
     */
    public static Format formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Format f : Format.values()) {
            if (name.endsWith("." + f.name().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "cannot tell the format of " + file + ": the file name must end in .pdf, .csv or .txf");
    }

    public static void write(TaxReport report, Path file, Clock clock, ExportOptions options) {
        switch (formatOf(file)) {
            case PDF -> AtomicFiles.writeUnchecked(file, out -> TaxReportPdf.write(report, clock, out));
            case CSV -> AtomicFiles.writeUnchecked(
                    file, out -> CsvTableWriter.write(Form8949Table.of(report), out, options));
            case TXF -> AtomicFiles.writeUnchecked(
                    file,
                    out -> TxfWriter.write(
                            report, clock.instant().atZone(report.zone()).toLocalDate(), "Paperdesk", out));
        }
    }
}
