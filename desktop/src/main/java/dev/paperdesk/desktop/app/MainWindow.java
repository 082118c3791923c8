package dev.paperdesk.desktop.app;

import dev.paperdesk.desktop.blotter.BlotterView;
import dev.paperdesk.desktop.blotter.BlotterViewModel;
import dev.paperdesk.desktop.book.DepthView;
import dev.paperdesk.desktop.book.DepthViewModel;
import dev.paperdesk.desktop.book.TimeAndSalesView;
import dev.paperdesk.desktop.book.TimeAndSalesViewModel;
import dev.paperdesk.desktop.chart.CandleChartView;
import dev.paperdesk.desktop.chart.CandleChartViewModel;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.desktop.importer.ImportDialog;
import dev.paperdesk.desktop.importer.ImportViewModel;
import dev.paperdesk.desktop.journal.JournalView;
import dev.paperdesk.desktop.journal.JournalViewModel;
import dev.paperdesk.desktop.margin.MarginDashboardView;
import dev.paperdesk.desktop.margin.MarginDashboardViewModel;
import dev.paperdesk.desktop.portfolio.AccountStripView;
import dev.paperdesk.desktop.portfolio.AccountStripViewModel;
import dev.paperdesk.desktop.portfolio.PortfolioManagerDialog;
import dev.paperdesk.desktop.reports.ReportsMenu;
import dev.paperdesk.desktop.reports.ReportsViewModel;
import dev.paperdesk.desktop.ticket.OrderTicketView;
import dev.paperdesk.desktop.ticket.OrderTicketViewModel;
import dev.paperdesk.desktop.watchlist.WatchlistView;
import dev.paperdesk.desktop.watchlist.WatchlistViewModel;
import dev.paperdesk.engine.session.TradingSession;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The main window: menu bar, toolbar (portfolio, clock, speed), account strip, watchlist | chart |
 * order ticket over the blotter, and a status bar. Window geometry, split positions and the theme
 * are kept in the workspace's settings.
 */
public final class MainWindow {
    static final String KEY_THEME = "ui.theme";
    static final String KEY_WINDOW = "ui.window";
    static final String KEY_SPLIT_MAIN = "ui.split.main";
    static final String KEY_SPLIT_TOP = "ui.split.top";

    private final TradingSession session;
    private final UiExecutor ui;
    private final MainViewModel vm;
    private final BorderPane root = new BorderPane();
    private final SplitPane main = new SplitPane();
    private final SplitPane top = new SplitPane();
    private final Timeline clockTimer;
    private Theme theme;
    private Scene scene;
    private OrderTicketView ticket;
    private OrderTicketViewModel ticketVm;
    private Stage optionsStage;
    private final ReportsMenu reportsMenu;
    private final dev.paperdesk.engine.strategy.runner.StrategyRunner runner;
    private final dev.paperdesk.engine.arbitrage.ArbitrageStrategy arbitrage;

    public MainWindow(TradingSession session, UiExecutor ui) {
        this(session, ui, null);
    }

    /** A window whose strategies view runs strategies through {@code runner} (null: no strategies view). */
    public MainWindow(
            TradingSession session, UiExecutor ui, dev.paperdesk.engine.strategy.runner.StrategyRunner runner) {
        this(session, ui, runner, null);
    }

