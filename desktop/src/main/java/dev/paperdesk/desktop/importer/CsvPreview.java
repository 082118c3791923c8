package dev.paperdesk.desktop.importer;

import dev.paperdesk.engine.market.history.HeaderMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The first rows of a delimited file as written, split into cells, with their line numbers: what
 * the user maps columns against. Quoted cells may hold the delimiter and doubled quotes; a quoted
 * line break is not followed (the preview shows single lines, the importer reads the real thing).
 *
 * @param columns a title per column: the header's name and its 1-based position, or the position alone
 */
public record CsvPreview(List<String> columns, List<RawRow> rows) {
    /** One line of the file and its cells; {@code line} counts from 1 and includes the header. */
    public record RawRow(long line, List<String> cells) {
        public RawRow {
            cells = List.copyOf(cells);
        }

        /** The cell at a 0-based index, or "" when the row is shorter. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    public static final CsvPreview EMPTY = new CsvPreview(List.of(), List.of());

    public CsvPreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * Reads the header (per {@code header}; {@code DETECT} takes a first row whose first cell does
     * not start with a digit as one) and up to {@code maxRows} data rows, skipping blank lines.
     */
    public static CsvPreview read(Path file, char delimiter, HeaderMode header, int maxRows) throws IOException {
        Objects.requireNonNull(header, "header");
        List<String> names = null;
        List<RawRow> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while (rows.size() < maxRows && (text = in.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1); // byte-order mark of spreadsheet exports
                }
                if (text.isBlank()) {
                    continue;
                }
                List<String> cells = split(text, delimiter);
                if (names == null && rows.isEmpty() && isHeader(cells, header)) {
                    names = cells;
                } else {
                    rows.add(new RawRow(line, cells));
                }
            }
        }
        int width = names == null ? 0 : names.size();
        for (RawRow r : rows) {
            width = Math.max(width, r.cells().size());
        }
        List<String> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String name = names != null && i < names.size() ? names.get(i).trim() : "";
            columns.add(name.isEmpty() ? Integer.toString(i + 1) : name + " (" + (i + 1) + ")");
        }
        return new CsvPreview(columns, rows);
    }

    private static boolean isHeader(List<String> cells, HeaderMode mode) {
        return switch (mode) {
            case PRESENT -> true;
            case ABSENT -> false;
            case DETECT -> {
                String first = cells.isEmpty() ? "" : cells.get(0).trim();
                yield first.isEmpty() || !Character.isDigit(first.charAt(0));
            }
        };
    }

    /** Splits one line into cells, honouring double quotes (RFC 4180). */
    static List<String> split(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
