package dev.paperdesk.desktop.portfolio;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.portfolio.PortfolioManagerViewModel.Form;
import dev.paperdesk.desktop.portfolio.PortfolioManagerViewModel.Row;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LimitMode;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.margin.MarginSchedule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The portfolio manager window: every portfolio with its state, and buttons to create, edit
 * settings, clone, top up, reset, archive or restore, and delete (archived only).
 */
public final class PortfolioManagerDialog {
    private final PortfolioManagerViewModel vm;
    private final Stage stage = new Stage();

    public PortfolioManagerDialog(PortfolioManagerViewModel vm, Window owner) {
        this.vm = vm;
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Portfolio manager");

        TableView<Row> table = new TableView<>(vm.rows());
        table.setId("portfolioManagerTable");
        table.getColumns()
                .setAll(List.<TableColumn<Row, ?>>of(
                        Columns.number("Id", r -> r.id().value(), String::valueOf),
                        Columns.text("Name", Row::name, s -> s),
                        Columns.text("Base", Row::baseCurrency, s -> s),
                        Columns.number("Starting balance", Row::startingBalance, Formats::money),
                        Columns.number("Equity", Row::equity, Formats::money),
                        Columns.text("Cost basis", Row::costBasis, s -> s),
                        Columns.text("State", r -> r.archived() ? "archived" : "active", s -> s),
                        Columns.text("Created (UTC)", Row::created, Formats::time),
                        Columns.longText("Description", Row::description, s -> s)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.headersWhole(table, 40);
        table.setPlaceholder(new Label("No portfolios: create one."));
        TableExport.install(table, "portfolios");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty()
                .set(b));

        Button create = button("portfolioNew", "New\u2026", () -> edit(null));
        Button settings =
                button("portfolioSettings", "Settings\u2026", () -> selected().ifPresent(this::edit));
        Button clone = button("portfolioClone", "Clone\u2026", () -> selected()
                .ifPresent(r -> ask("Clone '" + r.name() + "'", "Name of the new portfolio", r.name() + " (copy)")
                        .ifPresent(n -> vm.clonePortfolio(r, n))));
        Button topUp = button("portfolioTopUp", "Top up\u2026", () -> selected()
                .ifPresent(r -> ask("Top up '" + r.name() + "'", "Amount in " + r.baseCurrency(), "100000")
                        .ifPresent(a -> vm.topUp(r, a))));
        Button reset = button("portfolioReset", "Reset", () -> selected().ifPresent(r -> {
            if (confirm(
                    "Reset '" + r.name() + "'?",
                    "Positions are wiped and cash returns to the starting balance of "
                            + Formats.money(r.startingBalance()) + " " + r.baseCurrency()
                            + ". Ledger, fills and orders are kept.")) {
                vm.reset(r);
            }
        }));
        Button closeAll = button(
                "portfolioCloseAll", "Close all positions", () -> selected().ifPresent(r -> {
                    if (confirm(
                            "Close every position of '" + r.name() + "'?",
                            "Market orders are sent for every open" + " position.")) {
                        vm.closeAll(r);
                    }
                }));
        Button archive = button(
                "portfolioArchive", "Archive / restore", () -> selected().ifPresent(r -> vm.archive(r, !r.archived())));
        Button delete = button("portfolioDelete", "Delete", () -> selected().ifPresent(r -> {
            if (confirm(
                    "Delete '" + r.name() + "'?",
                    "The portfolio disappears from the workspace; its ledger and" + " journal stay in the file.")) {
                vm.delete(r);
            }
        }));
        for (Button b : List.of(settings, clone, topUp, reset, closeAll, archive)) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        delete.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> vm.selectedProperty().get() == null
                                || !vm.selectedProperty().get().archived(),
                        vm.selectedProperty()));