    /**
     * A window whose arbitrage desk can also trade the session's own market through {@code
     * arbitrage}, the strategy installed on the session's feed when it was opened (null: none).
     */
    public MainWindow(
            TradingSession session,
            UiExecutor ui,
            dev.paperdesk.engine.strategy.runner.StrategyRunner runner,
            dev.paperdesk.engine.arbitrage.ArbitrageStrategy arbitrage) {
        this.arbitrage = arbitrage;
        this.runner = runner;
        this.session = session;
        this.ui = ui;
        this.vm = new MainViewModel(session, ui);
        this.theme = Theme.parse(session.setting(KEY_THEME).orElse(null), Theme.DARK);

        WatchlistViewModel watchlistVm = new WatchlistViewModel(session, ui);
        ticketVm = new OrderTicketViewModel(session, ui, vm.selectedPortfolioProperty());
        watchlistVm.selectedProperty().addListener((o, a, b) -> ticketVm.symbolProperty()
                .set(b));
        BlotterViewModel blotterVm = new BlotterViewModel(session, ui, vm.selectedPortfolioProperty());
        CandleChartViewModel chartVm = new CandleChartViewModel(
                session,
                ui,
                new javafx.beans.property.SimpleObjectProperty<>(
                        watchlistVm.selectedProperty().get()));
        watchlistVm.selectedProperty().addListener((o, a, b) -> chartVm.instrumentProperty()
                .set(b));
        if (watchlistVm.selectedProperty().get() != null) {
            ticketVm.symbolProperty().set(watchlistVm.selectedProperty().get());
        }

        ticket = new OrderTicketView(ticketVm);
        DepthViewModel depthVm = new DepthViewModel(session, ui, watchlistVm.selectedProperty());
        depthVm.onPricePicked(p -> {
            ticketVm.symbolProperty().set(p.instrument());
            ticketVm.prefillLimit(p.price(), p.side());
        });
        TimeAndSalesViewModel tapeVm = new TimeAndSalesViewModel(session, ui, watchlistVm.selectedProperty());
        Tab depthTab = new Tab("Book", new DepthView(depthVm));
        depthTab.setId("depthTab");
        Tab tapeTab = new Tab("Time & sales", new TimeAndSalesView(tapeVm));
        tapeTab.setId("timeAndSalesTab");
        TabPane market = new TabPane(depthTab, tapeTab);
        market.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ticket.setMinWidth(300);
        ticket.setPrefWidth(340);
        WatchlistView watchlist = new WatchlistView(watchlistVm);
        VBox watchPane = titled("Watchlist", watchlist);
        watchPane.setMinWidth(360);
        watchPane.setPrefWidth(560);
        CandleChartView chart = new CandleChartView(chartVm);
        // Left column: the watchlist over the selected instrument's book and tape; the ticket keeps
        // the full height on the right.
        SplitPane left = new SplitPane(watchPane, market);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.55);
        top.getItems().setAll(left, chart, ticket);
        top.setDividerPositions(0.43, 0.79);
        main.setOrientation(Orientation.VERTICAL);
        JournalViewModel journalVm = new JournalViewModel(session, vm.selectedPortfolioProperty());
        BlotterView blotter = new BlotterView(blotterVm);
        blotter.getTabs()
                .add(MarginDashboardView.tab(
                        new MarginDashboardViewModel(session, ui, vm.selectedPortfolioProperty())));
        SplitPane bottom = new SplitPane(blotter, new JournalView(journalVm, () -> root.lookup("#priceChart")));
        bottom.setDividerPositions(0.68);
        reportsMenu = new ReportsMenu(new ReportsViewModel(
                session,
                ui,
                ReportsViewModel.backgroundExecutor(),
                vm.selectedPortfolioProperty(),
                java.time.Clock.systemUTC()));
        main.getItems().setAll(top, bottom);
        main.setDividerPositions(0.62);

        MenuBar menus = menuBar();
        menus.getMenus().add(PortfolioManagerDialog.accountsMenu(session, ui, () -> root.getScene()
                .getWindow()));
        VBox header = new VBox(
                menus,
                toolBar(),
                new AccountStripView(new AccountStripViewModel(session, ui, vm.selectedPortfolioProperty())));
        root.setTop(header);
        root.setCenter(main);
        root.setBottom(statusBar());

