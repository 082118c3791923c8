package dev.paperdesk.desktop.options;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The option chain: underlying selector, expiry tabs, and calls | strike | puts with the figures the
 * trader chose. In-the-money cells are shaded, the at-the-money line is marked and brought to the
 * middle when the underlying or expiry changes. Clicking a bid sells, clicking an ask buys (the order
 * ticket takes it); the context menu adds the contract to the strategy builder. The same works from the
 * keyboard: arrows move a cursor over the bid and ask cells, Enter acts as a click, B buys and S sells.
 */
public final class OptionChainView extends VBox {
    private static final DateTimeFormatter TAB_DATE = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private static final double ROW_HEIGHT = 28;

    private final OptionChainViewModel vm;
    /** Decimals of the prices and strikes shown: those of the chain's tick and strike grid. */
    private int priceDecimals = 2;

    private int strikeDecimals = 0;
    private final TableView<ChainLine> table = new TableView<>();
    private final TabPane expiryTabs = new TabPane();
    private final Map<ChainColumn, TableColumn<ChainLine, ?>> callColumns = new EnumMap<>(ChainColumn.class);
    private final Map<ChainColumn, TableColumn<ChainLine, ?>> putColumns = new EnumMap<>(ChainColumn.class);
    /** The line and right the mouse last pressed on, for the context menu. */
    private ChainLine pressedLine;

    private OptionRight pressedRight;
    private boolean syncingTabs;

