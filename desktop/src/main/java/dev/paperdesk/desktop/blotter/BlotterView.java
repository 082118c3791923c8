package dev.paperdesk.desktop.blotter;

import dev.paperdesk.desktop.blotter.BlotterViewModel.FillRow;
import dev.paperdesk.desktop.blotter.BlotterViewModel.OrderRow;
import dev.paperdesk.desktop.blotter.BlotterViewModel.PositionRow;
import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.TableExport;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The bottom blotter: Orders, Positions and Fills tabs. */
public final class BlotterView extends TabPane {
    private final TableView<OrderRow> orders = new TableView<>();
    private final TableView<PositionRow> positions = new TableView<>();
    private final TableView<FillRow> fills = new TableView<>();

    public BlotterView(BlotterViewModel vm) {
        setId("blotter");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        orders.setId("ordersTable");
        orders.setItems(vm.orders());
        orders.getColumns()
                .setAll(List.<TableColumn<OrderRow, ?>>of(
                        Columns.number("Id", OrderRow::id, String::valueOf),
                        Columns.text("Time (UTC)", OrderRow::created, Formats::time),
                        Columns.text("Symbol", OrderRow::instrument, s -> s),
                        Columns.text("Side", OrderRow::side, Enum::name),
                        Columns.text("Type", OrderRow::type, Enum::name),
                        Columns.number("Quantity", OrderRow::quantity, Formats::quantity),
                        Columns.number("Filled", OrderRow::filled, Formats::quantity),
                        Columns.number("Avg price", OrderRow::averagePrice, Formats::price),
                        Columns.text("Status", OrderRow::status, Enum::name),
                        Columns.text("Reason", OrderRow::reason, s -> s)));
        orders.setPlaceholder(new Label("No orders yet — place one with the ticket."));

        positions.setId("positionsTable");
        positions.setItems(vm.positions());
        positions
                .getColumns()
                .setAll(List.<TableColumn<PositionRow, ?>>of(
                        Columns.text("Symbol", PositionRow::instrument, s -> s),
                        Columns.text("Ccy", PositionRow::currency, s -> s),
                        Columns.styled(
                                "Quantity",
                                PositionRow::quantity,
                                Formats::quantity,
                                q -> q.signum() < 0 ? "short" : "long"),
                        Columns.number("Avg price", PositionRow::averagePrice, Formats::price),
                        Columns.number("Mark", PositionRow::mark, Formats::price),
                        Columns.number("Market value", PositionRow::marketValue, Formats::money),
                        Columns.styled(
                                "Unrealized P&L",
                                PositionRow::unrealizedPnl,
                                Formats::signedMoney,
                                Formats::pnlStyleClass),
                        Columns.styled(
                                "Realized P&L",
                                PositionRow::realizedPnl,
                                Formats::signedMoney,
                                Formats::pnlStyleClass)));
        positions.setPlaceholder(new Label("No open positions."));

        fills.setId("fillsTable");
        fills.setItems(vm.fills());
        fills.getColumns()
                .setAll(List.<TableColumn<FillRow, ?>>of(
                        Columns.number("Id", FillRow::id, String::valueOf),
                        Columns.text("Time (UTC)", FillRow::time, Formats::time),
                        Columns.number("Order", FillRow::orderId, String::valueOf),
                        Columns.text("Symbol", FillRow::instrument, s -> s),
                        Columns.text("Side", FillRow::side, Enum::name),
                        Columns.number("Quantity", FillRow::quantity, Formats::quantity),
                        Columns.number("Price", FillRow::price, Formats::price),
                        Columns.number("Fee", FillRow::fee, Formats::money),
                        Columns.text("Liquidity", FillRow::liquidity, s -> s),
                        Columns.number("Slippage", FillRow::slippage, Formats::price)));
        fills.setPlaceholder(new Label("No fills yet."));

        for (TableView<?> t : List.of(orders, positions, fills)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        TableExport.install(orders, "orders");
        TableExport.install(positions, "positions");
        TableExport.install(fills, "fills");

        Tab ordersTab = new Tab("Orders", orders);
        ordersTab.setId("ordersTab");
        Tab positionsTab = new Tab("Positions", positions);
        positionsTab.setId("positionsTab");
        Tab fillsTab = new Tab("Fills", fills);
        fillsTab.setId("fillsTab");
        getTabs().setAll(positionsTab, ordersTab, fillsTab);
    }
}
