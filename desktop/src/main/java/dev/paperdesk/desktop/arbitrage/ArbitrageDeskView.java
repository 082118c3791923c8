package dev.paperdesk.desktop.arbitrage;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.engine.arbitrage.Decision;
import dev.paperdesk.engine.arbitrage.LegOutEvent;
import dev.paperdesk.engine.arbitrage.Opportunity;
import dev.paperdesk.engine.arbitrage.TradeRecord;
import dev.paperdesk.engine.arbitrage.VenueLatency;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The arbitrage desk: controls and thresholds on top, the book's summary tiles, then active trades
 * and recent exits beside the ranked opportunities, venue latency and the decision log.
 */
public final class ArbitrageDeskView extends BorderPane {
    private final ArbitrageDeskViewModel vm;

    public ArbitrageDeskView(ArbitrageDeskViewModel vm) {
        this.vm = vm;
        setId("arbitrageDesk");
        setTop(new VBox(6, controls(), summary()));
        setCenter(tables());
        setPadding(new Insets(8));
    }

    private VBox controls() {
        Button start = new Button("_Start strategy");
        start.setId("arbitrageStart");
        start.disableProperty().bind(vm.runningProperty());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("S_top strategy");
        stop.setId("arbitrageStop");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());

        ComboBox<ArbitrageDeskViewModel.Market> market = new ComboBox<>();
        market.setId("arbitrageMarket");
        market.getItems().add(ArbitrageDeskViewModel.Market.PRIVATE_SIMULATION);
        if (vm.sessionMarketAvailable()) {
            market.getItems().add(ArbitrageDeskViewModel.Market.SESSION_MARKET);
        }
        market.setValue(vm.marketProperty().get());
        market.setTooltip(new Tooltip("Private simulation: the desk's own market and clock."
                + " Session market: the main window's market, on the session's clock."));
        market.disableProperty().bind(vm.busyProperty());
        market.setOnAction(e -> {
            if (market.getValue() != null && !vm.selectMarket(market.getValue())) {
                market.setValue(vm.marketProperty().get());
            }
        });
        Label marketLabel = new Label("_Market:");
        marketLabel.setMnemonicParsing(true);
        marketLabel.setLabelFor(market);

