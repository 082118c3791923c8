package dev.paperdesk.desktop.demo;

import dev.paperdesk.desktop.analytics.AnalyticsSource;
import dev.paperdesk.desktop.analytics.AnalyticsView;
import dev.paperdesk.desktop.analytics.AnalyticsViewModel;
import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.Theme;
import dev.paperdesk.desktop.montecarlo.MonteCarloView;
import dev.paperdesk.desktop.montecarlo.MonteCarloViewModel;
import dev.paperdesk.desktop.optimize.OptimizationView;
import dev.paperdesk.desktop.optimize.OptimizationViewModel;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.market.RandomWalkFeed;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens the analytics, Monte Carlo and optimisation views on real daily bars (a Yahoo CSV given as the
 * first argument, e.g. Oracle 1995–2014) and on a simulated portfolio, runs each view's job and writes
 * PNG snapshots of the views into the directory given as the second argument, then exits. Add
 * {@code --light} for the light theme.
 */
public final class QuantViewsDemo {
    private QuantViewsDemo() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo application. */
    public static final class App extends Application {
        private Path out;
        private Theme theme;
        private TradingSession session;
        private FxUiExecutor ui;
        private long backtestId;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            Path csv = Path.of(args.get(0));
            out = Path.of(args.get(1));
            Files.createDirectories(out);
            theme = args.contains("--light") ? Theme.LIGHT : Theme.DARK;
            Path dir = Files.createTempDirectory("paperdesk-quant-demo");
            Instant start = Instant.parse("2026-01-05T14:30:00Z");
            session = TradingSession.open(SessionConfig.simulated(dir.resolve("demo.paperdesk"), start, 11)
                    .withFeed(new RandomWalkFeed(
                            11, RandomWalkFeed.demoInstruments(), new double[] {100, 60_000}, 3_600_000L, 0.006)));
            ui = new FxUiExecutor();
            trade(session);

            BacktestData all = BacktestData.fromCsv("ORCL", csv, BarFormat.YAHOO);
            BacktestData data = all.between(Instant.parse("2009-01-01T00:00:00Z"), all.to());
            String ref = "builtin:sma-cross";
            var definition = StrategySource.load(
                    ref,
                    StrategySource.text(ref),
                    List.of(data.primary().instrument().id()),
                    data.primary().timeframe());
            var result = Backtester.run(
                    BacktestConfig.of(ref, definition, data).withParameters(Map.of("fast", "20", "slow", "60")));
            backtestId = BacktestArchive.save(session.backtests().orElseThrow(), result, Instant.now());
            Path dataFile = Files.writeString(
                    dir.resolve("orcl-2009.csv"),
                    Files.readAllLines(csv).stream()
                            .filter(l -> l.startsWith("Date") || l.compareTo("2009") > 0)
                            .reduce("", (a, b) -> a + b + "\n"));

            AnalyticsViewModel analytics = new AnalyticsViewModel(session, ui);
            show(stage, "Analytics", new AnalyticsView(analytics));
            analytics.selectBacktest(backtestId);
            when(
                    () -> analytics.dataProperty().get() != null
                            && !analytics.loadingProperty().get(),
                    () -> {
                        snap(stage, "analytics-backtest.png");
                        tab(stage, 1);
                        later(() -> {
                            snap(stage, "analytics-monthly.png");
                            tab(stage, 3);
                            later(() -> {
                                snap(stage, "analytics-attribution.png");
                                portfolio(stage, analytics, dataFile);
                            });
                        });
                    });
        }

        private void portfolio(Stage stage, AnalyticsViewModel analytics, Path dataFile) {
            tab(stage, 0);
            analytics
                    .sourceProperty()
                    .set(analytics.sources().stream()
                            .filter(s -> s instanceof AnalyticsSource.Portfolio)
                            .findFirst()
                            .orElseThrow());
            when(
                    () -> analytics.dataProperty().get() != null
                            && !analytics.loadingProperty().get(),
                    () -> {
                        snap(stage, "analytics-portfolio.png");
                        analytics.close();
                        monteCarlo(stage, dataFile);
                    });
        }

