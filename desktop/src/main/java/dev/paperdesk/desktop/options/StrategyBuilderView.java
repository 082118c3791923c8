package dev.paperdesk.desktop.options;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.options.StrategyLegRow.Kind;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.pricing.strategy.StrategyTemplate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.IntegerStringConverter;

/**
 * The strategy builder: template picker, the editable legs, the position's figures (net debit or
 * credit, max profit and loss, breakevens, probability of profit, Greeks), the limit and Send, and the
 * payoff diagram with its scenario controls (date and volatility shift).
 */
public final class StrategyBuilderView extends SplitPane {
    private final StrategyBuilderViewModel vm;
    private final PayoffChart payoff = new PayoffChart();

    public StrategyBuilderView(StrategyBuilderViewModel vm) {
        this.vm = vm;
        setId("strategyBuilder");
        getStyleClass().add("strategy-builder");
        var css = StrategyBuilderView.class.getResource("options.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setOrientation(Orientation.VERTICAL);
        getItems().setAll(form(), chartPane());
        // the form a little over half: a condor's four legs and the status line under the send bar, both in full
        setDividerPositions(0.57);
        vm.payoffProperty().addListener((o, a, b) -> payoff.show(b));
        payoff.show(vm.payoffProperty().get());
    }

    private VBox form() {
        ComboBox<StrategyTemplate> template = new ComboBox<>(vm.templates());
        template.setId("strategyTemplate");
        template.valueProperty().bindBidirectional(vm.templateProperty());
        template.setPrefWidth(170);
        Spinner<Integer> width = new Spinner<>(1, 10, vm.widthProperty().get());
        width.setId("strategyWidth");
        width.setPrefWidth(70);
        width.valueProperty().addListener((o, a, b) -> vm.widthProperty().set(b));
        Spinner<Integer> contracts =
                new Spinner<>(1, 1000, vm.contractsProperty().get());
        contracts.setId("strategyContracts");
        contracts.setEditable(true);
        contracts.setPrefWidth(80);
        contracts.valueProperty().addListener((o, a, b) -> vm.contractsProperty()
                .set(b));
        Button apply = new Button("_Apply");
        apply.setId("strategyApply");
        apply.setMnemonicParsing(true);
        apply.setOnAction(e -> vm.applyTemplate());
        Label templateLabel = new Label("_Template");
        templateLabel.setMnemonicParsing(true);
        templateLabel.setLabelFor(template);
        HBox top = new HBox(
                8, templateLabel, template, new Label("Width"), width, new Label("Contracts"), contracts, apply);
        top.setAlignment(Pos.CENTER_LEFT);
        // a narrow builder squeezes the fields, never the labels ("Templ...")
        top.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n)
                .setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));

        TableView<StrategyLegRow> legs = legsTable();
        Button addLeg = new Button("Add _option leg");
        addLeg.setId("strategyAddLeg");
        addLeg.setMnemonicParsing(true);
        addLeg.setOnAction(e -> vm.addOptionLeg());
        Button addStock = new Button("Add _underlying");
        addStock.setId("strategyAddUnderlying");
        addStock.setMnemonicParsing(true);
        addStock.setOnAction(e -> vm.addUnderlyingLeg());
        Button remove = new Button("_Remove leg");
        remove.setId("strategyRemoveLeg");
        remove.setMnemonicParsing(true);
        remove.disableProperty()
                .bind(legs.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeLeg(legs.getSelectionModel().getSelectedItem()));
        Button clear = new Button("Clear");
        clear.setId("strategyClear");
        clear.setOnAction(e -> vm.clear());
        HBox legButtons = new HBox(8, addLeg, addStock, remove, clear);

        GridPane summary = new GridPane();
        summary.getStyleClass().add("strategy-summary");
        summary.setHgap(14);
        summary.setVgap(4);
        Label net = value("strategyNet", vm.netProperty());
        vm.creditProperty().addListener((o, a, b) -> credit(net, b));
        credit(net, vm.creditProperty().get());
        Label maxProfit = value("strategyMaxProfit", vm.maxProfitProperty());
        maxProfit.getStyleClass().add("pnl-positive");
        Label maxLoss = value("strategyMaxLoss", vm.maxLossProperty());
        maxLoss.getStyleClass().add("pnl-negative");
        summary.addRow(0, caption("Net"), net, caption("Max profit"), maxProfit, caption("Max loss"), maxLoss);
        summary.add(caption("Breakevens"), 0, 1);
        summary.add(value("strategyBreakevens", vm.breakevensProperty()), 1, 1, 3, 1);
        summary.add(caption("Prob. of profit"), 4, 1);
        summary.add(value("strategyPop", vm.probabilityProperty()), 5, 1);
        Label greeks = value("strategyGreeks", vm.greeksProperty());
        summary.add(caption("Greeks"), 0, 2);
        summary.add(greeks, 1, 2, 5, 1);
        // where the legs' fills walk past their touches, what the touches alone would net (muted)
        Label touch = value("strategyTouchNote", vm.touchNoteProperty());
        touch.getStyleClass().add("text-muted");
        touch.setStyle("-fx-font-weight: normal;");
        touch.visibleProperty().bind(vm.touchNoteProperty().isNotEmpty());
        touch.managedProperty().bind(touch.visibleProperty());
        touch.setWrapText(true);
        touch.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.add(touch, 1, 3, 5, 1);

        TextField limit = new TextField();
        limit.setId("strategyLimit");
        limit.setPrefColumnCount(8);
        limit.textProperty().bindBidirectional(vm.limitProperty());
        limit.setTooltip(new javafx.scene.control.Tooltip(
                "Net price per combo unit: positive pays a debit, negative receives a credit; blank = no limit"));
        Button send = new Button("_Send combo");
        send.setId("strategySend");
        send.setMnemonicParsing(true);
        send.setDefaultButton(true);
        send.disableProperty().bind(vm.canSendProperty().not());
        send.setOnAction(e -> vm.send());
        Label status = new Label();
        status.setId("strategyStatus");
        status.getStyleClass().add("strategy-status");
        // its own line under the send bar, wrapped: the venue's reason for a waiting combo is read whole
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(vm.statusProperty());
        Label limitLabel = new Label("Net _limit");
        limitLabel.setMnemonicParsing(true);
        limitLabel.setLabelFor(limit);
        HBox sendBar = new HBox(8, limitLabel, limit, send);
        sendBar.setAlignment(Pos.CENTER_LEFT);
        limitLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        send.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        limit.setMinWidth(80);

        VBox box = new VBox(8, top, legs, legButtons, summary, sendBar, status);
        box.setPadding(new Insets(8));
        VBox.setVgrow(legs, Priority.ALWAYS);
        return box;
    }

    private static void credit(Label net, boolean credit) {
        net.getStyleClass().removeAll("pnl-positive", "pnl-negative");
        net.getStyleClass().add(credit ? "pnl-positive" : "pnl-negative");
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        return l;
    }

    private static Label value(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("value");
        l.textProperty().bind(text);
        return l;
    }

    private TableView<StrategyLegRow> legsTable() {
        TableView<StrategyLegRow> t = new TableView<>(vm.legs());
        t.setId("strategyLegs");
        t.setEditable(true);
        t.setPlaceholder(new Label("Pick a template and Apply, or add legs from the chain."));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<StrategyLegRow, Side> side = new TableColumn<>("Side");
        side.setId("legSide");
        side.setCellValueFactory(cd -> cd.getValue().sideProperty());
        side.setCellFactory(col -> {
            ComboBoxTableCell<StrategyLegRow, Side> cell = new ComboBoxTableCell<>(Side.values()) {
                @Override
                public void updateItem(Side item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("leg-buy", "leg-sell");
                    if (!empty && item != null) {
                        getStyleClass().add(item == Side.BUY ? "leg-buy" : "leg-sell");
                    }
                }
            };
            return cell;
        });

        TableColumn<StrategyLegRow, Integer> qty = new TableColumn<>("Qty");
        qty.setId("legQuantity");
        qty.setCellValueFactory(cd -> cd.getValue().quantityProperty().asObject());
        qty.setCellFactory(TextFieldTableCell.forTableColumn(new IntegerStringConverter()));
        qty.setOnEditCommit(e -> {
            if (e.getNewValue() != null && e.getNewValue() > 0) {
                e.getRowValue().quantityProperty().set(e.getNewValue());
            } else {
                t.refresh();
            }
        });

        TableColumn<StrategyLegRow, Kind> kind = new TableColumn<>("Type");
        kind.setId("legType");
        kind.setCellValueFactory(cd -> cd.getValue().kindProperty());
        kind.setCellFactory(ComboBoxTableCell.forTableColumn(Kind.values()));

        TableColumn<StrategyLegRow, BigDecimal> strike = new TableColumn<>("Strike");
        strike.setId("legStrike");
        strike.setCellValueFactory(cd -> cd.getValue().strikeProperty());
        strike.setCellFactory(ComboBoxTableCell.forTableColumn(
                new StringConverter<BigDecimal>() {
                    @Override
                    public String toString(BigDecimal v) {
                        return v == null ? "" : Formats.price(v);
                    }

                    @Override
                    public BigDecimal fromString(String s) {
                        return s == null || s.isBlank() ? null : new BigDecimal(s.replace(",", ""));
                    }
                },
                vm.strikes()));

        TableColumn<StrategyLegRow, LocalDate> expiry = new TableColumn<>("Expiry");
        expiry.setId("legExpiry");
        expiry.setCellValueFactory(cd -> cd.getValue().expiryProperty());
        expiry.setCellFactory(ComboBoxTableCell.forTableColumn(
                new StringConverter<LocalDate>() {
                    @Override
                    public String toString(LocalDate d) {
                        return d == null ? "" : d.toString();
                    }

                    @Override
                    public LocalDate fromString(String s) {
                        return s == null || s.isBlank() ? null : LocalDate.parse(s);
                    }
                },
                vm.expiries()));

        TableColumn<StrategyLegRow, BigDecimal> price =
                readOnly("Price", StrategyLegRow::priceProperty, Formats::price);
        price.setId("legPrice");
        TableColumn<StrategyLegRow, Number> iv = new TableColumn<>("IV");
        iv.setId("legIv");
        iv.setEditable(false);
        iv.setCellValueFactory(cd -> cd.getValue().volatilityProperty());
        iv.setCellFactory(col -> rightAligned(v ->
                Double.isNaN(v.doubleValue()) ? "\u2013" : String.format(Locale.US, "%.1f%%", v.doubleValue() * 100)));
        TableColumn<StrategyLegRow, String> contract = new TableColumn<>("Contract");
        contract.setId("legContract");
        contract.setEditable(false);
        contract.setCellValueFactory(cd -> Bindings.createStringBinding(
                () -> {
                    var r = cd.getValue();
                    String p = r.problemProperty().get();
                    if (p != null && !p.isEmpty()) {
                        return "\u26a0 " + p;
                    }
                    return r.instrumentProperty().get() == null
                            ? ""
                            : r.instrumentProperty().get().symbol();
                },
                cd.getValue().instrumentProperty(),
                cd.getValue().problemProperty()));
        side.setMinWidth(60);
        qty.setMinWidth(45);
        kind.setMinWidth(85);
        strike.setMinWidth(85);
        expiry.setMinWidth(100);
        price.setMinWidth(80);
        iv.setMinWidth(55);
        contract.setMinWidth(90);
        t.getColumns().setAll(List.of(side, qty, kind, strike, expiry, price, iv, contract));
        TableExport.install(t, "strategy-legs");
        return t;
    }

    private static TableColumn<StrategyLegRow, BigDecimal> readOnly(
            String title,
            Function<StrategyLegRow, ObjectProperty<BigDecimal>> property,
            Function<BigDecimal, String> format) {
        TableColumn<StrategyLegRow, BigDecimal> c = new TableColumn<>(title);
        c.setEditable(false);
        c.setCellValueFactory(cd -> property.apply(cd.getValue()));
        c.setCellFactory(col -> rightAligned(format));
        c.setUserData(format);
        return c;
    }

    private static <T> TableCell<StrategyLegRow, T> rightAligned(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
                setAlignment(Pos.CENTER_RIGHT);
            }
        };
    }

    private VBox chartPane() {
        Slider days = new Slider(0, 1, 0);
        days.setId("strategyScenarioDays");
        days.setMajorTickUnit(1);
        days.setSnapToTicks(true);
        days.setBlockIncrement(1);
        Label daysLabel = new Label();
        daysLabel.setMinWidth(110);
        vm.legs().addListener((javafx.collections.ListChangeListener<StrategyLegRow>) c -> {
            days.setMax(Math.max(1, vm.daysToHorizon()));
        });
        vm.payoffProperty().addListener((o, a, b) -> days.setMax(Math.max(1, vm.daysToHorizon())));
        days.valueProperty().addListener((o, a, b) -> vm.scenarioDaysProperty().set((int) Math.round(b.doubleValue())));
        vm.scenarioDaysProperty().addListener((o, a, b) -> days.setValue(b.doubleValue()));
        daysLabel.textProperty().bind(Bindings.format("Scenario: +%d days", vm.scenarioDaysProperty()));
        Slider vol = new Slider(-30, 30, 0);
        vol.setId("strategyVolShift");
        vol.setMajorTickUnit(5);
        vol.setBlockIncrement(1);
        vol.setShowTickMarks(true);
        vol.valueProperty().addListener((o, a, b) -> vm.volShiftPointsProperty().set(Math.round(b.doubleValue())));
        Label volLabel = new Label();
        volLabel.setMinWidth(120);
        volLabel.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> String.format(
                                Locale.US,
                                "IV shift %+.0f pts",
                                vm.volShiftPointsProperty().get()),
                        vm.volShiftPointsProperty()));
        HBox controls = new HBox(8, daysLabel, days, volLabel, vol);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(days, Priority.ALWAYS);
        HBox.setHgrow(vol, Priority.ALWAYS);
        VBox box = new VBox(6, payoff, controls);
        box.setPadding(new Insets(8));
        VBox.setVgrow(payoff, Priority.ALWAYS);
        return box;
    }

    /** The payoff diagram. */
    public PayoffChart payoffChart() {
        return payoff;
    }
}
