package dev.paperdesk.desktop.blotter;

import dev.paperdesk.desktop.blotter.BlotterViewModel.FillRow;
import dev.paperdesk.desktop.blotter.BlotterViewModel.JournalRow;
import dev.paperdesk.desktop.blotter.BlotterViewModel.OrderRow;
import dev.paperdesk.desktop.blotter.BlotterViewModel.PositionRow;
import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.KeptSelection;
import dev.paperdesk.desktop.common.TableExport;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The bottom blotter: Positions, Working orders (modify in place by editing Limit, Stop or
 * Quantity; cancel, cancel all), Orders (history, with the selected order's journal) and Fills, a
 * search field that filters every table, and a banner for rejections. Every table exports to CSV
 * from its context menu.
 */
public final class BlotterView extends VBox {
    private final TabPane tabs;

    /** The blotter's tabs, so other views (the margin dashboard) can sit beside Positions and Orders. */
    public javafx.collections.ObservableList<javafx.scene.control.Tab> getTabs() {
        return tabs.getTabs();
    }

    private final TableView<OrderRow> working = new TableView<>();
    private final TableView<OrderRow> orders = new TableView<>();
    private final TableView<JournalRow> journal = new TableView<>();
    private final TableView<PositionRow> positions = new TableView<>();
    private final TableView<FillRow> fills = new TableView<>();

    public BlotterView(BlotterViewModel vm) {
        setId("blotterPane");
        var css = BlotterView.class.getResource("blotter.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        tabs = new TabPane();
        tabs.setId("blotter");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        working.setId("workingTable");
        // rows are replaced as orders fill: Cancel keeps its target
        KeptSelection.attach(working, vm.working(), OrderRow::id);
        working.setEditable(true);
        working.getColumns()
                .setAll(List.<TableColumn<OrderRow, ?>>of(
                        Columns.number("Id", OrderRow::id, String::valueOf),
                        Columns.text("Time (UTC)", OrderRow::created, Formats::time),
                        Columns.instrument("Symbol", OrderRow::instrument),
                        Columns.text("Side", OrderRow::side, Enum::name),
                        Columns.text("Type", OrderRow::type, Enum::name),
                        editable(
                                "Quantity",
                                OrderRow::quantity,
                                Formats::quantity,
                                (row, v) -> vm.modify(row, null, null, v)),
                        Columns.number("Filled", OrderRow::filled, Formats::quantity),
                        editable("Limit", OrderRow::limit, Formats::price, (row, v) -> vm.modify(row, v, null, null)),
                        editable("Stop", OrderRow::stop, Formats::price, (row, v) -> vm.modify(row, null, v, null)),
                        Columns.text("TIF", OrderRow::tif, Enum::name),
                        Columns.text("Status", OrderRow::status, Enum::name),
                        Columns.text("Group", OrderRow::group, s -> s)));
        working.setPlaceholder(new Label("No working orders. Double-click Limit, Stop or Quantity to modify one."));

        Button cancel = new Button("Cancel");
        cancel.setId("cancelOrder");
        cancel.disableProperty()
                .bind(working.getSelectionModel().selectedItemProperty().isNull());
        cancel.setOnAction(e -> {
            OrderRow row = working.getSelectionModel().getSelectedItem();
            if (row != null) {
                vm.cancel(row);
            }
        });
        Button cancelAll = new Button("Cancel all");
        cancelAll.setId("cancelAll");
        cancelAll.disableProperty().bind(Bindings.isEmpty(vm.working()));
        cancelAll.setOnAction(e -> vm.cancelAll());
        Label hint = new Label("Modify in place: double-click a Limit, Stop or Quantity cell, type, Enter.");
        hint.getStyleClass().add("text-muted");
        HBox workingBar = new HBox(8, cancel, cancelAll, hint);
        workingBar.setAlignment(Pos.CENTER_LEFT);
        workingBar.setPadding(new Insets(4, 6, 4, 6));
        VBox workingPane = new VBox(workingBar, working);
        VBox.setVgrow(working, Priority.ALWAYS);

        orders.setId("ordersTable");
        KeptSelection.attach(orders, vm.orders(), OrderRow::id);
        orders.getColumns()
                .setAll(List.<TableColumn<OrderRow, ?>>of(
                        Columns.number("Id", OrderRow::id, String::valueOf),
                        Columns.text("Time (UTC)", OrderRow::created, Formats::time),
                        Columns.instrument("Symbol", OrderRow::instrument),
                        Columns.text("Side", OrderRow::side, Enum::name),
                        Columns.text("Type", OrderRow::type, Enum::name),
                        Columns.number("Quantity", OrderRow::quantity, Formats::quantity),
                        Columns.number("Filled", OrderRow::filled, Formats::quantity),
                        Columns.number("Avg price", OrderRow::averagePrice, Formats::averagePrice),
                        Columns.number("Limit", OrderRow::limit, Formats::price),
                        Columns.number("Stop", OrderRow::stop, Formats::price),
                        Columns.text("TIF", OrderRow::tif, Enum::name),
                        Columns.text("Status", OrderRow::status, Enum::name),
                        Columns.text("Group", OrderRow::group, s -> s),
                        Columns.longText("Reason", OrderRow::reason, s -> s)));
        orders.setPlaceholder(new Label("No orders yet — place one with the ticket."));
        vm.selectedOrderProperty().bind(orders.getSelectionModel().selectedItemProperty());

        journal.setId("orderJournal");
        journal.setItems(vm.journal());
        journal.getColumns()
                .setAll(List.<TableColumn<JournalRow, ?>>of(
                        Columns.number("#", JournalRow::sequence, String::valueOf),
                        Columns.text("Time (UTC)", JournalRow::time, Formats::time),
                        Columns.text("Event", JournalRow::kind, s -> s),
                        Columns.text("Status", JournalRow::status, Enum::name),
                        Columns.longText("Reason", JournalRow::reason, s -> s)));
        Label pick = new Label("Select an order to see its journal.");
        pick.setWrapText(true); // the journal pane is narrow beside the orders
        pick.setPadding(new Insets(0, 8, 0, 8));
        journal.setPlaceholder(pick);
        SplitPane history = new SplitPane(orders, journal);
        history.setOrientation(Orientation.HORIZONTAL);
        history.setDividerPositions(0.72);

        positions.setId("positionsTable");
        KeptSelection.attach(positions, vm.positions(), PositionRow::instrument);
        positions
                .getColumns()
                .setAll(List.<TableColumn<PositionRow, ?>>of(
                        Columns.instrument("Symbol", PositionRow::instrument),
                        Columns.text("Ccy", PositionRow::currency, s -> s),
                        Columns.styled(
                                "Qty",
                                PositionRow::quantity,
                                Formats::quantity,
                                q -> q.signum() < 0 ? "short" : "long"),
                        Columns.number("Avg price", PositionRow::averagePrice, Formats::averagePrice),
                        Columns.number("Mark", PositionRow::mark, Formats::price),
                        Columns.number("Mkt value", PositionRow::marketValue, Formats::money),
                        Columns.styled(
                                "Unreal. P&L",
                                PositionRow::unrealizedPnl,
                                Formats::signedMoney,
                                Formats::pnlStyleClass),
                        Columns.styled(
                                "Real. P&L", PositionRow::realizedPnl, Formats::signedMoney, Formats::pnlStyleClass),
                        Columns.number("\u0394 (sh)", PositionRow::delta, v -> BlotterViewModel.signed(v, 1)),
                        Columns.number("\u0393", PositionRow::gamma, v -> BlotterViewModel.signed(v, 3)),
                        Columns.styled(
                                "\u0398 /day",
                                PositionRow::theta,
                                v -> BlotterViewModel.signed(v, 2),
                                v -> v > 0 ? "pnl-positive" : v < 0 ? "pnl-negative" : "pnl-zero"),
                        Columns.number("Vega /pt", PositionRow::vega, v -> BlotterViewModel.signed(v, 2))));
        positions.setPlaceholder(new Label("No open positions."));
        positions.getColumns().get(2).setId("positionsQuantity");
        positions.getColumns().get(5).setId("positionsMarketValue");
        positions.getColumns().get(6).setId("positionsUnrealized");
        positions.getColumns().get(7).setId("positionsRealized");
        fitHeaders(
                positions,
                java.util.Map.of(
                        "positionsQuantity",
                        "Quantity: positive long, negative short",
                        "positionsMarketValue",
                        "Market value: quantity \u00d7 mark",
                        "positionsUnrealized",
                        "Unrealized P&L: the open quantity at the mark against its average price",
                        "positionsRealized",
                        "Realized P&L: the profit or loss of the quantity already closed"));
        // The Greeks columns appear with the first option position: without options they only squeeze
        // the columns every account uses. Shown or hidden when options come or go, not bound: the
        // header's "+" menu may hide them meanwhile (a bound column cannot be toggled there).
        List<TableColumn<PositionRow, ?>> greekColumns =
                List.copyOf(positions.getColumns().subList(8, 12));
        greekColumns.forEach(c -> c.setVisible(!vm.greeksSummaryProperty().get().isEmpty()));
        vm.greeksSummaryProperty().addListener((o, before, now) -> {
            boolean had = before != null && !before.isEmpty();
            boolean has = now != null && !now.isEmpty();
            if (had != has) {
                greekColumns.forEach(c -> c.setVisible(has));
            }
        });
        Label greeks = new Label();
        greeks.setId("positionsGreeksSummary");
        greeks.textProperty().bind(vm.greeksSummaryProperty());
        greeks.setPadding(new Insets(2, 6, 2, 6));
        greeks.setWrapText(true); // the per-underlying and total figures continue on a second line when narrow
        greeks.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        greeks.visibleProperty().bind(vm.greeksSummaryProperty().isNotEmpty());
        greeks.managedProperty().bind(greeks.visibleProperty());
        VBox.setVgrow(positions, Priority.ALWAYS);
        VBox positionsPane = new VBox(positions, greeks);

        fills.setId("fillsTable");
        fills.setItems(vm.fills());
        fills.getColumns()
                .setAll(List.<TableColumn<FillRow, ?>>of(
                        Columns.number("Id", FillRow::id, String::valueOf),
                        Columns.text("Time (UTC)", FillRow::time, Formats::time),
                        Columns.number("Order", FillRow::orderId, String::valueOf),
                        Columns.instrument("Symbol", FillRow::instrument),
                        Columns.text("Side", FillRow::side, Enum::name),
                        Columns.number("Quantity", FillRow::quantity, Formats::quantity),
                        Columns.number("Price", FillRow::price, Formats::price),
                        Columns.number("Fee", FillRow::fee, Formats::money),
                        Columns.text("Liquidity", FillRow::liquidity, s -> s),
                        Columns.styled(
                                "Slippage vs mid",
                                FillRow::slippage,
                                Formats::price,
                                v -> v.signum() > 0 ? "pnl-negative" : v.signum() < 0 ? "pnl-positive" : "pnl-zero")));
        fills.setPlaceholder(new Label("No fills yet."));

        for (TableView<?> t : List.of(working, orders, journal, positions, fills)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            // the "+" at the headers' right end: a trader hides the columns he does not read (the
            // Greeks of a stock-only book, the reason of every order) to give the others their width
            t.setTableMenuButtonVisible(true);
        }
        // Narrow columns for short values, so symbols, times and reasons are readable.
        // orders keep readable columns and scroll sideways beside the journal
        fixedWidths(working, 50, 165, 150, 50, 110, 80, 70, 95, 95, 50, 95, 0);
        fixedWidths(orders, 45, 165, 140, 45, 110, 70, 60, 90, 90, 90, 45, 90, 150, 0);
        fixedWidths(journal, 40, 165, 110, 100, 0);
        fixedWidths(fills, 50, 165, 55, 150, 50, 80, 100, 80, 80, 0);
        fills.getColumns().get(fills.getColumns().size() - 1).setMinWidth(Columns.headerWidth("Slippage"));
        // option symbols (ORBZ-20260320-C-182.5@nasdaq) are long
        widths(positions, 230, 45, 75, 90, 90, 110, 110, 100, 85, 75, 85, 0);
        positions.getColumns().get(9).setMinWidth(64); // gamma reads like -12.778: wider than its header
        TableExport.install(working, "working-orders");
        TableExport.install(orders, "orders");
        TableExport.install(journal, "order-journal");
        TableExport.install(positions, "positions");
        TableExport.install(fills, "fills");

        Tab positionsTab = new Tab("Positions", positionsPane);
        positionsTab.setId("positionsTab");
        Tab workingTab = new Tab("Working", workingPane);
        workingTab.setId("workingTab");
        workingTab.textProperty().bind(Bindings.concat("Working (", Bindings.size(vm.working()), ")"));
        Tab ordersTab = new Tab("Orders", history);
        ordersTab.setId("ordersTab");
        Tab fillsTab = new Tab("Fills", fills);
        fillsTab.setId("fillsTab");
        tabs.getTabs().setAll(positionsTab, workingTab, ordersTab, fillsTab);

        TextField search = new TextField();
        search.setId("blotterFilter");
        search.setPromptText("Filter: symbol, id, status, side…");
        search.textProperty().bindBidirectional(vm.filterProperty());
        search.setPrefColumnCount(24);

        Label bannerText = new Label();
        bannerText.setId("rejectionBanner");
        bannerText.textProperty().bind(vm.bannerProperty());
        bannerText.setWrapText(true);
        Button dismiss = new Button("\u2715");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(e -> vm.dismissBanner());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox banner = new HBox(8, bannerText, spacer, dismiss);
        banner.getStyleClass().add("rejection-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(4, 8, 4, 8));
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        HBox top = new HBox(8, new Label("Search"), search);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(4, 6, 0, 6));
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().setAll(banner, top, tabs);
    }

    /** A numeric column edited as text; a committed edit calls {@code onCommit} with the row and the text. */
    private static TableColumn<OrderRow, String> editable(
            String title,
            Function<OrderRow, BigDecimal> value,
            Function<BigDecimal, String> format,
            java.util.function.BiConsumer<OrderRow, String> onCommit) {
        TableColumn<OrderRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                cd.getValue() == null || value.apply(cd.getValue()) == null
                        ? ""
                        : format.apply(value.apply(cd.getValue()))));
        c.setCellFactory(col -> {
            TextFieldTableCell<OrderRow, String> cell = new TextFieldTableCell<>(new StringConverter<>() {
                @Override
                public String toString(String s) {
                    return s == null ? "" : s;
                }

                @Override
                public String fromString(String s) {
                    return s;
                }
            });
            cell.setAlignment(Pos.CENTER_RIGHT);
            cell.getStyleClass().add("editable-cell");
            return cell;
        });
        c.setEditable(true);
        c.setOnEditCommit(e -> {
            String text = e.getNewValue() == null ? "" : e.getNewValue().strip().replace(",", "");
            if (!text.isEmpty() && !text.equals(e.getOldValue())) {
                onCommit.accept(e.getRowValue(), text);
            }
            e.getTableView().refresh();
        });
        return c;
    }

    /**
     * Keeps each column at least as wide as its header in the header's own font, so a narrow pane (or
     * the Greeks columns of an option position) scrolls sideways instead of cutting headers to
     * "Unrealized P&...", and spells out abbreviated headers in tooltips. Both need the header nodes,
     * which exist once the table has its skin.
     */
    private static void fitHeaders(TableView<?> table, java.util.Map<String, String> tooltipByColumnId) {
        table.skinProperty().addListener((o, before, skin) -> {
            if (skin == null) {
                return;
            }
            javafx.application.Platform.runLater(() -> {
                table.applyCss();
                if (table.lookup(".column-header .label") instanceof Label any
                        && any.getParent() instanceof javafx.scene.layout.Region header) {
                    // the label's padding, the header cell's insets, and a pixel for rounding
                    double padding = any.snappedLeftInset()
                            + any.snappedRightInset()
                            + header.snappedLeftInset()
                            + header.snappedRightInset()
                            + 1;
                    for (TableColumn<?, ?> c : table.getColumns()) {
                        javafx.scene.text.Text text = new javafx.scene.text.Text(c.getText());
                        text.setFont(any.getFont());
                        double width = Math.ceil(text.getLayoutBounds().getWidth() + padding);
                        c.setMinWidth(Math.max(c.getMinWidth(), width));
                    }
                }
                for (javafx.scene.Node n : table.lookupAll(".column-header")) {
                    if (n instanceof javafx.scene.control.skin.TableColumnHeader h
                            && h.getTableColumn() != null
                            && h.getTableColumn().getId() != null
                            && tooltipByColumnId.containsKey(h.getTableColumn().getId())) {
                        javafx.scene.control.Tooltip.install(
                                h,
                                new javafx.scene.control.Tooltip(
                                        tooltipByColumnId.get(h.getTableColumn().getId())));
                    }
                }
            });
        });
    }

    /** Each column's preferred width; a constrained table may narrow it to 40 (0: left as it is). */
    private static void widths(TableView<?> table, int... px) {
        for (int i = 0; i < px.length && i < table.getColumns().size(); i++) {
            if (px[i] > 0) {
                table.getColumns().get(i).setPrefWidth(px[i]);
                table.getColumns().get(i).setMinWidth(Math.min(px[i], 40));
            }
        }
    }

    /**
     * Each column's width, which is also its least (at least its header's): a table narrower than its
     * columns scrolls sideways rather than cutting every value and header to "..." (fourteen order
     * columns beside the journal did). A 0 leaves the column (the last, which takes the slack) as it is.
     */
    private static void fixedWidths(TableView<?> table, int... px) {
        for (int i = 0; i < px.length && i < table.getColumns().size(); i++) {
            if (px[i] > 0) {
                TableColumn<?, ?> c = table.getColumns().get(i);
                c.setPrefWidth(px[i]);
                c.setMinWidth(Math.max(px[i], Columns.headerWidth(c.getText())));
            }
        }
    }

    public TableView<OrderRow> workingTable() {
        return working;
    }
}
