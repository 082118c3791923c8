package dev.paperdesk.desktop.margin;

import dev.paperdesk.desktop.common.Columns;
import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.KeptSelection;
import dev.paperdesk.desktop.common.StyleClasses;
import dev.paperdesk.desktop.common.TableExport;
import dev.paperdesk.desktop.margin.MarginDashboardViewModel.ExposureRow;
import dev.paperdesk.desktop.margin.MarginDashboardViewModel.FundingRow;
import dev.paperdesk.desktop.margin.MarginDashboardViewModel.LiquidationRow;
import dev.paperdesk.desktop.margin.MarginDashboardViewModel.MarginEventRow;
import dev.paperdesk.desktop.margin.MarginDashboardViewModel.PositionRow;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import eu.hansolo.tilesfx.skins.BarChartItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.StringConverter;

/**
 * The margin and risk dashboard: a warning banner, TilesFX gauges (margin use with its 80/90/95%
 * sections, effective leverage, daily loss and drawdown against their limits, exposure by asset
 * class), the position sizing panel, and tabs with positions and their margin, funding,
 * liquidations and margin history.
 */
public final class MarginDashboardView extends BorderPane {
    static final Color OK = Color.web("#3fb950");
    static final Color CAUTION = Color.web("#d29922");
    static final Color DANGER = Color.web("#f0883e");
    static final Color CRITICAL = Color.web("#f85149");
    private static final double TILE = 160;

    private final Tile marginGauge;
    private final Tile leverageGauge;
    private final Tile dailyLossGauge;
    private final Tile drawdownGauge;
    private final Tile exposureTile;

