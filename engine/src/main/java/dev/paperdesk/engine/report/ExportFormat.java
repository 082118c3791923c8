package dev.paperdesk.engine.report;

import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.report.csv.CsvTableWriter;
import dev.paperdesk.engine.report.json.JsonTableWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats of table exports, chosen by the file's extension. */
public enum ExportFormat {
    CSV,
    JSON;

    /**
     * The format for {@code file}'s extension.
     *
     * @throws IllegalArgumentException naming the file when the extension is neither .csv nor .json
     */
    public static ExportFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        throw new IllegalArgumentException(
                "cannot tell the format of " + file + ": the file name must end in .csv or .json");
    }

    /** Writes {@code table} to {@code file} atomically in the format of its extension. */
    public static void write(ExportTable table, Path file, ExportOptions options) {
        switch (of(file)) {
            case CSV -> AtomicFiles.writeUnchecked(file, out -> CsvTableWriter.write(table, out, options));
            case JSON -> AtomicFiles.writeUnchecked(file, out -> JsonTableWriter.write(table, out, options));
        }
    }
}
