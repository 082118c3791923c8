package dev.paperdesk.desktop.settings;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.settings.FillModelSettingsViewModel.ScopeRow;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The "Fill model" settings page: the scopes in force (defaults first), an editor for one scope
 * whose fields take model specs (with presets), the seed, and the model assumptions as reports
 * print them.
 */
public final class FillModelSettingsView extends VBox {
    public FillModelSettingsView(FillModelSettingsViewModel vm) {
        setId("fillModelSettings");
        setSpacing(8);
        setPadding(new Insets(10));

        Label title = new Label("Fill models");
        title.getStyleClass().add("title-3");
        Label intro = new Label("The models in force per venue and asset class; the most specific scope wins"
                + " (venue/CLASS, then venue/*, then */CLASS, then *). Changes apply to new orders.");
        intro.setWrapText(true);
        intro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // wrapped onto a second line, not cut
        intro.getStyleClass().add("text-muted");

        TableView<ScopeRow> table = new TableView<>(vm.scopes());
        table.setId("fillModelScopes");
        table.getColumns()
                .setAll(List.<TableColumn<ScopeRow, ?>>of(
                        Columns.text("Scope", ScopeRow::scope, s -> s),
                        Columns.longText("Fill", ScopeRow::fill, s -> s),
                        Columns.longText("Slippage", ScopeRow::slippage, s -> s),
                        Columns.longText("Latency", ScopeRow::latency, s -> s),
                        Columns.longText("Fees", ScopeRow::fee, s -> s),
                        Columns.longText("Queue", ScopeRow::queue, s -> s)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        int[] widths = {110, 110, 230, 200, 330, 120};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]);
            table.getColumns().get(i).setMinWidth(70);
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b);
            }
        });
        if (!vm.scopes().isEmpty()) {
            table.getSelectionModel().select(0);
        }
        TableExport.install(table, "fill-models");

        ComboBox<String> venue = combo("settingsVenue", vm.venues(), vm.venueProperty());
        ComboBox<String> assetClass = combo("settingsAssetClass", vm.assetClasses(), vm.assetClassProperty());
        ComboBox<String> fill = combo("settingsFill", FillModelSettingsViewModel.fillPresets(), vm.fillProperty());
        ComboBox<String> slippage =
                combo("settingsSlippage", FillModelSettingsViewModel.slippagePresets(), vm.slippageProperty());
        ComboBox<String> latency =
                combo("settingsLatency", FillModelSettingsViewModel.latencyPresets(), vm.latencyProperty());
        ComboBox<String> fee = combo("settingsFee", FillModelSettingsViewModel.feePresets(), vm.feeProperty());
        ComboBox<String> queue = combo("settingsQueue", FillModelSettingsViewModel.queuePresets(), vm.queueProperty());
        TextField seed = new TextField();
        seed.setId("settingsSeed");
        seed.textProperty().bindBidirectional(vm.seedProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, new Label("Venue"), venue);
        form.addRow(1, new Label("Asset class"), assetClass);
        form.addRow(2, new Label("Fill"), fill);
        form.addRow(3, new Label("Slippage"), slippage);
        form.addRow(4, new Label("Latency"), latency);
        form.addRow(5, new Label("Fees"), fee);
        form.addRow(6, new Label("Queue"), queue);
        form.addRow(7, new Label("Seed"), seed);

        Label validation = new Label();
        validation.setId("settingsValidation");
        validation.getStyleClass().add("ticket-validation");
        validation.setWrapText(true);
        validation.textProperty().bind(vm.validationProperty());
        Label status = new Label();
        status.setId("settingsStatus");
        status.textProperty().bind(vm.statusProperty());

        Button apply = new Button("Apply to this scope");
        apply.setId("settingsApply");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(vm.validationProperty().isNotEmpty());
        apply.setOnAction(e -> vm.apply());
        Button remove = new Button("Remove override");
        remove.setId("settingsRemove");
        remove.setOnAction(e -> vm.removeSelected());
        HBox buttons = new HBox(8, apply, remove, status);

        TextArea assumptions = new TextArea();
        assumptions.setId("modelAssumptions");
        assumptions.setEditable(false);
        assumptions.textProperty().bind(vm.assumptionsProperty());
        assumptions.setStyle("-fx-font-family: monospace;");

        VBox editor = new VBox(8, form, validation, buttons);
        SplitPane lower = new SplitPane(editor, assumptions);
        lower.setDividerPositions(0.5);
        VBox.setVgrow(lower, Priority.ALWAYS);
        table.setPrefHeight(160);
        getChildren().setAll(title, intro, table, lower);
    }

    private static ComboBox<String> combo(String id, List<String> presets, javafx.beans.property.StringProperty value) {
        ComboBox<String> c = new ComboBox<>();
        c.getItems().setAll(presets);
        c.setEditable(true);
        c.setId(id);
        c.setMaxWidth(Double.MAX_VALUE);
        c.getEditor().textProperty().bindBidirectional(value);
        c.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(value.get())) {
                value.set(b);
            }
        });
        return c;
    }
}
