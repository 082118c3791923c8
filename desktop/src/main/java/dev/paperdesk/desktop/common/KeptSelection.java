package dev.paperdesk.desktop.common;

import java.util.Objects;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * Keeps a table's chosen row chosen while a refresh replaces rows. A row whose figures move is a new
 * (immutable) row object, and replacing it clears the table's selection, so buttons bound to the
 * selection (Cancel, Pause, Stop) would lose their target at every refresh. The chosen row is
 * remembered by its key and chosen again after each change; a row the user deselects stays
 * deselected.
 */
public final class KeptSelection<T> {
    private final TableView<T> table;
    private final Function<T, ?> key;
    private Object chosen;
    private boolean changing;

    private KeptSelection(TableView<T> table, Function<T, ?> key) {
        this.table = table;
        this.key = key;
    }

    /**
     * Gives {@code table} its {@code items} and keeps its chosen row by {@code key}. Call it instead
     * of {@code setItems}: the listener that notes a change must run before the table's own.
     */
    public static <T> KeptSelection<T> attach(TableView<T> table, ObservableList<T> items, Function<T, ?> key) {
        KeptSelection<T> kept = new KeptSelection<>(table, key);
        // listeners are called in the order they were added: this one before the table's
        items.addListener((ListChangeListener<T>) c -> kept.changing = true);
        table.setItems(items);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                kept.chosen = key.apply(b);
            } else if (!kept.changing) {
                kept.chosen = null; // deselected by the user
            }
        });
        items.addListener((ListChangeListener<T>) c -> kept.restore());
        return kept;
    }

    private void restore() {
        changing = false;
        if (chosen == null) {
            return;
        }
        T now = table.getSelectionModel().getSelectedItem();
        if (now != null && Objects.equals(key.apply(now), chosen)) {
            return;
        }
        ObservableList<T> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (Objects.equals(key.apply(items.get(i)), chosen)) {
                table.getSelectionModel().select(i);
                return;
            }
        }
        chosen = null; // the row is gone
    }
}