        private void monteCarlo(Stage stage, Path dataFile) {
            MonteCarloViewModel mc = new MonteCarloViewModel(session, ui);
            show(stage, "Monte Carlo", new MonteCarloView(mc));
            mc.selectBacktest(backtestId);
            mc.methodProperty().set(MonteCarloViewModel.Method.BOOTSTRAP);
            mc.run();
            when(() -> mc.outcomeProperty().get() != null, () -> {
                snap(stage, "montecarlo.png");
                tab(stage, 1);
                later(() -> {
                    snap(stage, "montecarlo-statistics.png");
                    mc.close();
                    optimization(stage, dataFile);
                });
            });
        }

        private void optimization(Stage stage, Path dataFile) {
            OptimizationViewModel opt = new OptimizationViewModel(session, ui);
            show(stage, "Optimization", new OptimizationView(opt));
            opt.csvPathProperty().set(dataFile.toString());
            opt.symbolProperty().set("ORCL");
            for (var row : opt.ranges()) {
                switch (row.name()) {
                    case "fast" -> {
                        row.fromProperty().set("5");
                        row.toProperty().set("30");
                        row.stepProperty().set("5");
                    }
                    case "slow" -> {
                        row.fromProperty().set("40");
                        row.toProperty().set("100");
                        row.stepProperty().set("10");
                    }
                    default -> {}
                }
            }
            opt.walkForwardProperty().set(true);
            opt.walkForwardSpecProperty().set("500:125");
            opt.run();
            when(() -> opt.outcomeProperty().get() != null, () -> {
                snap(stage, "optimization-results.png");
                tab(stage, 1);
                later(() -> {
                    snap(stage, "optimization-heatmap.png");
                    tab(stage, 2);
                    later(() -> {
                        snap(stage, "optimization-walkforward.png");
                        tab(stage, 3);
                        later(() -> {
                            snap(stage, "optimization-checklist.png");
                            opt.close();
                            ui.close();
                            session.close();
                            Platform.exit();
                        });
                    });
                });
            });
        }

        private void show(Stage stage, String title, Parent view) {
            Scene scene = new Scene(new javafx.scene.layout.BorderPane(view), 1400, 880);
            theme.apply(scene);
            stage.setTitle(title + " \u2014 Paperdesk");
            stage.setScene(scene);
            stage.show();
        }

        /** Selects tab {@code index} of the view's result tab pane. */
        private static void tab(Stage stage, int index) {
            TabPane tabs = (TabPane) stage.getScene().getRoot().lookupAll(".tab-pane").stream()
                    .reduce((a, b) -> b)
                    .orElseThrow();
            tabs.getSelectionModel().select(index);
        }

        private static void later(Runnable next) {
            PauseTransition p = new PauseTransition(javafx.util.Duration.millis(900));
            p.setOnFinished(e -> next.run());
            p.play();
        }

        private static void when(BooleanSupplier done, Runnable next) {
            PauseTransition p = new PauseTransition(javafx.util.Duration.millis(300));
            p.setOnFinished(e -> {
                if (done.getAsBoolean()) {
                    later(next);
                } else {
                    when(done, next);
                }
            });
            p.play();
        }

        private void snap(Stage stage, String name) {
            try {
                var image = stage.getScene().snapshot(null);
                File file = out.resolve(name).toFile();
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file);
                System.out.println("wrote " + file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Some weeks of round trips in two instruments on the simulated session's first portfolio. */
        private static void trade(TradingSession s) {
            PortfolioId pid = s.portfolios().get(0).id();
            InstrumentId acme = new InstrumentId("ACME", "sim");
            InstrumentId btc = new InstrumentId("BTC-USD", "sim");
            for (int week = 0; week < 16; week++) {
                order(s, pid, acme, Side.BUY, "400");
                if (week % 3 == 0) {
                    order(s, pid, btc, Side.BUY, "1");
                }
                s.advance(Duration.ofDays(3));
                order(s, pid, acme, Side.SELL, "400");
                if (week % 3 == 0) {
                    order(s, pid, btc, Side.SELL, "1");
                }
                s.advance(Duration.ofDays(4));
            }
        }

        private static void order(TradingSession s, PortfolioId pid, InstrumentId id, Side side, String qty) {
            TradingSession.await(s.submit(OrderRequest.market(pid, id, side, Quantity.of(qty))));
        }
    }
}