        ComboBox<String> step = new ComboBox<>();
        step.getItems().setAll("1 min", "10 min", "1 h", "6 h");
        step.setValue("10 min");
        step.setId("arbitrageAdvanceBy");
        step.disableProperty().bind(vm.canAdvanceProperty().not());
        Button advance = new Button("_Advance");
        advance.setId("arbitrageAdvance");
        advance.disableProperty()
                .bind(vm.busyProperty().or(vm.canAdvanceProperty().not()));
        advance.setOnAction(e -> vm.advance(parse(step.getValue())));
        TextField speed = field("arbitrageSpeed", vm.speedProperty(), 50);
        speed.setTooltip(new Tooltip("Simulated seconds per real second while the clock runs"));
        Button play = new Button("_Run clock");
        play.setId("arbitragePlay");
        play.setOnAction(e -> vm.play());
        play.disableProperty().bind(vm.ownClockProperty().not());
        speed.disableProperty().bind(vm.ownClockProperty().not());
        Button pause = new Button("_Pause");
        pause.setId("arbitragePause");
        pause.disableProperty().bind(vm.ownClockProperty().not());
        pause.setOnAction(e -> vm.pause());
        Label clock = new Label();
        clock.setId("arbitrageClock");
        clock.textProperty().bind(vm.clockTextProperty());
        clock.setStyle("-fx-font-family: monospace;");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row1 = new HBox(
                8,
                start,
                stop,
                marketLabel,
                market,
                step,
                advance,
                speed,
                new Label("\u00d7"),
                play,
                pause,
                grow,
                clock);
        row1.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Button apply = new Button("Appl_y thresholds");
        apply.setId("arbitrageApply");
        apply.setOnAction(e -> vm.applyThresholds());
        Label status = new Label();
        status.setId("arbitrageStatus");
        status.textProperty().bind(vm.statusProperty());
        HBox row2 = new HBox(
                8,
                new Label("Min confidence"),
                field("arbitrageMinConfidence", vm.minConfidenceProperty(), 50),
                new Label("Min spread (bps)"),
                field("arbitrageMinSpread", vm.minSpreadProperty(), 60),
                new Label("Min funding delta (%/8h)"),
                field("arbitrageMinFunding", vm.minFundingDeltaProperty(), 70),
                new Label("Min depth at 2 bps (USD)"),
                field("arbitrageMinDepth", vm.minDepthProperty(), 90),
                apply,
                status);
        row2.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(6, row1, row2);
    }

    private static Duration parse(String step) {
        return switch (step) {
            case "1 min" -> Duration.ofMinutes(1);
            case "1 h" -> Duration.ofHours(1);
            case "6 h" -> Duration.ofHours(6);
            default -> Duration.ofMinutes(10);
        };
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefWidth(width);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private FlowPane summary() {
        Label pnl = tileValue(vm.pnlProperty());
        vm.pnlNegativeProperty().addListener((o, a, negative) -> colour(pnl, negative));
        vm.pnlProperty()
                .addListener((o, a, b) -> colour(pnl, vm.pnlNegativeProperty().get()));
        FlowPane tiles = new FlowPane(
                8,
                8,
                tile("Capital", tileValue(vm.capitalProperty())),
                tile("Available", tileValue(vm.availableProperty())),
                tile("Utilization", tileValue(vm.utilizationProperty())),
                tile("Trades", tileValue(vm.tradesProperty())),
                tile("Win rate", tileValue(vm.winRateProperty())),
                tile("Cumulative P&L", pnl),
                tile("Realistic APR", tileValue(vm.aprProperty())),
                tile("Leg-out events", tileValue(vm.legOutsProperty())),
                tile("Rejections", tileValue(vm.rejectionsProperty())));
        tiles.setId("arbitrageSummary");
        return tiles;
    }

    private static void colour(Label l, boolean negative) {
        l.getStyleClass().removeAll("pnl-positive", "pnl-negative");
        if (!l.getText().startsWith("\u2013") && !l.getText().startsWith("+0.00 ")) {
            l.getStyleClass().add(negative ? "pnl-negative" : "pnl-positive");
        }
    }

    private static Label tileValue(ReadOnlyStringProperty p) {
        Label v = new Label();
        v.textProperty().bind(p);
        v.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        return v;
    }

    private static VBox tile(String name, Label value) {
        VBox box = new VBox(2, value, new Label(name));
        box.setId("arbitrageTile-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        box.setPadding(new Insets(6, 10, 6, 10));
        box.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 4;");
        return box;
    }

    private SplitPane tables() {
        TableView<TradeRecord> active = new TableView<>(vm.activeTrades());
        active.setId("arbitrageActiveTrades");
        active.setPlaceholder(new Label("No open trades"));
        active.getColumns()
                .setAll(List.of(
                        Columns.text("Trade", TradeRecord::id, s -> s),
                        Columns.text("Symbol", TradeRecord::symbol, ArbitrageDeskView::base),
                        Columns.text("Long", TradeRecord::longVenue, s -> s),
                        Columns.text("Short", TradeRecord::shortVenue, s -> s),
                        Columns.text("Status", t -> t.status().name(), s -> s),
                        Columns.number("Size", TradeRecord::positionSize, ArbitrageDeskViewModel::money),
                        Columns.number("Entry", TradeRecord::entrySpreadBps, ArbitrageDeskView::bps),
                        Columns.number("Now", TradeRecord::currentSpreadBps, ArbitrageDeskView::bps),
                        Columns.styled(
                                "Unrealized",
                                TradeRecord::unrealizedPnl,
                                v -> String.format(Locale.ROOT, "%+,.2f", v),
                                ArbitrageDeskView::pnlClass),
                        Columns.number(
                                "Projected", TradeRecord::projectedProfit, v -> String.format(Locale.ROOT, "%,.2f", v)),
                        Columns.number("Leg-outs", t -> t.legOuts().size(), n -> Integer.toString(n))));
        fit(active);
        TableExport.install(active, "arbitrage-active-trades");

        TableView<TradeRecord> closed = new TableView<>(vm.recentExits());
        closed.setId("arbitrageExits");
        closed.setPlaceholder(new Label("No closed trades yet"));
        closed.getColumns()
                .setAll(List.of(
                        Columns.text("Trade", TradeRecord::id, s -> s),
                        Columns.text("Closed", TradeRecord::exitTime, ArbitrageDeskView::time),
                        Columns.text("Symbol", TradeRecord::symbol, ArbitrageDeskView::base),
                        Columns.text("Venues", t -> t.longVenue() + " / " + t.shortVenue(), s -> s),
                        Columns.number("Entry", TradeRecord::entrySpreadBps, ArbitrageDeskView::bps),
                        Columns.styled(
                                "Profit",
                                TradeRecord::actualProfit,
                                ArbitrageDeskViewModel::signedMoney,
                                v -> v.signum() > 0 ? "pnl-positive" : (v.signum() < 0 ? "pnl-negative" : "pnl-zero")),
                        Columns.longText("Reason", TradeRecord::exitReason, s -> s),
                        Columns.text("Leg-out", ArbitrageDeskView::legOutText, s -> s)));
        fit(closed);
        TableExport.install(closed, "arbitrage-exits");

        TableView<Opportunity> opps = new TableView<>(vm.opportunities());
        opps.setId("arbitrageOpportunities");
        opps.setPlaceholder(new Label("No spread between venues yet"));
        opps.getColumns()
                .setAll(List.of(
                        Columns.text("Symbol", Opportunity::symbol, ArbitrageDeskView::base),
                        Columns.text("Long", Opportunity::longVenue, s -> s),
                        Columns.text("Short", Opportunity::shortVenue, s -> s),
                        Columns.number("Spread", Opportunity::spreadBps, ArbitrageDeskView::bps),
                        Columns.number(
                                "Fund \u0394 %/8h",
                                Opportunity::fundingDelta8h, v -> String.format(Locale.ROOT, "%+.4f", v * 100)),
                        Columns.number("Conf.", Opportunity::confidence, n -> Integer.toString(n)),
                        Columns.number("Size", Opportunity::sizeUsd, v -> String.format(Locale.ROOT, "%,.0f", v)),
                        Columns.styled(
                                "Net profit",
                                Opportunity::projectedProfitAfterSlippage,
                                v -> String.format(Locale.ROOT, "%+,.2f", v),
                                ArbitrageDeskView::pnlClass),
                        Columns.text(
                                "Rejected by",
                                o -> o.rejection() == null
                                        ? "\u2713 tradable"
                                        : o.rejection().key(),
                                s -> s)));
        fit(opps);
        TableExport.install(opps, "arbitrage-opportunities");

        TableView<VenueLatency> venues = new TableView<>(vm.latencies());
        venues.setId("arbitrageLatency");
        venues.setPlaceholder(new Label("No venue heard from yet: start the strategy"));
        venues.getColumns()
                .setAll(List.of(
                        Columns.text("Venue", VenueLatency::venue, s -> s),
                        Columns.number(
                                "Last ms", VenueLatency::latencyMillis, v -> String.format(Locale.ROOT, "%.1f", v)),
                        Columns.number(
                                "10 s avg ms", VenueLatency::averageMillis, v -> String.format(Locale.ROOT, "%.1f", v)),
                        Columns.styled(
                                "Status",
                                VenueLatency::stale,
                                stale -> stale ? "STALE" : "ok",
                                stale -> stale ? "pnl-negative" : "pnl-positive")));
        fit(venues);
        TableExport.install(venues, "arbitrage-venue-latency");

        TableView<Decision> log = new TableView<>(vm.decisions());
        log.setId("arbitrageDecisions");
        log.getColumns()
                .setAll(List.of(
                        Columns.text("Time", Decision::time, ArbitrageDeskView::time),
                        Columns.text("Kind", d -> d.kind().name(), s -> s),
                        Columns.text("Subject", Decision::subject, s -> s),
                        Columns.longText("Reason", Decision::reason, s -> s),
                        Columns.longText("Detail", Decision::detail, s -> s)));
        fit(log);
        TableExport.install(log, "arbitrage-decisions");

        TabPane right = new TabPane(
                tab("Top opportunities", opps, "arbitrageOpportunitiesTab"),
                tab("Decision log", log, "arbitrageDecisionsTab"));
        SplitPane top = new SplitPane(titled("Active trades", active), right);
        top.setDividerPositions(0.5);
        SplitPane bottom = new SplitPane(titled("Venue latency", venues), titled("Recent exits", closed));
        bottom.setDividerPositions(0.3);
        SplitPane all = new SplitPane(top, bottom);
        all.setOrientation(Orientation.VERTICAL);
        all.setDividerPositions(0.55);
        return all;
    }

    private static VBox titled(String title, TableView<?> table) {
        Label label = new Label(title);
        label.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(4, label, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static Tab tab(String title, javafx.scene.Node content, String id) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    private static String legOutText(TradeRecord t) {
        if (t.legOuts().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (LegOutEvent e : t.legOuts()) {
            sb.append(sb.isEmpty() ? "" : "; ")
                    .append(e.phase())
                    .append(": ")
                    .append(e.unfilledLeg())
                    .append(" hedged, -")
                    .append(ArbitrageDeskViewModel.money(e.loss()));
        }
        return sb.toString();
    }

    /** {@code BTC-USDT-PERP} → {@code BTC}: every symbol on the desk is a USDT perpetual. */
    private static String base(String symbol) {
        int dash = symbol.indexOf('-');
        return dash > 0 ? symbol.substring(0, dash) : symbol;
    }

    /**
     * Fills the table's width, but never below a width that shows each header and a typical value:
     * a narrow pane scrolls sideways instead of cutting "8.65 bps" to "8.6...".
     */
    private static void fit(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.headersWhole(table, 72);
        for (var column : table.getColumns()) {
            if (column.getText().equals("Long") || column.getText().equals("Short")) {
                column.setMinWidth(104); // a venue such as "hyperliquid" in full
            }
        }
    }

    private static String pnlClass(double v) {
        return v > 0 ? "pnl-positive" : (v < 0 ? "pnl-negative" : "pnl-zero");
    }

    private static String bps(double v) {
        return String.format(Locale.ROOT, "%.2f bps", v);
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString().substring(11, 19);
    }

    static String money(BigDecimal v) {
        return ArbitrageDeskViewModel.money(v);
    }
}
