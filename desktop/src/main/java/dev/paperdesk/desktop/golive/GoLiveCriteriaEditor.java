package dev.paperdesk.desktop.golive;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The editor of the go-live criteria: a switch per criterion ({@code #goLiveCriterionOn-KEY}) and a
 * threshold field for the numeric ones ({@code #goLiveCriterion-KEY}); edits apply as they are typed.
 */
public final class GoLiveCriteriaEditor extends VBox {
    public GoLiveCriteriaEditor(GoLiveCriteriaForm form) {
        super(6);
        setId("goLiveCriteria");
        Label title = new Label("Criteria (saved with the workspace)");
        title.getStyleClass().add("text-muted");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int r = 0;
        for (GoLiveCriteriaForm.Row row : form.rows()) {
            CheckBox on = new CheckBox(row.name());
            on.setId("goLiveCriterionOn-" + row.key());
            on.selectedProperty().bindBidirectional(row.enabledProperty());
            Label comparison = new Label(row.hasThreshold() ? row.comparison() : "");
            if (row.hasThreshold()) {
                TextField threshold = new TextField();
                threshold.setId("goLiveCriterion-" + row.key());
                threshold.setPrefColumnCount(6);
                threshold.setAlignment(Pos.CENTER_RIGHT);
                threshold.textProperty().bindBidirectional(row.thresholdProperty());
                threshold.disableProperty().bind(row.enabledProperty().not());
                on.setMnemonicParsing(false);
                grid.addRow(r++, on, comparison, threshold, new Label(row.unit().suffix()));
            } else {
                on.setMnemonicParsing(false);
                grid.addRow(r++, on);
            }
        }
        Label problem = new Label();
        problem.setId("goLiveCriteriaProblem");
        problem.getStyleClass().add("ticket-error");
        problem.textProperty().bind(form.problemProperty());
        problem.visibleProperty().bind(form.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        Button reset = new Button("Reset to _defaults");
        reset.setId("goLiveCriteriaReset");
        reset.setOnAction(e -> form.resetToDefaults());
        getChildren().setAll(title, grid, problem, new HBox(reset));
    }
}
