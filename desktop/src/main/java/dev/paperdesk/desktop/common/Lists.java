package dev.paperdesk.desktop.common;

import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableList;

/**
 * Updates an observable list to new contents with the fewest changes, so tables keep their scroll and
 * unchanged rows. A replaced row drops the table's selection: {@link KeptSelection} chooses it again.
 */
public final class Lists {
    private Lists() {}

    public static <T> void replace(ObservableList<T> target, List<T> next) {
        int common = Math.min(target.size(), next.size());
        for (int i = 0; i < common; i++) {
            if (!Objects.equals(target.get(i), next.get(i))) {
                target.set(i, next.get(i));
            }
        }
        if (target.size() > next.size()) {
            target.remove(next.size(), target.size());
        } else if (next.size() > common) {
            target.addAll(next.subList(common, next.size()));
        }
    }
}
