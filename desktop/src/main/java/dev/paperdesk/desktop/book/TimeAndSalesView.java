package dev.paperdesk.desktop.book;

import atlantafx.base.theme.Styles;
import dev.paperdesk.desktop.book.TimeAndSalesViewModel.TradeRow;
import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.StyleClasses;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.engine.model.Side;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * The time &amp; sales tape: time (UTC, milliseconds), price, size and aggressor of each public
 * trade, newest on top; trades lifted by buyers read green, trades hit by sellers red.
 */
public final class TimeAndSalesView extends TableView<TradeRow> {
    private static final List<String> SIDES = List.of("trade-buy", "trade-sell");

    public TimeAndSalesView(TimeAndSalesViewModel vm) {
        setId("timeAndSales");
        getStyleClass().addAll("time-and-sales", Styles.DENSE);
        setItems(vm.trades());
        getColumns()
                .setAll(List.<TableColumn<TradeRow, ?>>of(
                        Columns.number("Time (UTC)", TradeRow::time, Formats::timeMillis),
                        Columns.number(
                                "Price",
                                TradeRow::price,
                                v -> Formats.fixed(v, vm.priceDecimalsProperty().get())),
                        Columns.number(
                                "Size",
                                TradeRow::size,
                                v -> Formats.fixed(v, vm.sizeDecimalsProperty().get())),
                        Columns.text("Side", TradeRow::aggressor, s -> s == Side.BUY ? "Buy" : "Sell")));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        double[] widths = {100, 100, 80, 50};
        for (int i = 0; i < widths.length; i++) {
            getColumns().get(i).setPrefWidth(widths[i]);
            getColumns().get(i).setSortable(false);
        }
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.placeholderProperty());
        placeholder.getStyleClass().add("empty-title");
        setPlaceholder(placeholder);
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(TradeRow item, boolean empty) {
                super.updateItem(item, empty);
                StyleClasses.exclusive(
                        getStyleClass(),
                        SIDES,
                        empty || item == null ? null : item.aggressor() == Side.BUY ? "trade-buy" : "trade-sell");
            }
        });
        TableExport.install(this, "time-and-sales");
    }
}
