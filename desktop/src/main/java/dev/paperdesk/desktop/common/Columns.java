package dev.paperdesk.desktop.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Builds table columns from row accessors, with one formatter and optional P&amp;L colouring. */
public final class Columns {
    private Columns() {}

    /** A left-aligned text column. */
    public static <R, T> TableColumn<R, T> text(String title, Function<R, T> value, Function<T, String> format) {
        return column(title, value, format, null, Pos.CENTER_LEFT);
    }

    /** A right-aligned numeric column. */
    public static <R, T> TableColumn<R, T> number(String title, Function<R, T> value, Function<T, String> format) {
        return column(title, value, format, null, Pos.CENTER_RIGHT);
    }

    /** A right-aligned numeric column coloured by {@code styleClass} (e.g. P&amp;L sign). */
    public static <R, T> TableColumn<R, T> styled(
            String title, Function<R, T> value, Function<T, String> format, Function<T, String> styleClass) {
        return column(title, value, format, styleClass, Pos.CENTER_RIGHT);
    }

    private static <R, T> TableColumn<R, T> column(
            String title, Function<R, T> value, Function<T, String> format, Function<T, String> styleClass, Pos align) {
        TableColumn<R, T> c = new TableColumn<>(title);
        c.setCellValueFactory(
                cd -> new ReadOnlyObjectWrapper<>(cd.getValue() == null ? null : value.apply(cd.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            /** The class this cell added for its previous item: cells are reused across rows. */
            private String applied;

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("pnl-positive", "pnl-negative", "pnl-zero");
                if (applied != null) {
                    getStyleClass().remove(applied);
                    applied = null;
                }
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(format.apply(item));
                setAlignment(align);
                if (styleClass != null) {
                    applied = styleClass.apply(item);
                    getStyleClass().add(applied);
                }
            }
        });
        c.setUserData(format);
        return c;
    }
}