        Label message = new Label();
        message.setId("portfolioManagerMessage");
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(4, 8, 4, 8));
        BorderPane root = new BorderPane(table);
        root.setTop(new ToolBar(
                create, settings, clone, new Separator(), topUp, reset, closeAll, new Separator(), archive, delete));
        root.setBottom(message);
        root.setId("portfolioManager");
        Scene scene = new Scene(root, 980, 420);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
    }

    /** The "Accounts" menu with the portfolio manager ({@code #portfolioManagerMenu}). */
    public static javafx.scene.control.Menu accountsMenu(
            dev.paperdesk.engine.session.TradingSession session,
            dev.paperdesk.desktop.common.UiExecutor ui,
            java.util.function.Supplier<Window> owner) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem("Portfolio manager…");
        item.setId("portfolioManagerMenu");
        PortfolioManagerDialog[] open = new PortfolioManagerDialog[1];
        item.setOnAction(e -> {
            if (open[0] == null) {
                open[0] = new PortfolioManagerDialog(new PortfolioManagerViewModel(session, ui), owner.get());
            }
            open[0].show();
        });
        return new javafx.scene.control.Menu("Accounts", null, item);
    }

    public void show() {
        vm.refresh();
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    private Optional<Row> selected() {
        return Optional.ofNullable(vm.selectedProperty().get());
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private Optional<String> ask(String title, String prompt, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(stage);
        d.setTitle("Paperdesk");
        d.setHeaderText(title);
        d.setContentText(prompt);
        return d.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private boolean confirm(String title, String text) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setTitle("Paperdesk");
        a.setHeaderText(title);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Opens the settings form: for a new portfolio when {@code row} is null, else for {@code row}. */
    private void edit(Row row) {
        Form initial = row == null ? vm.newForm() : vm.formOf(row);
        Dialog<Form> d = new Dialog<>();
        d.initOwner(stage);
        d.setTitle("Paperdesk");
        d.setHeaderText(row == null ? "New portfolio" : "Settings of '" + row.name() + "'");
        GridPane g = new GridPane(8, 6);
        g.setPadding(new Insets(8));
        TextField name = new TextField(initial.name());
        name.setId("formName");
        TextField description = new TextField(initial.description());
        description.setId("formDescription");
        ComboBox<String> base = new ComboBox<>();
        base.getItems().setAll(PortfolioManagerViewModel.BASE_CURRENCIES);
        base.setValue(initial.baseCurrency());
        base.setId("formBaseCurrency");
        TextField balance = new TextField(initial.startingBalance());
        balance.setId("formStartingBalance");
        base.setDisable(row != null);
        balance.setDisable(row != null);
        ComboBox<CostBasisMethod> cost = new ComboBox<>();
        cost.getItems().setAll(CostBasisMethod.values());
        cost.setValue(initial.costBasis());
        ComboBox<MarginMode> perpMode = new ComboBox<>();
        perpMode.getItems().setAll(MarginMode.values());
        perpMode.setValue(initial.perpetualMode());
        int r = 0;
        g.addRow(r++, new Label("Name"), name);
        g.addRow(r++, new Label("Description"), description);
        g.addRow(r++, new Label("Base currency"), base);
        g.addRow(r++, new Label("Starting balance"), balance);
        g.addRow(r++, new Label("Cost basis"), cost);
        g.addRow(r++, new Label("New perpetuals"), perpMode);
        Map<AssetClass, Spinner<Integer>> leverage = new EnumMap<>(AssetClass.class);
        int col = 2;
        int row2 = 0;
        g.add(new Label("Default leverage"), col, row2++);
        for (AssetClass ac : AssetClass.values()) {
            Spinner<Integer> s = new Spinner<>(
                    1,
                    MarginSchedule.DEFAULT.maxLeverage(ac),
                    initial.leverage().get(ac));
            s.setEditable(true);
            s.setPrefWidth(90);
            leverage.put(ac, s);
            g.add(
                    new Label(ac.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (max "
                            + MarginSchedule.DEFAULT.maxLeverage(ac) + "\u00d7)"),
                    col,
                    row2);
            g.add(s, col + 1, row2++);
        }
        List<TextField> thresholds = new ArrayList<>();
        List<ComboBox<LimitMode>> modes = new ArrayList<>();
        int row3 = Math.max(r, row2) + 1;
        g.add(new Label("Risk limits"), 0, row3++);
        for (int i = 0; i < PortfolioManagerViewModel.LIMIT_NAMES.size(); i++) {
            TextField t = new TextField(initial.limitThresholds().get(i));
            t.setPrefColumnCount(6);
            ComboBox<LimitMode> m = new ComboBox<>();
            m.getItems().setAll(LimitMode.values());
            m.setValue(initial.limitModes().get(i));
            thresholds.add(t);
            modes.add(m);
            g.addRow(row3++, new Label(PortfolioManagerViewModel.LIMIT_NAMES.get(i)), t, m);
        }
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> {
            if (b != ButtonType.OK) {
                return null;
            }
            Map<AssetClass, Integer> lev = new EnumMap<>(AssetClass.class);
            leverage.forEach((k, v) -> lev.put(k, v.getValue()));
            return new Form(
                    name.getText(),
                    description.getText(),
                    base.getValue(),
                    balance.getText(),
                    cost.getValue(),
                    perpMode.getValue(),
                    lev,
                    thresholds.stream().map(TextField::getText).toList(),
                    modes.stream().map(ComboBox::getValue).toList());
        });
        d.showAndWait().ifPresent(f -> {
            if (row == null) {
                vm.create(f);
            } else {
                vm.update(row, f);
            }
        });
    }
}
