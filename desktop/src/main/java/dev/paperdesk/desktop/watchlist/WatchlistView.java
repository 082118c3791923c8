package dev.paperdesk.desktop.watchlist;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.watchlist.WatchlistViewModel.Row;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The watchlist table; selecting a row points the chart and the ticket at that instrument. */
public final class WatchlistView extends TableView<Row> {
    public WatchlistView(WatchlistViewModel vm) {
        setId("watchlist");
        setItems(vm.rows());
        getColumns()
                .setAll(List.<TableColumn<Row, ?>>of(
                        Columns.text("Symbol", r -> r.id().symbol(), s -> s),
                        Columns.text("Venue", r -> r.id().venue(), s -> s),
                        Columns.styled("Last", Row::mid, Formats::price, v -> "last"),
                        Columns.styled(
                                "Chg %",
                                Row::change,
                                Formats::percent,
                                c -> c > 0 ? "pnl-positive" : c < 0 ? "pnl-negative" : "pnl-zero"),
                        Columns.number("Bid", Row::bid, Formats::price),
                        Columns.number("Ask", Row::ask, Formats::price),
                        Columns.number("Spread", Row::spread, Formats::price)));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        double[] widths = {90, 60, 95, 70, 95, 95, 60};
        for (int i = 0; i < widths.length; i++) {
            getColumns().get(i).setPrefWidth(widths[i]);
        }
        setPlaceholder(new Label("No instruments."));
        getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selectedProperty().set(b.id());
            }
        });
        TableExport.install(this, "watchlist");
    }
}
