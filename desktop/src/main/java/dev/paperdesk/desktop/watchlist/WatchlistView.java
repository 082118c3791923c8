package dev.paperdesk.desktop.watchlist;

import dev.paperdesk.desktop.common.Dialogs;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.StyleClasses;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.watchlist.WatchlistViewModel.Group;
import dev.paperdesk.desktop.watchlist.WatchlistViewModel.Row;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.controlsfx.control.textfield.TextFields;

/**
 * The watchlist: a search/add field above a table grouped by asset class. Selecting a row points
 * the chart, book and ticket at it; Delete removes it; right-click to remove or export.
 */
public final class WatchlistView extends VBox {
    private final WatchlistViewModel vm;
    private final TreeTableView<Row> table = new TreeTableView<>();
    private final TreeItem<Row> root = new TreeItem<>();
    private final Map<InstrumentId, TreeItem<Row>> items = new HashMap<>();
    private final Label message = new Label();
    private List<List<InstrumentId>> shape = List.of();

    public WatchlistView(WatchlistViewModel vm) {
        this.vm = vm;
        getStyleClass().add("watchlist");

        TextField search = new TextField();
        search.setId("watchlistSearch");
        search.setPromptText("Filter, or type a symbol and press Enter to add");
        search.textProperty().bindBidirectional(vm.filterProperty());
        TextFields.bindAutoCompletion(search, request -> vm.suggestions(request.getUserText()).stream()
                .map(InstrumentId::toString)
                .toList());
        Button add = new Button("Add");
        add.setId("watchlistAdd");
        Runnable doAdd = () -> {
            var problem = vm.add(search.getText());
            message.setText(problem.orElse(""));
            if (problem.isEmpty()) {
                search.clear();
            }
        };
        add.setOnAction(e -> doAdd.run());
        search.setOnAction(e -> doAdd.run());
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox bar = new HBox(6, search, add);
        bar.setPadding(new Insets(4));
        message.getStyleClass().add("text-muted");
        message.setId("watchlistMessage");

        table.setId("watchlist");
        table.setRoot(root);
        table.setShowRoot(false);
        table.getColumns()
                .setAll(List.of(
                        symbolColumn(),
                        text("Venue", r -> r.id() == null ? null : r.id().venue(), 72),
                        price("Last", Row::last, true, 84),
                        change(),
                        price("Bid", Row::bid, false, 84),
                        price("Ask", Row::ask, false, 84),
                        price("Spread", Row::spread, false, 56),
                        number("Volume", Row::volume, 74)));
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("The watchlist is empty: type a symbol above to add one."));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b.getValue() != null && b.getValue().id() != null) {
                vm.selectedProperty().set(b.getValue().id());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                removeSelected();
            }
        });
        MenuItem remove = new MenuItem("Remove from watchlist");
        remove.setOnAction(e -> removeSelected());
        MenuItem export = new MenuItem("Export CSV\u2026");
        export.setOnAction(e -> export());
        table.setContextMenu(new ContextMenu(remove, export));

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(bar, message, table);
        vm.groups().addListener((javafx.collections.ListChangeListener<Group>) c -> render());
        vm.selectedProperty().addListener((o, a, b) -> select(b));
        render();
        select(vm.selectedProperty().get());
    }

    private void removeSelected() {
        TreeItem<Row> item = table.getSelectionModel().getSelectedItem();
        if (item != null && item.getValue() != null && item.getValue().id() != null) {
            vm.remove(item.getValue().id());
        }
    }

    private void select(InstrumentId id) {
        TreeItem<Row> item = id == null ? null : items.get(id);
        if (item != null && table.getSelectionModel().getSelectedItem() != item) {
            table.getSelectionModel().select(item);
        }
    }

    /** Updates values in place; rebuilds the tree only when the grouping changed, to keep the selection. */
    private void render() {
        List<List<InstrumentId>> nextShape = new ArrayList<>();
        for (Group g : vm.groups()) {
            nextShape.add(g.rows().stream().map(Row::id).toList());
        }
        if (!nextShape.equals(shape)) {
            InstrumentId keep = vm.selectedProperty().get();
            root.getChildren().clear();
            items.clear();
            for (Group g : vm.groups()) {
                TreeItem<Row> header =
                        new TreeItem<>(new Row(null, g.assetClass(), null, Double.NaN, null, null, null, null, 0, 0));
                header.setExpanded(true);
                for (Row r : g.rows()) {
                    TreeItem<Row> item = new TreeItem<>(r);
                    items.put(r.id(), item);
                    header.getChildren().add(item);
                }
                root.getChildren().add(header);
            }
            shape = nextShape;
            select(keep);
            return;
        }
        for (Group g : vm.groups()) {
            for (Row r : g.rows()) {
                TreeItem<Row> item = items.get(r.id());
                if (item != null && !r.equals(item.getValue())) {
                    item.setValue(r);
                }
            }
        }
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("watchlist.csv");
        var file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("symbol", "venue", "asset_class", "last", "change", "bid", "ask", "spread", "volume"));
        for (Group g : vm.groups()) {
            for (Row r : g.rows()) {
                lines.add(List.of(
                        r.id().symbol(),
                        r.id().venue(),
                        r.assetClass().name(),
                        plain(r.last()),
                        Double.isNaN(r.change()) ? "" : Double.toString(r.change()),
                        plain(r.bid()),
                        plain(r.ask()),
                        plain(r.spread()),
                        plain(r.volume())));
            }
        }
        try {
            TableExport.writeCsv(lines, file.toPath());
        } catch (IOException ex) {
            Dialogs.error(getScene().getWindow(), "Export failed", "Could not write " + file + ": " + ex.getMessage());
        }
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static String groupTitle(AssetClass c) {
        return switch (c) {
            case CRYPTO_SPOT -> "Crypto spot";
            case PERPETUAL -> "Perpetuals";
            case EQUITY -> "Equities";
            case ETF -> "ETFs";
            case FX -> "FX";
            case OPTION -> "Options";
        };
    }

    private TreeTableColumn<Row, Row> symbolColumn() {
        TreeTableColumn<Row, Row> c = new TreeTableColumn<>("Symbol");
        c.setPrefWidth(124); // a group title such as "Crypto spot" in full beside its disclosure arrow
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().getValue()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Row r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("watchlist-group");
                if (empty || r == null) {
                    setText(null);
                } else if (r.id() == null) {
                    setText(groupTitle(r.assetClass()));
                    getStyleClass().add("watchlist-group");
                } else {
                    setText(r.id().symbol());
                }
            }
        });
        return c;
    }

    private static <T> TreeTableColumn<Row, T> column(String title, Function<Row, T> value, double width) {
        TreeTableColumn<Row, T> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                cd.getValue().getValue() == null
                        ? null
                        : value.apply(cd.getValue().getValue())));
        return c;
    }

    private static TreeTableColumn<Row, String> text(String title, Function<Row, String> value, double width) {
        return column(title, value, width);
    }

    private static TreeTableColumn<Row, BigDecimal> number(
            String title, Function<Row, BigDecimal> value, double width) {
        TreeTableColumn<Row, BigDecimal> c = column(title, value, width);
        c.setCellFactory(col -> numericCell(Formats::quantity, null));
        return c;
    }

    private static TreeTableColumn<Row, BigDecimal> price(
            String title, Function<Row, BigDecimal> value, boolean flashes, double width) {
        TreeTableColumn<Row, BigDecimal> c = column(title, value, width);
        c.setCellFactory(col -> numericCell(Formats::price, flashes ? Row::tick : null));
        return c;
    }

    private static TreeTableColumn<Row, Double> change() {
        TreeTableColumn<Row, Double> c = column("Chg %", Row::change, 66);
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setAlignment(Pos.CENTER_RIGHT);
                if (empty || v == null || v.isNaN()) {
                    StyleClasses.exclusive(getStyleClass(), StyleClasses.PNL, null);
                    setText(null);
                    return;
                }
                setText(Formats.percent(v));
                StyleClasses.exclusive(
                        getStyleClass(),
                        StyleClasses.PNL,
                        v > 0 ? "pnl-positive" : v < 0 ? "pnl-negative" : "pnl-zero");
            }
        });
        return c;
    }

    private static TreeTableCell<Row, BigDecimal> numericCell(
            Function<BigDecimal, String> format, Function<Row, Integer> tick) {
        return new TreeTableCell<>() {
            @Override
            protected void updateItem(BigDecimal v, boolean empty) {
                super.updateItem(v, empty);
                setAlignment(Pos.CENTER_RIGHT);
                if (empty || v == null) {
                    StyleClasses.exclusive(getStyleClass(), FLASHES, null);
                    setText(null);
                    return;
                }
                setText(format.apply(v));
                Row row = getTableRow() == null ? null : getTableRow().getItem();
                int t = tick != null && row != null ? tick.apply(row) : 0;
                StyleClasses.exclusive(getStyleClass(), FLASHES, t > 0 ? "flash-up" : t < 0 ? "flash-down" : null);
            }
        };
    }

    private static final List<String> FLASHES = List.of("flash-up", "flash-down");

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
