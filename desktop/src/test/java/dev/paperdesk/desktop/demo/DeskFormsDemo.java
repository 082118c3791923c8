package dev.paperdesk.desktop.demo;

import dev.paperdesk.desktop.analytics.QuantFixtures;
import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.MainWindow;
import dev.paperdesk.desktop.app.Theme;
import dev.paperdesk.desktop.backtest.BacktestView;
import dev.paperdesk.desktop.backtest.BacktestViewModel;
import dev.paperdesk.desktop.montecarlo.MonteCarloView;
import dev.paperdesk.desktop.montecarlo.MonteCarloViewModel;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.market.RandomWalkFeed;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.BarStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Writes PNG snapshots of the backtest form with a narrowed date range, the Monte Carlo view after a
 * perturbation re-run of a backtest with tiny drawdowns, and the main window's positions at 1600×1000,
 * into the directory given as the first argument, then exits. Add {@code --light} for the light theme.
 * Run under Xvfb: {@code DISPLAY=:5 java -cp <desktop test class path> ...DeskFormsDemo out/}.
 */
public final class DeskFormsDemo {
    private DeskFormsDemo() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo application. */
    public static final class App extends Application {
        private Path out;
        private Theme theme;
        private Path dir;
        private TradingSession session;
        private FxUiExecutor ui;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            out = Path.of(args.get(0));
            Files.createDirectories(out);
            theme = args.contains("--light") ? Theme.LIGHT : Theme.DARK;
            dir = Files.createTempDirectory("paperdesk-forms-demo");
            session = TradingSession.open(
                    SessionConfig.simulated(dir.resolve("demo.paperdesk"), Instant.parse("2026-01-05T14:30:00Z"), 3));
            ui = new FxUiExecutor();
            backtest(stage);
        }

        private void backtest(Stage stage) throws Exception {
            StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
            for (Bar b : QuantFixtures.bars(400, 5)) {
                csv.append(LocalDate.ofInstant(b.openTime(), ZoneOffset.UTC))
                        .append(',')
                        .append(b.open())
                        .append(',')
                        .append(b.high())
                        .append(',')
                        .append(b.low())
                        .append(',')
                        .append(b.close())
                        .append(',')
                        .append(b.close())
                        .append(',')
                        .append(b.volume())
                        .append('\n');
            }
            Path file = Files.writeString(dir.resolve("acme.csv"), csv);
            BacktestViewModel vm = new BacktestViewModel(session, ui);
            show(stage, "Backtest", new BacktestView(vm), 1400, 880);
            vm.csvPathProperty().set(file.toString());
            when(() -> vm.dataLastProperty().get() != null, () -> {
                vm.fromProperty().set(LocalDate.of(2021, 4, 1));
                vm.toProperty().set(LocalDate.of(2021, 12, 31));
                vm.run();
                when(() -> vm.resultProperty().get() != null, () -> {
                    snap(stage, "backtest-date-range.png");
                    vm.fromProperty().set(LocalDate.of(2022, 1, 3));
                    later(() -> {
                        snap(stage, "backtest-date-range-invalid.png");
                        vm.close();
                        monteCarlo(stage);
                    });
                });
            });
        }

        /** A backtest of 3 units per trade on 100,000 USD: drawdowns of hundredths of a percent. */
        private void monteCarlo(Stage stage) {
            String ref = "builtin:sma-cross";
            BacktestData data =
                    BacktestData.ofBars(BacktestData.csvInstrument(QuantFixtures.ACME), QuantFixtures.bars(400, 5));
            var definition =
                    StrategySource.load(ref, StrategySource.text(ref), List.of(QuantFixtures.ACME), Timeframe.D1);
            var result = Backtester.run(BacktestConfig.of(ref, definition, data)
                    .withParameters(Map.of("fast", "10", "slow", "30", "qty", "3")));
            long id = BacktestArchive.save(session.backtests().orElseThrow(), result, Instant.now());
            session.bars()
                    .orElseThrow()
                    .insert(
                            new BarStore.SeriesKey(QuantFixtures.ACME, Timeframe.D1),
                            QuantFixtures.bars(400, 5).iterator(),
                            BarStore.WriteMode.REPLACE);
            MonteCarloViewModel mc = new MonteCarloViewModel(session, ui);
            show(stage, "Monte Carlo", new MonteCarloView(mc), 1400, 880);
            mc.selectBacktest(id);
            mc.methodProperty().set(MonteCarloViewModel.Method.PERTURB);
            mc.pathsProperty().set("200");
            mc.jitterProperty().set("0.3");
            mc.run();
            later(() -> {
                snap(stage, "montecarlo-perturb-running.png");
                when(() -> mc.outcomeProperty().get() != null, () -> {
                    snap(stage, "montecarlo-perturb.png");
                    tab(stage, 1);
                    later(() -> {
                        snap(stage, "montecarlo-perturb-statistics.png");
                        mc.close();
                        mainWindow(stage);
                    });
                });
            });
        }

        private void mainWindow(Stage stage) {
            ui.close();
            session.close();
            try {
                session = TradingSession.open(SessionConfig.simulated(
                                dir.resolve("main.paperdesk"), Instant.parse("2026-01-05T14:30:00Z"), 11)
                        .withFeed(new RandomWalkFeed(
                                11, RandomWalkFeed.demoInstruments(), new double[] {100, 60_000}, 3_600_000L, 0.006)));
            } catch (RuntimeException e) {
                throw new IllegalStateException(e);
            }
            ui = new FxUiExecutor();
            PortfolioId pid = session.portfolios().get(0).id();
            InstrumentId acme = new InstrumentId("ACME", "sim");
            InstrumentId btc = new InstrumentId("BTC-USD", "sim");
            order(pid, acme, Side.BUY, "1200");
            order(pid, btc, Side.BUY, "2");
            session.advance(Duration.ofDays(2));
            order(pid, acme, Side.SELL, "400");
            order(pid, btc, Side.SELL, "1");
            session.advance(Duration.ofDays(1));
            MainWindow window = new MainWindow(session, ui);
            Stage main = new Stage();
            window.show(main);
            main.setX(0);
            main.setY(0);
            main.setWidth(1600);
            main.setHeight(1000);
            stage.hide();
            later(() -> later(() -> {
                snap(main, "main-positions-1600x1000.png");
                main.close();
                ui.close();
                session.close();
                Platform.exit();
            }));
        }

        private void order(PortfolioId pid, InstrumentId id, Side side, String qty) {
            TradingSession.await(session.submit(OrderRequest.market(pid, id, side, Quantity.of(qty))));
        }

        private void show(Stage stage, String title, Parent view, double w, double h) {
            Scene scene = new Scene(new javafx.scene.layout.BorderPane(view), w, h);
            theme.apply(scene);
            stage.setTitle(title + " \u2014 Paperdesk");
            stage.setScene(scene);
            stage.show();
        }

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
    }
}
