package dev.paperdesk.engine.analytics;

import java.nio.file.Path;

/** A CSV file that cannot be read, with the file, line (from 1) and column at fault. */
public final class CsvFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String column;

    public CsvFormatException(Path file, int line, String column, String problem) {
        super(file + ": line " + line + (column == null ? "" : ", column '" + column + "'") + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    /** The column at fault, or null when the problem concerns the whole line. */
    public String column() {
        return column;
    }
}
