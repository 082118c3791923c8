package dev.paperdesk.desktop.common;

import dev.paperdesk.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;

/**
 * Exports what a table shows to CSV (UTF-8, RFC 4180 quoting; numbers with '.' and no grouping, times in
 * ISO-8601 UTC; other cells as displayed), written
 * to a temporary file and moved into place so a failure never leaves half a file.
 */
public final class TableExport {
    private TableExport() {}

    /** Adds "Export CSV…" to the table's context menu. */
    public static void install(TableView<?> table, String defaultName) {
        MenuItem export = new MenuItem("Export CSV\u2026");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + defaultName);
            chooser.setInitialFileName(defaultName + ".csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
            var file = chooser.showSaveDialog(table.getScene().getWindow());
            if (file != null) {
                try {
                    write(table, file.toPath());
                } catch (IOException ex) {
                    Dialogs.error(
                            table.getScene().getWindow(),
                            "Export failed",
                            "Could not write " + file + ": " + ex.getMessage());
                }
            }
        });
        ContextMenu menu = table.getContextMenu() == null ? new ContextMenu() : table.getContextMenu();
        menu.getItems().add(export);
        table.setContextMenu(menu);
    }

    /** Writes the table's visible columns and rows as CSV to {@code target}, atomically. */
    public static <R> void write(TableView<R> table, Path target) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (TableColumn<R, ?> c : table.getVisibleLeafColumns()) {
            header.add(c.getText());
        }
        lines.add(header);
        for (R row : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (TableColumn<R, ?> c : table.getVisibleLeafColumns()) {
                cells.add(cellText(c, row));
            }
            lines.add(cells);
        }
        writeCsv(lines, target);
    }

    @SuppressWarnings("unchecked")
    private static <R, T> String cellText(TableColumn<R, T> column, R row) {
        T value = column.getCellObservableValue(row) == null
                ? null
                : column.getCellObservableValue(row).getValue();
        if (value == null) {
            return "";
        }
        // Raw, locale-independent values: spreadsheets parse them; the display format is for eyes.
        if (value instanceof java.math.BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.time.Instant t) {
            return t.toString();
        }
        if (value instanceof Double d) {
            return d.isNaN() ? "" : Double.toString(d);
        }
        Object format = column.getUserData();
        if (format instanceof Function<?, ?> f) {
            return String.valueOf(((Function<T, String>) f).apply(value));
        }
        return String.valueOf(value);
    }

    /** RFC 4180 CSV with CRLF line ends, written completely or not at all. */
    public static void writeCsv(List<List<String>> lines, Path target) throws IOException {
        AtomicFiles.writeText(target, w -> {
            for (List<String> line : lines) {
                for (int i = 0; i < line.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(quote(line.get(i)));
                }
                w.write("\r\n");
            }
        });
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
