package dev.paperdesk.desktop.strategies;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.engine.strategy.runner.StrategyStatus;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The strategies view: running strategies on the left, the YAML editor with its problems on the right. */
public final class StrategiesView extends SplitPane {
    private final Timeline refresh;

    public StrategiesView(StrategiesViewModel vm) {
        setId("strategiesView");
        TableView<StrategyStatus> table = new TableView<>(vm.statuses());
        table.setId("strategiesTable");
        table.getColumns()
                .setAll(List.of(
                        Columns.text("Strategy", StrategyStatus::name, s -> s),
                        Columns.text("State", StrategyStatus::state, Object::toString),
                        Columns.number("P&L (USD)", StrategyStatus::pnl, v -> String.format(Locale.ROOT, "%,.2f", v)),
                        Columns.number("Fills", StrategyStatus::fills, Object::toString),
                        Columns.text("Error", StrategyStatus::error, s -> s)));
        Button pause = action("strategyPause", "Pause", table, vm::pause);
        Button resume = action("strategyResume", "Resume", table, vm::resume);
        Button stop = action("strategyStop", "Stop", table, vm::stop);
        Label message = new Label();
        message.setId("strategiesMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox left = new VBox(8, new Label("Running strategies"), table, new HBox(8, pause, resume, stop), message);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(10));

        ComboBox<String> templates = new ComboBox<>(vm.templates());
        templates.setId("strategyTemplate");
        templates.valueProperty().bindBidirectional(vm.templateProperty());
        Button clone = new Button("Clone template");
        clone.setId("strategyClone");
        clone.setOnAction(e -> vm.cloneTemplate());
        TextArea editor = new TextArea();
        editor.setId("strategyEditor");
        editor.setStyle("-fx-font-family: monospace;");
        editor.textProperty().bindBidirectional(vm.sourceProperty());
        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("strategyProblems");
        problems.setPrefHeight(120);
        TextField capital = new TextField();
        capital.setId("strategyCapital");
        capital.textProperty().bindBidirectional(vm.capitalProperty());
        Button start = new Button("Start on the live market");
        start.setId("strategyStart");
        start.setOnAction(e -> vm.start());
        VBox right = new VBox(
                8,
                new HBox(8, templates, clone),
                editor,
                new Label("Problems"),
                problems,
                new HBox(8, new Label("Capital (USD)"), capital, start));
        VBox.setVgrow(editor, Priority.ALWAYS);
        right.setPadding(new Insets(10));
        getItems().setAll(left, right);
        setDividerPositions(0.45);

        refresh = new Timeline(new KeyFrame(Duration.millis(500), e -> vm.refresh()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                refresh.stop();
            }
        });
    }

    private static Button action(
            String id, String text, TableView<StrategyStatus> table, Consumer<StrategyStatus> act) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        b.setOnAction(e -> act.accept(table.getSelectionModel().getSelectedItem()));
        return b;
    }

    /** Stops the status timer (when the window closes). */
    public void dispose() {
        refresh.stop();
    }
}
