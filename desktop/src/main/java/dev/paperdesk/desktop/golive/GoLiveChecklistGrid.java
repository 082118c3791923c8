package dev.paperdesk.desktop.golive;

import dev.paperdesk.engine.optimize.GoLiveChecklist;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/**
 * A go-live checklist as a grid: criterion, actual figure, threshold and a PASS/FAIL mark with the
 * id {@code #PREFIX-KEY}.
 */
public final class GoLiveChecklistGrid extends GridPane {
    /**
     * @param actualHeader the heading of the figures column ("Best run", "Portfolio")
     * @param idPrefix the prefix of each mark's id
     */
    public GoLiveChecklistGrid(GoLiveChecklist list, String actualHeader, String idPrefix) {
        setHgap(16);
        setVgap(6);
        setAlignment(Pos.TOP_LEFT);
        addRow(0, header("Criterion"), header(actualHeader), header("Threshold"), header("Result"));
        int r = 1;
        for (GoLiveChecklist.Item item : list.items()) {
            Label result = new Label(item.passed() ? "\u2714 PASS" : "\u2718 FAIL");
            result.setId(idPrefix + "-" + item.key());
            result.getStyleClass().add(item.passed() ? "check-pass" : "check-fail");
            addRow(r++, new Label(item.name()), new Label(item.actualText()), new Label(item.thresholdText()), result);
        }
        if (list.items().isEmpty()) {
            addRow(1, new Label("Every criterion is switched off."));
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heat-header");
        return l;
    }
}