    public MarginDashboardView(MarginDashboardViewModel vm) {
        setId("marginDashboard");
        getStyleClass().add("margin-dashboard");
        var css = MarginDashboardView.class.getResource("margin.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }

        Label banner = new Label();
        banner.setId("liquidationBanner");
        banner.getStyleClass().add("margin-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(vm.bannerProperty());
        banner.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        Runnable bannerStyle = () -> {
            StyleClasses.exclusive(
                    banner.getStyleClass(),
                    List.of("level-80", "level-90", "level-95", "level-liquidation", "level-none"),
                    styleOf(vm.levelProperty().get()));
        };
        vm.levelProperty().addListener((o, a, b) -> bannerStyle.run());
        bannerStyle.run();

        marginGauge = TileBuilder.create()
                .skinType(Tile.SkinType.GAUGE)
                .prefSize(TILE, TILE)
                .title("Margin use")
                .unit("% maint.")
                .minValue(0)
                .maxValue(100)
                .decimals(1)
                .tickLabelDecimals(0)
                .threshold(100)
                .sectionsVisible(true)
                .highlightSections(true)
                .sections(
                        new Section(0, 80, OK.deriveColor(0, 1, 1, 0.35), OK),
                        new Section(80, 90, CAUTION.deriveColor(0, 1, 1, 0.45), CAUTION),
                        new Section(90, 95, DANGER.deriveColor(0, 1, 1, 0.5), DANGER),
                        new Section(95, 100, CRITICAL.deriveColor(0, 1, 1, 0.55), CRITICAL))
                .animated(false)
                .build();
        marginGauge.setId("marginLevelGauge");
        leverageGauge = gauge("Effective leverage", "\u00d7", 20, 2);
        leverageGauge.setId("leverageGauge");
        dailyLossGauge = gauge("Daily loss", "% of day open", 20, 2);
        dailyLossGauge.setId("dailyLossGauge");
        drawdownGauge = gauge("Drawdown", "% below peak", 50, 2);
        drawdownGauge.setId("drawdownGauge");
        exposureTile = TileBuilder.create()
                .skinType(Tile.SkinType.BAR_CHART)
                .prefSize(TILE * 1.6, TILE)
                .title("Exposure by class")
                .decimals(0)
                .animated(false)
                .build();
        exposureTile.setId("exposureTile");

        vm.marginUseProperty().addListener((o, a, b) -> updateMargin(vm));
        vm.marginLevelProperty().addListener((o, a, b) -> updateMargin(vm));
        vm.leverageProperty().addListener((o, a, b) -> updateLeverage(vm));
        vm.dailyLossProperty()
                .addListener((o, a, b) -> updateLimit(
                        dailyLossGauge,
                        vm.dailyLossProperty().get(),
                        vm.dailyLossLimitProperty().get()));
        vm.dailyLossLimitProperty()
                .addListener((o, a, b) -> updateLimit(
                        dailyLossGauge,
                        vm.dailyLossProperty().get(),
                        vm.dailyLossLimitProperty().get()));
        vm.drawdownProperty()
                .addListener((o, a, b) -> updateLimit(
                        drawdownGauge,
                        vm.drawdownProperty().get(),
                        vm.drawdownLimitProperty().get()));
        vm.drawdownLimitProperty()
                .addListener((o, a, b) -> updateLimit(
                        drawdownGauge,
                        vm.drawdownProperty().get(),
                        vm.drawdownLimitProperty().get()));
        vm.exposure().addListener((javafx.collections.ListChangeListener<ExposureRow>) c -> updateExposure(vm));
        vm.baseCurrencyProperty().addListener((o, a, b) -> updateExposure(vm));
        updateMargin(vm);
        updateLeverage(vm);
        updateLimit(
                dailyLossGauge,
                vm.dailyLossProperty().get(),
                vm.dailyLossLimitProperty().get());
        updateLimit(
                drawdownGauge,
                vm.drawdownProperty().get(),
                vm.drawdownLimitProperty().get());
        updateExposure(vm);

        HBox tiles = new HBox(8, marginGauge, leverageGauge, dailyLossGauge, drawdownGauge, exposureTile, sizing(vm));
        tiles.setPadding(new Insets(6, 8, 6, 8));
        Label summary = new Label();
        summary.setId("marginSummary");
        summary.getStyleClass().add("margin-summary");
        summary.textProperty().bind(vm.summaryProperty());
        Label fund = new Label();
        fund.setId("insuranceFund");
        fund.getStyleClass().add("margin-summary");
        fund.textProperty().bind(vm.fundProperty());
        HBox facts = new HBox(24, summary, fund);
        facts.setPadding(new Insets(0, 8, 4, 8));
        setTop(new VBox(banner, tiles, facts));
        setCenter(tables(vm));
    }

    private static Tile gauge(String title, String unit, double max, int decimals) {
        return TileBuilder.create()
                .skinType(Tile.SkinType.GAUGE)
                .prefSize(TILE, TILE)
                .title(title)
                .unit(unit)
                .minValue(0)
                .maxValue(max)
                .decimals(decimals)
                .tickLabelDecimals(0)
                .sectionsVisible(true)
                .animated(false)
                .build();
    }

    private void updateMargin(MarginDashboardViewModel vm) {
        double use = vm.marginUseProperty().get();
        marginGauge.setValue(Math.min(use, 100));
        marginGauge.setDescription(use > 100 ? "over 100%" : "");
        marginGauge.setText("margin level " + vm.marginLevelProperty().get());
        marginGauge.setBarColor(colourOf(use));
    }

    private void updateLeverage(MarginDashboardViewModel vm) {
        double lev = vm.leverageProperty().get();
        double max = lev <= 20 ? 20 : lev <= 50 ? 50 : 100;
        leverageGauge.setMaxValue(max);
        leverageGauge.setValue(Math.min(lev, max));
        leverageGauge.setSections(
                new Section(0, max * 0.5, OK.deriveColor(0, 1, 1, 0.35), OK),
                new Section(max * 0.5, max, DANGER.deriveColor(0, 1, 1, 0.45), DANGER));
    }

    /** A gauge against a limit (scale to twice the limit): green to 80% of it, amber to the limit, red beyond. */
    static void updateLimit(Tile tile, double value, double limit) {
        double max = limit * 2;
        tile.setMaxValue(max);
        tile.setThreshold(limit);
        tile.setSections(
                new Section(0, limit * 0.8, OK.deriveColor(0, 1, 1, 0.35), OK),
                new Section(limit * 0.8, limit, CAUTION.deriveColor(0, 1, 1, 0.45), CAUTION),
                new Section(limit, max, CRITICAL.deriveColor(0, 1, 1, 0.55), CRITICAL));
        tile.setValue(Math.min(value, max));
        tile.setText(String.format(Locale.US, "limit %.4s%%", trim(limit)));
        tile.setBarColor(value >= limit ? CRITICAL : value >= limit * 0.8 ? CAUTION : OK);
    }

    private static String trim(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private void updateExposure(MarginDashboardViewModel vm) {
        // The bar-chart skin only reacts to additions and removals, not to replacements: update the
        // existing bars in place, add the new classes and remove the ones that went flat.
        Color[] palette = {
            Color.web("#58a6ff"),
            Color.web("#bc8cff"),
            Color.web("#3fb950"),
            Color.web("#d29922"),
            Color.web("#f0883e"),
            Color.web("#39c5cf")
        };
        List<String> wanted =
                vm.exposure().stream().map(ExposureRow::assetClass).toList();
        exposureTile.getBarChartItems().removeIf(item -> !wanted.contains(item.getName()));
        for (ExposureRow r : vm.exposure()) {
            BarChartItem existing = exposureTile.getBarChartItems().stream()
                    .filter(item -> item.getName().equals(r.assetClass()))
                    .findFirst()
                    .orElse(null);
            if (existing != null) {
                existing.setValue(r.value().doubleValue());
            } else {
                BarChartItem item = new BarChartItem(
                        r.assetClass(),
                        r.value().doubleValue(),
                        palette[wanted.indexOf(r.assetClass()) % palette.length]);
                item.setFormatString(EXPOSURE_FORMAT); // 32,513 rather than the tile's plain 32513
                exposureTile.getBarChartItems().add(item);
            }
        }
        exposureTile.setDescription(wanted.isEmpty() ? "no open positions" : "");
        exposureTile.setUnit(vm.baseCurrencyProperty().get());
        exposureTile.setTitle("Exposure by class (" + vm.baseCurrencyProperty().get() + ")");
    }

    /** An exposure bar's amount: whole units of the base currency with grouped digits. */
    static final String EXPOSURE_FORMAT = "%,.0f";

    static Color colourOf(double usePct) {
        return usePct >= 95 ? CRITICAL : usePct >= 90 ? DANGER : usePct >= 80 ? CAUTION : OK;
    }

    private static String styleOf(WarningLevel l) {
        return switch (l) {
            case NONE -> "level-none";
            case WARNING_80 -> "level-80";
            case WARNING_90 -> "level-90";
            case WARNING_95 -> "level-95";
            case LIQUIDATION -> "level-liquidation";
        };
    }

    private static VBox sizing(MarginDashboardViewModel vm) {
        Label title = new Label("Position size");
        title.getStyleClass().add("pane-title");
        ComboBox<InstrumentId> instrument = new ComboBox<>(vm.instruments());
        instrument.setId("sizingInstrument");
        instrument.setPromptText("instrument");
        instrument.valueProperty().bindBidirectional(vm.sizingInstrumentProperty());
        instrument.setConverter(new StringConverter<>() {
            @Override
            public String toString(InstrumentId id) {
                return id == null ? "" : id.toString();
            }

            @Override
            public InstrumentId fromString(String s) {
                return s == null || s.isBlank() ? null : InstrumentId.parse(s);
            }
        });
        instrument.valueProperty().addListener((o, a, b) -> vm.useCurrentPrice());
        instrument.setMaxWidth(Double.MAX_VALUE);
        TextField risk = field("sizingRisk", vm.sizingRiskProperty(), "risk %");
        TextField entry = field("sizingEntry", vm.sizingEntryProperty(), "entry");
        TextField stop = field("sizingStop", vm.sizingStopProperty(), "stop");
        Button compute = new Button("Size");
        compute.setId("sizingCompute");
        compute.setOnAction(e -> vm.size());
        stop.setOnAction(e -> vm.size());
        Label result = new Label();
        result.setId("sizingResult");
        result.setWrapText(true);
        result.setMaxWidth(260);
        result.textProperty().bind(vm.sizingResultProperty());
        GridPane grid = new GridPane(6, 4);
        grid.addRow(0, new Label("Risk %"), risk);
        grid.addRow(1, new Label("Entry"), entry);
        grid.addRow(2, new Label("Stop"), stop);
        VBox box = new VBox(4, title, instrument, grid, compute, result);
        box.setId("sizingPanel");
        box.getStyleClass().add("sizing-panel");
        box.setPrefWidth(270);
        return box;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(9);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private static TabPane tables(MarginDashboardViewModel vm) {
        TableView<PositionRow> positions = new TableView<>();
        KeptSelection.attach(positions, vm.positions(), PositionRow::instrument);
        positions.setId("marginPositionsTable");
        positions
                .getColumns()
                .setAll(List.<TableColumn<PositionRow, ?>>of(
                        Columns.instrument("Symbol", PositionRow::instrument),
                        Columns.text("Ccy", PositionRow::currency, s -> s),
                        Columns.text("Mode", PositionRow::mode, s -> s),
                        Columns.number("Leverage", PositionRow::leverage, l -> l + "\u00d7"),
                        Columns.styled(
                                "Quantity",
                                PositionRow::quantity,
                                Formats::quantity,
                                q -> q.signum() < 0 ? "short" : "long"),
                        Columns.number("Entry", PositionRow::entry, Formats::price),
                        Columns.number("Mark", PositionRow::mark, Formats::price),
                        Columns.number("Liq. price", PositionRow::liquidationPrice, Formats::price),
                        Columns.number("Margin", PositionRow::margin, Formats::money),
                        Columns.number("Maint. margin", PositionRow::maintenance, Formats::money),
                        Columns.number("Maint. use %", PositionRow::maintenanceUsePct, v -> v.toPlainString() + "%"),
                        Columns.styled(
                                "Unrealized P&L",
                                PositionRow::unrealizedPnl,
                                Formats::signedMoney,
                                Formats::pnlStyleClass)));
        positions.setPlaceholder(new Label("No open positions: margin is all free."));

        TableView<FundingRow> funding = new TableView<>(vm.funding());
        funding.setId("fundingTable");
        funding.getColumns()
                .setAll(List.<TableColumn<FundingRow, ?>>of(
                        Columns.text("Time (UTC)", FundingRow::time, Formats::time),
                        Columns.text("Symbol", FundingRow::instrument, s -> s),
                        Columns.number(
                                "Rate",
                                FundingRow::rate,
                                r -> r.movePointRight(2).stripTrailingZeros().toPlainString() + "%"),
                        Columns.number("Mark", FundingRow::mark, Formats::price),
                        Columns.number("Position", FundingRow::quantity, Formats::quantity),
                        Columns.styled("Amount", FundingRow::amount, Formats::signedMoney, Formats::pnlStyleClass),
                        Columns.text("Ccy", FundingRow::currency, s -> s)));
        funding.setPlaceholder(new Label("No funding yet: perpetual positions pay or receive at each funding time."));

        TableView<LiquidationRow> liquidations = new TableView<>(vm.liquidations());
        liquidations.setId("liquidationsTable");
        liquidations
                .getColumns()
                .setAll(List.<TableColumn<LiquidationRow, ?>>of(
                        Columns.text("Time (UTC)", LiquidationRow::time, Formats::time),
                        Columns.text("Symbol", LiquidationRow::instrument, s -> s),
                        Columns.text("Step", LiquidationRow::kind, s -> s),
                        Columns.number("Quantity", LiquidationRow::quantity, Formats::quantity),
                        Columns.number("Mark", LiquidationRow::price, Formats::price),
                        Columns.number("Fee to fund", LiquidationRow::fee, Formats::money),
                        Columns.number("Shortfall", LiquidationRow::shortfall, Formats::money),
                        Columns.number("Fund cover", LiquidationRow::insurance, Formats::money),
                        Columns.number("ADL cover", LiquidationRow::adl, Formats::money),
                        Columns.text("Ccy", LiquidationRow::currency, s -> s)));
        liquidations.setPlaceholder(new Label("No liquidations."));

        TableView<MarginEventRow> history = new TableView<>(vm.marginHistory());
        history.setId("marginHistoryTable");
        history.getColumns()
                .setAll(List.<TableColumn<MarginEventRow, ?>>of(
                        Columns.text("Time (UTC)", MarginEventRow::time, Formats::time),
                        Columns.text("Event", MarginEventRow::kind, s -> s),
                        Columns.text("Level", MarginEventRow::level, s -> s),
                        Columns.text("Pool", MarginEventRow::pool, s -> s),
                        Columns.number("Equity", MarginEventRow::equity, Formats::money),
                        Columns.number(
                                "Maint. use %",
                                MarginEventRow::maintenanceUsePct,
                                v -> v.setScale(2, java.math.RoundingMode.HALF_EVEN)
                                                .toPlainString() + "%")));
        history.setPlaceholder(new Label("No margin warnings so far."));

        for (TableView<?> t : List.of(positions, funding, liquidations, history)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
        TableExport.install(positions, "margin-positions");
        TableExport.install(funding, "funding");
        TableExport.install(liquidations, "liquidations");
        TableExport.install(history, "margin-history");
        TabPane tabs = new TabPane(
                new Tab("Positions & margin", positions),
                new Tab("Funding", funding),
                new Tab("Liquidations", liquidations),
                new Tab("Margin history", history));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return tabs;
    }

    Tile marginGauge() {
        return marginGauge;
    }

    /**
     * The dashboard in a tab ({@code #marginTab}) for the main window's bottom pane. Its gauges are
     * built when the tab is first shown: they are the most expensive controls of the main window, and
     * building them up front delayed the first live frame. The view model (and its alerts) is live
     * from the start.
     */
    public static Tab tab(MarginDashboardViewModel vm) {
        Tab tab = new Tab("Margin & risk");
        tab.setId("marginTab");
        Runnable build = () -> {
            if (tab.getContent() == null) {
                javafx.scene.control.ScrollPane scroll =
                        new javafx.scene.control.ScrollPane(new MarginDashboardView(vm));
                scroll.setFitToWidth(true);
                scroll.setFitToHeight(true);
                tab.setContent(scroll);
            }
        };
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                build.run();
            }
        });
        if (tab.isSelected()) {
            build.run();
        }
        return tab;
    }
}