    public OptionChainView(OptionChainViewModel vm) {
        this.vm = vm;
        setId("optionChainPane");
        getStyleClass().add("option-chain");
        var css = OptionChainView.class.getResource("options.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setSpacing(6);
        setPadding(new Insets(8));

        ComboBox<InstrumentId> underlying = new ComboBox<>(vm.underlyings());
        underlying.setId("chainUnderlying");
        underlying.valueProperty().bindBidirectional(vm.underlyingProperty());
        underlying.setPrefWidth(200);
        Label spot = new Label();
        spot.setId("chainSpot");
        spot.getStyleClass().add("chain-spot");
        vm.spotProperty()
                .addListener((o, a, b) -> spot.setText(
                        Double.isNaN(b.doubleValue())
                                ? ""
                                : "Spot " + Formats.price(BigDecimal.valueOf(b.doubleValue()))));
        MenuButton columns = new MenuButton("Columns");
        columns.setId("chainColumns");
        for (ChainColumn c : ChainColumn.values()) {
            CheckMenuItem item = new CheckMenuItem(c.label());
            item.setId("chainColumn-" + c.name());
            item.setSelected(vm.columns().contains(c));
            item.selectedProperty().addListener((o, a, b) -> vm.setColumnShown(c, b));
            columns.getItems().add(item);
        }
        Button toBuilderBuy = new Button("Buy \u2192 builder");
        toBuilderBuy.setId("chainAddBuy");
        toBuilderBuy.setTooltip(new Tooltip("Add the last clicked contract to the strategy builder, bought"));
        toBuilderBuy.disableProperty().bind(vm.lastPickProperty().isNull());
        toBuilderBuy.setOnAction(e -> addLastPick(Side.BUY));
        Button toBuilderSell = new Button("Sell \u2192 builder");
        toBuilderSell.setId("chainAddSell");
        toBuilderSell.setTooltip(new Tooltip("Add the last clicked contract to the strategy builder, sold"));
        toBuilderSell.disableProperty().bind(vm.lastPickProperty().isNull());
        toBuilderSell.setOnAction(e -> addLastPick(Side.SELL));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label underlyingLabel = new Label("_Underlying");
        underlyingLabel.setMnemonicParsing(true);
        underlyingLabel.setLabelFor(underlying);
        HBox bar = new HBox(8, underlyingLabel, underlying, spot, spacer, toBuilderBuy, toBuilderSell, columns);
        bar.setAlignment(Pos.CENTER_LEFT);

        expiryTabs.setId("chainExpiries");
        expiryTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        expiryTabs.setMinHeight(38);
        expiryTabs.setMaxHeight(38);
        vm.expiries().addListener((ListChangeListener<LocalDate>) c -> rebuildTabs());
        vm.expiryProperty().addListener((o, a, b) -> selectTab(b));
        expiryTabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncingTabs && b != null) {
                vm.expiryProperty().set((LocalDate) b.getUserData());
            }
        });

        buildTable();
        Label status = new Label();
        status.setId("chainStatus");
        status.getStyleClass().add("strategy-status");
        status.textProperty().bind(vm.statusProperty());
        getChildren().setAll(bar, expiryTabs, table, status);
        VBox.setVgrow(table, Priority.ALWAYS);
        rebuildTabs();
        if (!vm.lines().isEmpty()) {
            centreAtm();
        }
    }

    private void addLastPick(Side side) {
        ContractPick p = vm.lastPickProperty().get();
        if (p == null) {
            return;
        }
        vm.lines().stream()
                .filter(l -> l.strike().compareTo(p.strike()) == 0)
                .findFirst()
                .ifPresent(l -> vm.addToBuilder(l, p.right(), side));
    }

    private void rebuildTabs() {
        syncingTabs = true;
        try {
            List<Tab> tabs = new ArrayList<>();
            LocalDate today = vm.today();
            for (LocalDate d : vm.expiries()) {
                long days = ChronoUnit.DAYS.between(today, d);
                Tab t = new Tab(TAB_DATE.format(d) + (d.getYear() != today.getYear() ? " " + d.getYear() : "") + "  ("
                        + days + "d)");
                t.setId("expiry-" + d);
                t.setUserData(d);
                tabs.add(t);
            }
            expiryTabs.getTabs().setAll(tabs);
        } finally {
            syncingTabs = false;
        }
        selectTab(vm.expiryProperty().get());
    }

    private void selectTab(LocalDate d) {
        syncingTabs = true;
        try {
            expiryTabs.getTabs().stream()
                    .filter(t -> t.getUserData().equals(d))
                    .findFirst()
                    .ifPresent(t -> expiryTabs.getSelectionModel().select(t));
        } finally {
            syncingTabs = false;
        }
    }

    private void buildTable() {
        table.setId("optionChain");
        table.setFixedCellSize(ROW_HEIGHT);
        table.setItems(vm.lines());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No chain: choose an underlying with a price."));
        TableColumn<ChainLine, ChainLine> calls = new TableColumn<>("Calls");
        TableColumn<ChainLine, ChainLine> puts = new TableColumn<>("Puts");
        ChainColumn[] order = ChainColumn.values();
        // calls read right to left so bid and ask sit beside the strike on both sides
        for (int i = order.length - 1; i >= 0; i--) {
            TableColumn<ChainLine, ?> c = column(order[i], OptionRight.CALL);
            callColumns.put(order[i], c);
            calls.getColumns().add(c);
        }
        for (ChainColumn c : order) {
            TableColumn<ChainLine, ?> col = column(c, OptionRight.PUT);
            putColumns.put(c, col);
            puts.getColumns().add(col);
        }
        TableColumn<ChainLine, BigDecimal> strike = new TableColumn<>("Strike");
        strike.setId("chainStrikeColumn");
        strike.setCellValueFactory(
                cd -> new ReadOnlyObjectWrapper<>(cd.getValue().strike()));
        strike.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(BigDecimal item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("chain-strike");
                setText(empty || item == null ? null : Formats.fixed(item, strikeDecimals));
                if (!empty) {
                    getStyleClass().add("chain-strike");
                }
            }
        });
        strike.setUserData((Function<BigDecimal, String>) k -> Formats.fixed(k, strikeDecimals));
        vm.snapshotProperty().addListener((o, a, b) -> decimals(b));
        strike.setMinWidth(80);
        table.getColumns().setAll(List.of(calls, strike, puts));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ChainLine item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("chain-atm");
                if (!empty && item != null && item.atm()) {
                    getStyleClass().add("chain-atm");
                }
            }
        });
        vm.columns().addListener((SetChangeListener<ChainColumn>) c -> applyColumns());
        applyColumns();
        // after this pulse, so the rows of the new lines are laid out before scrolling
        vm.centreRequestsProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::centreAtm));

        MenuItem buy = new MenuItem("Add to strategy builder: buy");
        buy.setId("chainMenuAddBuy");
        buy.setOnAction(e -> addPressed(Side.BUY));
        MenuItem sell = new MenuItem("Add to strategy builder: sell");
        sell.setId("chainMenuAddSell");
        sell.setOnAction(e -> addPressed(Side.SELL));
        MenuItem ticketBuy = new MenuItem("Buy in the order ticket");
        ticketBuy.setOnAction(e -> pickPressed(Side.BUY));
        MenuItem ticketSell = new MenuItem("Sell in the order ticket");
        ticketSell.setOnAction(e -> pickPressed(Side.SELL));
        table.setContextMenu(new ContextMenu(buy, sell, ticketBuy, ticketSell));
        TableExport.install(table, "option-chain");
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /**
     * Keyboard trading: ← → move between the quote cells of a line (call ask, call bid, put bid, put
     * ask, as laid out), ↑ ↓ move to the line above or below in the same column, Enter acts as a click
     * (a bid sells, an ask buys), B buys and S sells the focused contract. Each loads the order ticket.
     */
    private void onKey(KeyEvent e) {
        if (e.isControlDown()
                || e.isAltDown()
                || e.isMetaDown()
                || table.getItems().isEmpty()) {
            return; // accelerators and the context-menu keys keep their meaning
        }
        List<TableColumn<ChainLine, ?>> quotes = quoteColumns();
        if (quotes.isEmpty()) {
            return;
        }
        TablePosition<ChainLine, ?> at = table.getFocusModel().getFocusedCell();
        int row = at == null || at.getRow() < 0
                ? Math.max(0, vm.atmIndexProperty().get())
                : at.getRow();
        row = Math.min(row, table.getItems().size() - 1);
        TableColumn<ChainLine, ?> column = at == null ? null : at.getTableColumn();
        int slot = quotes.indexOf(column);
        KeyCode code = e.getCode();
        switch (code) {
            case LEFT, RIGHT -> {
                int next = slot < 0
                        ? nearestQuote(column, quotes, code == KeyCode.RIGHT)
                        : Math.max(0, Math.min(quotes.size() - 1, slot + (code == KeyCode.RIGHT ? 1 : -1)));
                focusCell(row, quotes.get(next));
            }
            case UP, DOWN -> focusCell(
                    Math.max(0, Math.min(table.getItems().size() - 1, row + (code == KeyCode.DOWN ? 1 : -1))),
                    slot < 0 ? quotes.get(0) : quotes.get(slot));
            case ENTER, B, S -> {
                if (slot < 0) {
                    focusCell(row, quotes.get(0)); // first show which contract a key would trade
                } else {
                    ChainColumn kind = kindOf(quotes.get(slot));
                    Side side = code == KeyCode.B
                            ? Side.BUY
                            : code == KeyCode.S ? Side.SELL : kind == ChainColumn.BID ? Side.SELL : Side.BUY;
                    vm.pick(table.getItems().get(row), rightOf(quotes.get(slot)), side);
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The visible bid and ask columns, left to right as laid out: call ask, call bid, put bid, put ask. */
    private List<TableColumn<ChainLine, ?>> quoteColumns() {
        List<TableColumn<ChainLine, ?>> out = new ArrayList<>();
        for (TableColumn<ChainLine, ?> c : table.getVisibleLeafColumns()) {
            ChainColumn kind = kindOf(c);
            if (kind == ChainColumn.BID || kind == ChainColumn.ASK) {
                out.add(c);
            }
        }
        return out;
    }

    /** From a non-quote column, the first quote column in the direction of travel (or the last one before it). */
    private int nearestQuote(TableColumn<ChainLine, ?> from, List<TableColumn<ChainLine, ?>> quotes, boolean right) {
        int index = from == null ? -1 : table.getVisibleLeafIndex(from);
        if (index < 0) {
            return 0;
        }
        int best = right ? quotes.size() - 1 : 0;
        for (int i = 0; i < quotes.size(); i++) {
            int q = table.getVisibleLeafIndex(quotes.get(i));
            if (right && q > index) {
                return i;
            }
            if (!right && q < index) {
                best = i;
            }
        }
        return best;
    }

    private void focusCell(int row, TableColumn<ChainLine, ?> column) {
        table.getSelectionModel().clearAndSelect(row, column);
        table.getFocusModel().focus(row, column);
        int first = visibleRange()[0];
        int last = visibleRange()[1];
        if (row < first || row > last) {
            table.scrollTo(Math.max(0, row < first ? row : row - (last - first)));
        }
    }

    /** First and last fully visible row indices (fixed row height), estimated before the first layout. */
    private int[] visibleRange() {
        javafx.scene.control.skin.VirtualFlow<?> flow =
                (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            return new int[] {0, Integer.MAX_VALUE};
        }
        return new int[] {
            flow.getFirstVisibleCell().getIndex() + 1, flow.getLastVisibleCell().getIndex() - 1
        };
    }

    private static ChainColumn kindOf(TableColumn<ChainLine, ?> c) {
        String id = c == null ? null : c.getId();
        if (id == null || !(id.startsWith("call-") || id.startsWith("put-"))) {
            return null;
        }
        return ChainColumn.valueOf(id.substring(id.indexOf('-') + 1));
    }

    private static OptionRight rightOf(TableColumn<ChainLine, ?> c) {
        return c.getId().startsWith("call-") ? OptionRight.CALL : OptionRight.PUT;
    }

    /** Prices with the decimals the chain quotes in (2 for penny ticks, 0 for BTC's whole-dollar tick). */
    private void decimals(ChainSnapshot c) {
        if (c == null) {
            return;
        }
        int prices = 0;
        int strikes = 0;
        for (ChainLine l : c.lines()) {
            strikes = Math.max(strikes, Formats.decimalsOf(l.strike()));
            for (ChainSide side : List.of(l.call(), l.put())) {
                prices = Math.max(prices, Math.max(Formats.decimalsOf(side.bid()), Formats.decimalsOf(side.ask())));
            }
        }
        prices = c.multiplier() > 1 ? Math.max(2, prices) : Math.min(4, prices);
        if (prices != priceDecimals || strikes != strikeDecimals) {
            priceDecimals = prices;
            strikeDecimals = Math.min(4, strikes);
            table.refresh();
        }
    }

    private void addPressed(Side side) {
        if (pressedLine != null && pressedRight != null) {
            vm.addToBuilder(pressedLine, pressedRight, side);
        }
    }

    private void pickPressed(Side side) {
        if (pressedLine != null && pressedRight != null) {
            vm.pick(pressedLine, pressedRight, side);
        }
    }

    private void applyColumns() {
        for (ChainColumn c : ChainColumn.values()) {
            boolean shown = vm.columns().contains(c);
            callColumns.get(c).setVisible(shown);
            putColumns.get(c).setVisible(shown);
        }
    }

    /** Scrolls so the at-the-money line sits in the middle of the table. */
    private void centreAtm() {
        int atm = vm.atmIndexProperty().get();
        if (atm < 0) {
            return;
        }
        // the keyboard cursor starts on the at-the-money call's ask (or the line, if quotes are hidden)
        List<TableColumn<ChainLine, ?>> quotes = quoteColumns();
        if (quotes.isEmpty()) {
            table.getSelectionModel().clearAndSelect(atm);
        } else {
            table.getSelectionModel().clearAndSelect(atm, quotes.get(0));
            table.getFocusModel().focus(atm, quotes.get(0));
        }
        // fixed row height: the number of visible rows is known even before the first layout
        javafx.scene.Node header = table.lookup(".column-header-background");
        double headerHeight = header == null || header.getLayoutBounds().getHeight() <= 0
                ? 2 * ROW_HEIGHT
                : header.getLayoutBounds().getHeight();
        double height = table.getHeight() > 0 ? table.getHeight() : table.getPrefHeight();
        int visible = Math.max(1, (int) ((height - headerHeight) / ROW_HEIGHT));
        table.scrollTo(Math.max(0, atm - visible / 2));
        if (table.getHeight() <= 0) {
            // not laid out yet (a window just opening): centre again once it has a height
            table.heightProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> o, Number a, Number b) {
                    if (b.doubleValue() > 0) {
                        table.heightProperty().removeListener(this);
                        javafx.application.Platform.runLater(OptionChainView.this::centreAtm);
                    }
                }
            });
        }
    }

    private TableColumn<ChainLine, ChainSide> column(ChainColumn kind, OptionRight right) {
        TableColumn<ChainLine, ChainSide> c = new TableColumn<>(kind.label());
        c.setId((right == OptionRight.CALL ? "call" : "put") + "-" + kind.name());
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().side(right)));
        c.setSortable(false);
        c.setReorderable(false);
        c.setMinWidth(
                switch (kind) {
                    case OPEN_INTEREST, GAMMA, THETA -> 64;
                    default -> 56;
                });
        Function<ChainSide, String> format = s -> text(kind, s, priceDecimals);
        c.setUserData(format);
        c.setCellFactory(col -> new TableCell<>() {
            {
                setOnMousePressed(e -> {
                    ChainLine line =
                            getTableRow() == null ? null : getTableRow().getItem();
                    if (line != null) {
                        pressedLine = line;
                        pressedRight = right;
                    }
                });
                setOnMouseClicked(e -> {
                    ChainLine line =
                            getTableRow() == null ? null : getTableRow().getItem();
                    if (line == null || e.getButton() != MouseButton.PRIMARY) {
                        return;
                    }
                    if (kind == ChainColumn.BID) {
                        vm.pick(line, right, Side.SELL);
                    } else if (kind == ChainColumn.ASK) {
                        vm.pick(line, right, Side.BUY);
                    }
                });
            }

            @Override
            protected void updateItem(ChainSide item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("chain-itm", "chain-bid", "chain-ask");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(format.apply(item));
                setAlignment(Pos.CENTER_RIGHT);
                if (item.inTheMoney()) {
                    getStyleClass().add("chain-itm");
                }
                if (kind == ChainColumn.BID) {
                    getStyleClass().add("chain-bid");
                } else if (kind == ChainColumn.ASK) {
                    getStyleClass().add("chain-ask");
                }
            }
        });
        return c;
    }

    static String text(ChainColumn kind, ChainSide s, int priceDecimals) {
        return switch (kind) {
            case BID -> Formats.fixed(s.bid(), priceDecimals);
            case ASK -> Formats.fixed(s.ask(), priceDecimals);
            case LAST -> s.last() == null ? "\u2013" : Formats.fixed(s.last(), priceDecimals);
            case IV -> String.format(Locale.US, "%.1f%%", s.iv() * 100);
            case DELTA -> String.format(Locale.US, "%.3f", s.delta());
            case GAMMA -> String.format(Locale.US, "%.4f", s.gamma());
            case THETA -> String.format(Locale.US, "%.3f", s.theta());
            case VEGA -> String.format(Locale.US, "%.3f", s.vega());
            case RHO -> String.format(Locale.US, "%.3f", s.rho());
            case OPEN_INTEREST -> String.format(Locale.US, "%,d", s.openInterest());
        };
    }

    /** The chain table (for tests and the options window's focus handling). */
    public TableView<ChainLine> table() {
        return table;
    }
}
