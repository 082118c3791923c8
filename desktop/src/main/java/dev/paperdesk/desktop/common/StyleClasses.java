package dev.paperdesk.desktop.common;

import java.util.List;
import javafx.collections.ObservableList;

/**
 * Sets one style class out of a family on a node, touching the node's style classes only when the
 * choice changes.
 *
 * <p>Every change to a node's style classes makes JavaFX re-match all style sheets for it. A cell
 * that removed and re-added its colour class on each update re-styled itself twice per quote; at
 * ×1000 with a hundred rows that was most of the JavaFX thread's time.
 */
public final class StyleClasses {
    /** The sign classes of P&amp;L values: {@code pnl-positive}, {@code pnl-negative}, {@code pnl-zero}. */
    public static final List<String> PNL = List.of("pnl-positive", "pnl-negative", "pnl-zero");

    private StyleClasses() {}

    /**
     * Leaves exactly {@code chosen} (or none when it is null) of {@code family} in {@code classes};
     * does nothing when that is already so.
     */
    public static void exclusive(ObservableList<String> classes, List<String> family, String chosen) {
        boolean ok = chosen == null || classes.contains(chosen);
        if (ok) {
            for (String s : family) {
                if (!s.equals(chosen) && classes.contains(s)) {
                    ok = false;
                    break;
                }
            }
        }
        if (ok) {
            return;
        }
        classes.removeIf(s -> family.contains(s) && !s.equals(chosen));
        if (chosen != null && !classes.contains(chosen)) {
            classes.add(chosen);
        }
    }
}