        clockTimer = new Timeline(new KeyFrame(Duration.millis(250), e -> vm.tick()));
        clockTimer.setCycleCount(Timeline.INDEFINITE);
        clockTimer.play();
    }

    private static VBox titled(String title, Region content) {
        Label label = new Label(title);
        label.getStyleClass().add("pane-title");
        VBox box = new VBox(label, content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private MenuBar menuBar() {
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> ((Stage) root.getScene().getWindow()).close());
        MenuItem importData = new MenuItem("Import historical data\u2026");
        importData.setId("menuImport");
        importData.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        importData.setOnAction(e -> ImportDialog.open(root.getScene().getWindow(), new ImportViewModel(session, ui)));
        Menu file = new Menu("File", null, importData, new SeparatorMenuItem(), quit);

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem dark = new RadioMenuItem("Dark theme");
        dark.setId("themeDark");
        RadioMenuItem light = new RadioMenuItem("Light theme");
        light.setId("themeLight");
        dark.setToggleGroup(themes);
        light.setToggleGroup(themes);
        (theme == Theme.DARK ? dark : light).setSelected(true);
        dark.setOnAction(e -> setTheme(Theme.DARK));
        light.setOnAction(e -> setTheme(Theme.LIGHT));
        MenuItem backtest = new MenuItem("Backtest\u2026");
        backtest.setId("menuBacktest");
        backtest.setOnAction(e -> showBacktest());
        MenuItem strategies = new MenuItem("Strategies\u2026");
        strategies.setId("menuStrategies");
        strategies.setDisable(runner == null || !runner.isAttached());
        strategies.setOnAction(e -> showStrategies());
        MenuItem analytics = new MenuItem("Analytics\u2026");
        analytics.setId("menuAnalytics");
        analytics.setOnAction(e -> showQuantView(
                "Analytics",
                new dev.paperdesk.desktop.analytics.AnalyticsView(
                        new dev.paperdesk.desktop.analytics.AnalyticsViewModel(session, ui))));
        MenuItem monteCarlo = new MenuItem("Monte Carlo\u2026");
        monteCarlo.setId("menuMonteCarlo");
        monteCarlo.setOnAction(e -> showQuantView(
                "Monte Carlo",
                new dev.paperdesk.desktop.montecarlo.MonteCarloView(
                        new dev.paperdesk.desktop.montecarlo.MonteCarloViewModel(session, ui))));
        MenuItem optimization = new MenuItem("Optimization\u2026");
        optimization.setId("menuOptimization");
        optimization.setOnAction(e -> showQuantView(
                "Optimization",
                new dev.paperdesk.desktop.optimize.OptimizationView(
                        new dev.paperdesk.desktop.optimize.OptimizationViewModel(session, ui))));
        MenuItem chain = new MenuItem("Option chain\u2026");
        chain.setId("menuOptionChain");
        chain.setAccelerator(
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        chain.setOnAction(e -> showOptions("optionChain"));
        MenuItem builder = new MenuItem("Strategy builder\u2026");
        builder.setId("menuStrategyBuilder");
        builder.setAccelerator(
                new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        builder.setOnAction(e -> showOptions("strategyTemplate"));
        MenuItem arbitrage = new MenuItem("Arbitrage desk\u2026");
        arbitrage.setId("menuArbitrage");
        arbitrage.setOnAction(e -> showArbitrage());
        Menu view = new Menu(
                "View",
                null,
                dark,
                light,
                new SeparatorMenuItem(),
                backtest,
                strategies,
                analytics,
                monteCarlo,
                optimization,
                new SeparatorMenuItem(),
                chain,
                builder,
                new SeparatorMenuItem(),
                arbitrage);

        MenuItem focusTicket = new MenuItem("Focus order ticket");
        focusTicket.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        focusTicket.setOnAction(e -> root.lookup("#ticketQuantity").requestFocus());
        MenuItem buy = new MenuItem("Buy with the ticket");
        buy.setId("menuBuy");
        buy.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        buy.setOnAction(e -> ticket.send(dev.paperdesk.engine.model.Side.BUY));
        MenuItem sell = new MenuItem("Sell with the ticket");
        sell.setId("menuSell");
        sell.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        sell.setOnAction(e -> ticket.send(dev.paperdesk.engine.model.Side.SELL));
        MenuItem fillModels = new MenuItem("Fill models\u2026");
        fillModels.setId("menuFillModels");
        fillModels.setOnAction(e -> showFillModels());
        Menu trade = new Menu("Trade", null, focusTicket, buy, sell, fillModels);
        return new MenuBar(file, view, trade, reportsMenu.menu());
    }

    private void showStrategies() {
        var view = new dev.paperdesk.desktop.strategies.StrategiesView(
                new dev.paperdesk.desktop.strategies.StrategiesViewModel(session, runner, ui));
        Stage stage = new Stage();
        stage.setTitle("Strategies \u2014 Paperdesk");
        Scene s = new Scene(new BorderPane(view), 1200, 720);
        theme.apply(s);
        stage.setScene(s);
        stage.initOwner(root.getScene().getWindow());
        stage.setOnHidden(e -> view.dispose());
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
    }

    /** Opens (or raises) the options window with the chain and the strategy builder, focusing {@code id}. */
    private void showOptions(String id) {
        if (optionsStage == null) {
            optionsStage = dev.paperdesk.desktop.options.OptionsDeskView.open(
                    root.getScene().getWindow(), theme::apply, session, ui, vm.selectedPortfolioProperty(), p -> {
                        ticketVm.symbolProperty().set(p.contract());
                        ticketVm.prefillLimit(new dev.paperdesk.engine.model.Price(p.price()), p.side());
                    });
            optionsStage.setOnHiding(e -> optionsStage = null);
        }
        optionsStage.show();
        optionsStage.toFront();
        dev.paperdesk.desktop.options.OptionsDeskView.focus(optionsStage, id);
    }

    private void showBacktest() {
        var backtestVm = new dev.paperdesk.desktop.backtest.BacktestViewModel(session, ui);
        Stage stage = new Stage();
        stage.setTitle("Backtest \u2014 Paperdesk");
        var backtestView = new dev.paperdesk.desktop.backtest.BacktestView(backtestVm);
        backtestView.onOpenSaved((what, id) -> openSavedBacktest(what, id, backtestVm.lastRunCsv()));
        Scene s = new Scene(new BorderPane(backtestView), 1280, 780);
        theme.apply(s);
        stage.setScene(s);
        stage.initOwner(root.getScene().getWindow());
        stage.setOnHidden(e -> backtestVm.close());
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
    }

    private void openSavedBacktest(
            String what, long id, java.util.Optional<dev.paperdesk.desktop.backtest.BacktestViewModel.CsvData> ranOn) {
        if (what.equals("analytics")) {
            var vm = new dev.paperdesk.desktop.analytics.AnalyticsViewModel(session, ui);
            showQuantView("Analytics", new dev.paperdesk.desktop.analytics.AnalyticsView(vm));
            vm.selectBacktest(id);
        } else {
            var vm = new dev.paperdesk.desktop.montecarlo.MonteCarloViewModel(session, ui);
            showQuantView("Monte Carlo", new dev.paperdesk.desktop.montecarlo.MonteCarloView(vm));
            vm.selectBacktest(id);
            // a perturbation re-runs the backtest on the file it just ran on
            ranOn.ifPresent(csv -> {
                vm.dataPathProperty().set(csv.path());
                vm.dataFormatProperty().set(csv.format());
            });
        }
    }

    /** Opens an analytics, Monte Carlo or optimisation view in its own window; closing it stops its work. */
    private void showQuantView(String title, dev.paperdesk.desktop.analytics.QuantWindowContent content) {
        Stage stage = new Stage();
        stage.setTitle(title + " \u2014 Paperdesk");
        // a BorderPane root: with a SplitPane as the scene root the theme's label colours come out dimmed
        Scene s = new Scene(new BorderPane(content.node()), 1360, 860);
        theme.apply(s);
        stage.setScene(s);
        stage.initOwner(root.getScene().getWindow());
        stage.setOnHidden(e -> content.dispose());
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
    }

    private void showArbitrage() {
        var arbitrageVm = new dev.paperdesk.desktop.arbitrage.ArbitrageDeskViewModel(session, ui, arbitrage);
        Stage stage = new Stage();
        stage.setTitle("Arbitrage desk \u2014 Paperdesk");
        Scene s = new Scene(
                new BorderPane(new dev.paperdesk.desktop.arbitrage.ArbitrageDeskView(arbitrageVm)), 1440, 860);
        theme.apply(s);
        stage.setScene(s);
        stage.initOwner(root.getScene().getWindow());
        stage.setOnHidden(e -> arbitrageVm.close());
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
    }

    private void showFillModels() {
        var settings = new dev.paperdesk.desktop.settings.FillModelSettingsView(
                new dev.paperdesk.desktop.settings.FillModelSettingsViewModel(session, ui));
        Stage stage = new Stage();
        stage.setTitle("Fill models \u2014 Paperdesk");
        Scene s = new Scene(settings, 1100, 640);
        theme.apply(s);
        stage.setScene(s);
        stage.initOwner(root.getScene().getWindow());
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
    }

    private ToolBar toolBar() {
        ComboBox<MainViewModel.PortfolioItem> portfolios = new ComboBox<>(vm.portfolios());
        portfolios.setId("portfolioSelector");
        portfolios.valueProperty().bindBidirectional(vm.selectedItemProperty());
        portfolios.setPrefWidth(200);

        Label clock = new Label();
        clock.setId("engineClock");
        clock.getStyleClass().add("engine-clock");
        clock.textProperty().bind(vm.engineTimeProperty());

        ComboBox<Double> speed = new ComboBox<>();
        speed.setId("speedSelector");
        speed.getItems().setAll(MainViewModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                if (v == null) {
                    return "";
                }
                return v >= MainViewModel.MAX_SPEED ? "max" : String.format(Locale.US, "\u00d7%.0f", v);
            }

            @Override
            public Double fromString(String s) {
                return s.equals("max") ? MainViewModel.MAX_SPEED : Double.valueOf(s.replace("\u00d7", ""));
            }
        });
        speed.setValue(vm.speedProperty().get());
        speed.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.speedProperty().set(b);
            }
        });
        ToggleButton pause = new ToggleButton("Pause");
        pause.setId("pauseToggle");
        pause.selectedProperty().bindBidirectional(vm.pausedProperty());

        return new ToolBar(
                new Label("Portfolio"),
                portfolios,
                new Separator(),
                clock,
                new Separator(),
                new Label("Speed"),
                speed,
                pause);
    }

    private HBox statusBar() {
        Label feed = new Label();
        feed.setId("feedState");
        feed.textProperty().bind(vm.feedStateProperty());
        Label time = new Label();
        time.setId("statusEngineTime");
        time.textProperty().bind(vm.engineTimeProperty());
        Label path = new Label();
        path.setId("workspacePath");
        path.textProperty().bind(Bindings.concat("Workspace: ", vm.workspacePathProperty()));
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.lastErrorProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(feed, time, reportsMenu.progress(), spacer, error, path);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Puts the window on {@code stage}, restoring the saved geometry. */
    public void show(Stage stage) {
        scene = new Scene(root, 1440, 900);
        theme.apply(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var icon = MainWindow.class.getResource("/dev/paperdesk/desktop/icons/paperdesk-" + size + ".png");
            if (icon != null) {
                stage.getIcons().add(new javafx.scene.image.Image(icon.toExternalForm()));
            }
        }
        restoreGeometry(stage);
        dev.paperdesk.desktop.common.WindowFit.onScreen(stage);
        stage.show();
    }

    private void setTheme(Theme next) {
        theme = next;
        theme.apply(scene);
        session.putSetting(KEY_THEME, theme.name());
    }

    private void restoreGeometry(Stage stage) {
        session.setting(KEY_WINDOW).ifPresent(v -> {
            String[] p = v.split(",");
            if (p.length == 5) {
                try {
                    stage.setX(Double.parseDouble(p[0]));
                    stage.setY(Double.parseDouble(p[1]));
                    stage.setWidth(Double.parseDouble(p[2]));
                    stage.setHeight(Double.parseDouble(p[3]));
                    stage.setMaximized(Boolean.parseBoolean(p[4]));
                } catch (NumberFormatException ignored) {
                    // A damaged setting falls back to the default size.
                }
            }
        });
        session.setting(KEY_SPLIT_MAIN).ifPresent(v -> main.setDividerPositions(parse(v)));
        session.setting(KEY_SPLIT_TOP).ifPresent(v -> top.setDividerPositions(parse(v)));
    }

    private static double[] parse(String v) {
        try {
            return java.util.Arrays.stream(v.split(","))
                    .mapToDouble(Double::parseDouble)
                    .toArray();
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    /** Saves geometry and split positions into the workspace. */
    public void saveGeometry(Stage stage) {
        clockTimer.stop();
        session.putSetting(
                KEY_WINDOW,
                String.format(
                        Locale.US,
                        "%.0f,%.0f,%.0f,%.0f,%s",
                        stage.getX(),
                        stage.getY(),
                        stage.getWidth(),
                        stage.getHeight(),
                        stage.isMaximized()));
        session.putSetting(KEY_SPLIT_MAIN, join(main.getDividerPositions()));
        session.putSetting(KEY_SPLIT_TOP, join(top.getDividerPositions()));
    }

    private static String join(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double d : values) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(String.format(Locale.US, "%.4f", d));
        }
        return sb.toString();
    }

    public Parent root() {
        return root;
    }

    public MainViewModel viewModel() {
        return vm;
    }
}
