package dev.paperdesk.desktop.strategies;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.KeptSelection;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.engine.strategy.api.StrategyProblem;
import dev.paperdesk.engine.strategy.runner.StrategyState;
import dev.paperdesk.engine.strategy.runner.StrategyStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * The strategies view: running strategies on the left; on the right the YAML editor (RichTextFX
 * {@code CodeArea}: syntax colouring, line numbers, a gutter marker and an underline on each line the
 * engine's loader finds a problem in) with its problems.
 */
public final class StrategiesView extends SplitPane {
    private final Timeline refresh;
    private final StrategiesViewModel vm;
    private final CodeArea editor;
    private boolean syncing;

    public StrategiesView(StrategiesViewModel vm) {
        this.vm = vm;
        setId("strategiesView");
        TableView<StrategyStatus> table = new TableView<>();
        // a refresh replaces the rows whose P&L moved: Pause, Resume and Stop keep their target
        KeptSelection.attach(table, vm.statuses(), StrategyStatus::id);
        table.setId("strategiesTable");
        table.getColumns()
                .setAll(List.of(
                        Columns.text("Strategy", StrategyStatus::name, s -> s),
                        Columns.text("State", StrategyStatus::state, Object::toString),
                        Columns.styled("P&L (USD)", StrategyStatus::pnl, Formats::signedMoney, Formats::pnlStyleClass),
                        Columns.number("Fills", StrategyStatus::fills, Object::toString),
                        Columns.longText("Error", StrategyStatus::error, s -> s)));
        double[] widths = {150, 80, 110, 60, 220};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
        }
        // the columns share the table's width (the error column takes what is left): no sideways scroll
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.headersWhole(table, 40); // "P&L (USD)" in full, not "P&L (U...
        TableExport.install(table, "strategies");
        Label none = new Label("No strategy running: clone a template, edit it and start it on the live market.");
        none.setWrapText(true);
        table.setPlaceholder(none);
        // each button only where it applies to the chosen strategy's state
        Button pause = action("strategyPause", "Pause", table, vm::pause, s -> s == StrategyState.RUNNING);
        Button resume = action("strategyResume", "Resume", table, vm::resume, s -> s == StrategyState.PAUSED);
        Button stop = action(
                "strategyStop", "Stop", table, vm::stop, s -> s == StrategyState.RUNNING || s == StrategyState.PAUSED);
        Label message = new Label();
        message.setId("strategiesMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        ListView<String> log = new ListView<>(vm.log());
        log.setId("strategyLog");
        log.setPrefHeight(140);
        log.setPlaceholder(new Label("Select a strategy to read its log: orders it skipped and why, its errors,"
                + " and at its stop any rule that never acted."));
        ((Label) log.getPlaceholder()).setWrapText(true);
        log.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                // a warning is a sentence or two: wrapped to the panel's width, not scrolled sideways
                setWrapText(true);
                prefWidthProperty().bind(v.widthProperty().subtract(24));
                setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty || line == null ? null : line);
                setTooltip(empty || line == null ? null : new Tooltip(line));
                getStyleClass().removeAll("log-warn");
                if (!empty && line != null && (line.contains(" WARN ") || line.contains(" ERROR "))) {
                    getStyleClass().add("log-warn");
                }
            }
        });
        vm.log().addListener((ListChangeListener<String>) c -> {
            if (!vm.log().isEmpty()) {
                log.scrollTo(vm.log().size() - 1); // the latest line in view
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && (a == null || a.id() != b.id())) {
                vm.showLog(b); // the log stays when the row is deselected, until another is chosen
            }
        });
        VBox left = new VBox(
                8,
                new Label("Running strategies"),
                table,
                new HBox(8, pause, resume, stop),
                message,
                new Label("Log of the selected strategy"),
                log);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setPadding(new Insets(10));

        ComboBox<String> templates = new ComboBox<>(vm.templates());
        templates.setId("strategyTemplate");
        templates.valueProperty().bindBidirectional(vm.templateProperty());
        Button clone = new Button("Clone template");
        clone.setId("strategyClone");
        clone.setOnAction(e -> vm.cloneTemplate());
        editor = new CodeArea();
        editor.setId("strategyEditor");
        editor.getStyleClass().add("yaml-editor");
        editor.replaceText(vm.sourceProperty().get());
        // Two-way link by hand: CodeArea's text is read-only; the guard stops the echo.
        editor.textProperty().addListener((o, a, b) -> {
            if (!syncing) {
                syncing = true;
                vm.sourceProperty().set(b);
                syncing = false;
            }
            restyle(vm);
        });
        vm.sourceProperty().addListener((o, a, b) -> {
            if (!syncing && !editor.getText().equals(b)) {
                syncing = true;
                editor.replaceText(b == null ? "" : b);
                // A new text (a cloned template) is read from its top.
                editor.moveTo(0);
                editor.showParagraphAtTop(0);
                syncing = false;
            }
        });
        vm.markers().addListener((ListChangeListener<StrategyProblem>) c -> {
            restyle(vm);
            gutter(vm);
        });
        gutter(vm);
        restyle(vm);
        VirtualizedScrollPane<CodeArea> editorPane = new VirtualizedScrollPane<>(editor);
        Label validation = new Label();
        validation.setId("strategyValidation");
        validation.setWrapText(true);
        vm.problems().addListener((ListChangeListener<String>) c -> showValidation(validation, vm));
        showValidation(validation, vm);
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
                editorPane,
                validation,
                new Label("Problems"),
                problems,
                new HBox(8, new Label("Capital (USD)"), capital, start));
        VBox.setVgrow(editorPane, Priority.ALWAYS);
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
            String id,
            String text,
            TableView<StrategyStatus> table,
            Consumer<StrategyStatus> act,
            Predicate<StrategyState> applies) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> {
                            StrategyStatus s = table.getSelectionModel().getSelectedItem();
                            return s == null || !applies.test(s.state());
                        },
                        table.getSelectionModel().selectedItemProperty()));
        b.setOnAction(e -> act.accept(table.getSelectionModel().getSelectedItem()));
        return b;
    }

    /** Colours the YAML and underlines the lines with problems. */
    private void restyle(StrategiesViewModel vm) {
        String text = editor.getText();
        if (text.isEmpty()) {
            return;
        }
        StyleSpansBuilder<Collection<String>> colours = new StyleSpansBuilder<>();
        int at = 0;
        for (YamlHighlighter.Token t : YamlHighlighter.tokens(text)) {
            colours.add(List.of(), t.start() - at);
            colours.add(List.of(t.styleClass()), t.end() - t.start());
            at = t.end();
        }
        colours.add(List.of(), text.length() - at);
        Set<Integer> lines = errorLines(vm);
        StyleSpansBuilder<Collection<String>> errors = new StyleSpansBuilder<>();
        int pos = 0;
        int paragraph = 1;
        for (String line : text.split("\n", -1)) {
            int len = Math.min(line.length() + 1, text.length() - pos);
            errors.add(lines.contains(paragraph) ? List.of("yaml-error") : List.of(), len);
            pos += len;
            paragraph++;
        }
        StyleSpans<Collection<String>> styles = colours.create().overlay(errors.create(), (a, b) -> {
            if (b.isEmpty()) {
                return a;
            }
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        });
        editor.setStyleSpans(0, styles);
    }

    private static Set<Integer> errorLines(StrategiesViewModel vm) {
        Set<Integer> lines = new HashSet<>();
        vm.markers().forEach(p -> lines.add(p.line()));
        return lines;
    }

    /** Line numbers with a marker (dot and tooltip with the loader's message) on lines with problems. */
    private void gutter(StrategiesViewModel vm) {
        IntFunction<Node> numbers = LineNumberFactory.get(editor);
        Map<Integer, String> messages = new HashMap<>();
        vm.markers().forEach(p -> messages.merge(p.line(), p.toString(), (a, b) -> a + "\n" + b));
        editor.setParagraphGraphicFactory(null);
        editor.setParagraphGraphicFactory(index -> {
            Label marker = new Label(" ");
            marker.getStyleClass().add("yaml-marker");
            String message = messages.get(index + 1);
            if (message != null) {
                marker.setText("\u25cf");
                marker.getStyleClass().add("yaml-marker-error");
                marker.setId("strategyMarker-" + (index + 1));
                Tooltip tip = new Tooltip(message);
                marker.setTooltip(tip);
                marker.setUserData(message);
            }
            HBox box = new HBox(marker, numbers.apply(index));
            box.setAlignment(Pos.CENTER_LEFT);
            return box;
        });
    }

    private static void showValidation(Label label, StrategiesViewModel vm) {
        label.getStyleClass().removeAll("ticket-ok", "ticket-error");
        if (vm.problems().isEmpty()) {
            label.setText("Valid: ready to start or backtest.");
            label.getStyleClass().add("ticket-ok");
        } else {
            int n = vm.problems().size();
            label.setText(vm.problems().get(0) + (n > 1 ? "  (+" + (n - 1) + " more)" : ""));
            label.getStyleClass().add("ticket-error");
        }
    }

    /** Stops the status timer and the validation thread (when the window closes). */
    public void dispose() {
        refresh.stop();
        vm.close();
    }
}
