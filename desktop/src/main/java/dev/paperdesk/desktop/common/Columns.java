package dev.paperdesk.desktop.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Builds table columns from row accessors, with one formatter and optional P&amp;L colouring. */
public final class Columns {

    private Columns() {}

    /**
     * The width a header needs to show its title whole: the text in the bold header font, plus the
     * cell padding and room for the sort arrow.
     */
    public static double headerWidth(String title) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(title);
        t.setFont(javafx.scene.text.Font.font(
                javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD,
                javafx.scene.text.Font.getDefault().getSize() + 1));
        return Math.ceil(t.getLayoutBounds().getWidth()) + 30;
    }

    /**
     * Keeps every column at least as wide as its header needs (and {@code floor}), so that a
     * constrained table squeezes the values' free space, never a title into "Starting bal...".
     */
    public static void headersWhole(javafx.scene.control.TableView<?> table, double floor) {
        for (TableColumn<?, ?> column : table.getColumns()) {
            column.setMinWidth(Math.max(floor, headerWidth(column.getText())));
        }
    }

    /** A left-aligned text column. */
    public static <R, T> TableColumn<R, T> text(String title, Function<R, T> value, Function<T, String> format) {
        return column(title, value, format, null, Pos.CENTER_LEFT, false);
    }

    /**
     * A left-aligned text column for values that may be longer than the column (a model specification, a
     * message): each cell carries its whole text as tooltip, so a value cut to "…" can still be read.
     */
    public static <R, T> TableColumn<R, T> longText(String title, Function<R, T> value, Function<T, String> format) {
        return column(title, value, format, null, Pos.CENTER_LEFT, true);
    }

    /**
     * A left-aligned instrument column: cells show {@link Formats#instrument(String) the compact label}
     * with the full id as tooltip, and exports and the copy carry the full id. A label wider than the
     * column wraps at its spaces rather than being cut, so a narrow blotter still tells the contracts of
     * one underlying apart by expiry, strike and right.
     */
    public static <R> TableColumn<R, String> instrument(String title, Function<R, String> value) {
        TableColumn<R, String> c = column(title, value, s -> s, null, Pos.CENTER_LEFT, false);
        c.setCellFactory(col -> new TableCell<>() {
            private final javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();

            {
                setWrapText(true);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText(Formats.instrument(item));
                    tip.setText(item);
                    setTooltip(tip);
                    setAlignment(Pos.CENTER_LEFT);
                }
            }
        });
        return c;
    }

    /** A right-aligned numeric column. */
    public static <R, T> TableColumn<R, T> number(String title, Function<R, T> value, Function<T, String> format) {
        return column(title, value, format, null, Pos.CENTER_RIGHT, false);
    }

    /** A right-aligned numeric column coloured by {@code styleClass} (e.g. P&amp;L sign). */
    public static <R, T> TableColumn<R, T> styled(
            String title, Function<R, T> value, Function<T, String> format, Function<T, String> styleClass) {
        return column(title, value, format, styleClass, Pos.CENTER_RIGHT, false);
    }

    private static <R, T> TableColumn<R, T> column(
            String title,
            Function<R, T> value,
            Function<T, String> format,
            Function<T, String> styleClass,
            Pos align,
            boolean tooltip) {
        TableColumn<R, T> c = new TableColumn<>(title);
        c.setCellValueFactory(
                cd -> new ReadOnlyObjectWrapper<>(cd.getValue() == null ? null : value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            /** The class this cell added for its previous item: cells are reused across rows. */
            private String applied;

            private final javafx.scene.control.Tooltip tip = tooltip ? new javafx.scene.control.Tooltip() : null;

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String next = null;
                if (empty || item == null) {
                    setText(null);
                    if (tip != null) {
                        setTooltip(null);
                    }
                } else {
                    String text = format.apply(item);
                    setText(text);
                    setAlignment(align);
                    next = styleClass == null ? null : styleClass.apply(item);
                    if (tip != null) {
                        tip.setText(text);
                        setTooltip(text == null || text.isEmpty() ? null : tip);
                    }
                }
                // Touch the style classes only when the class changes: each change re-styles the cell.
                if (!java.util.Objects.equals(next, applied)) {
                    if (applied != null) {
                        getStyleClass().remove(applied);
                    }
                    if (next != null) {
                        getStyleClass().add(next);
                    }
                    applied = next;
                }
            }
        });
        c.setUserData(format);
        return c;
    }
}
