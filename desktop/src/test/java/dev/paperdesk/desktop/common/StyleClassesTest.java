package dev.paperdesk.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class StyleClassesTest {
    private final ObservableList<String> classes = FXCollections.observableArrayList("table-cell");
    private final AtomicInteger changes = new AtomicInteger();

    StyleClassesTest() {
        classes.addListener((ListChangeListener<String>) c -> changes.incrementAndGet());
    }

    @Test
    void choosingTheSameClassAgainLeavesTheListUntouched() {
        StyleClasses.exclusive(classes, StyleClasses.PNL, "pnl-positive");
        int afterFirst = changes.get();
        StyleClasses.exclusive(classes, StyleClasses.PNL, "pnl-positive");
        StyleClasses.exclusive(classes, StyleClasses.PNL, "pnl-positive");

        assertThat(afterFirst).isEqualTo(1);
        assertThat(changes.get()).isEqualTo(1);
        assertThat(classes).containsExactly("table-cell", "pnl-positive");
    }

    @Test
    void switchingReplacesTheOtherMemberOfTheFamilyAndKeepsForeignClasses() {
        StyleClasses.exclusive(classes, StyleClasses.PNL, "pnl-positive");
        StyleClasses.exclusive(classes, StyleClasses.PNL, "pnl-negative");

        assertThat(classes).containsExactly("table-cell", "pnl-negative");
    }

    @Test
    void nullClearsTheFamilyAndIsANoOpWhenNothingIsSet() {
        StyleClasses.exclusive(classes, StyleClasses.PNL, null);
        assertThat(changes.get()).isZero();

        StyleClasses.exclusive(classes, StyleClasses.PNL, "pnl-zero");
        StyleClasses.exclusive(classes, StyleClasses.PNL, null);
        assertThat(classes).containsExactly("table-cell");
    }

    @Test
    void duplicatesOfAStaleClassAreAllRemoved() {
        classes.addAll("pnl-negative", "pnl-negative");
        StyleClasses.exclusive(classes, StyleClasses.PNL, "pnl-positive");

        assertThat(classes).containsExactly("table-cell", "pnl-positive");
    }
}
