package dev.paperdesk.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named table of typed cells, the common form of every export: CSV and JSON writers turn it into
 * files, so any producer (account records today, backtest, Monte Carlo and optimisation results
 * later) gets both formats by building one.
 *
 * <p>A cell is {@code null} (empty), a {@code String}, {@code BigDecimal}, {@code Long}, {@code
 * Integer}, {@code Double} ({@code NaN} and infinities become empty / JSON null), {@code Boolean},
 * an enum, {@code Instant} (ISO-8601 with the zone of the options), {@code LocalDate}, {@code
 * Duration} (ISO-8601, e.g. {@code PT36H}) or a {@code List} of {@code Map<String, Object>} for nested
 * records (a JSON array of objects; in CSV one cell, records separated by {@code " | "}).
 *
 * @param name the export's name, e.g. {@code fills}
 * @param metadata a few descriptive key/values (workspace, portfolio, method...), written as the JSON
 *     object's first keys and not in CSV
 * @param columns column keys in order: snake_case, the CSV header and the JSON keys
 * @param rows one list of cells per row, as many cells as columns
 */
public record ExportTable(String name, Map<String, Object> metadata, List<String> columns, List<List<Object>> rows) {
    public ExportTable {
        Objects.requireNonNull(name, "name");
        metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        name + " row " + (i + 1) + " has " + row.size() + " cells for " + columns.size() + " columns");
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = java.util.Collections.unmodifiableList(copy);
    }

    /** Builds a table row by row. */
    public static Builder builder(String name, String... columns) {
        return new Builder(name, List.of(columns));
    }

    /** The cell of {@code row} under {@code column}. */
    public Object cell(int row, String column) {
        int c = columns.indexOf(column);
        if (c < 0) {
            throw new IllegalArgumentException(name + " has no column " + column);
        }
        return rows.get(row).get(c);
    }

    /** Collects metadata and rows for an {@link ExportTable}. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        public Builder meta(String key, Object value) {
            metadata.put(key, value);
            return this;
        }

        public Builder row(Object... cells) {
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }

        public ExportTable build() {
            return new ExportTable(name, metadata, columns, rows);
        }
    }
}
