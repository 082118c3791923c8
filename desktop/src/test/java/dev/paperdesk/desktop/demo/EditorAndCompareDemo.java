package dev.paperdesk.desktop.demo;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.Theme;
import dev.paperdesk.desktop.strategies.StrategiesView;
import dev.paperdesk.desktop.strategies.StrategiesViewModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.strategy.runner.StrategyRunner;
import java.io.File;
import java.time.Instant;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Opens the strategies view with a cloned template and a mistyped field, waits for the live
 * validation and writes a snapshot: {@code EditorAndCompareDemo OUT.png [light]}.
 */
public final class EditorAndCompareDemo {
    private EditorAndCompareDemo() {}

    /** The JavaFX application; the outer class is the plain launcher JavaFX needs on the class path. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            if (args.contains("compare")) {
                compare(stage, args);
                return;
            }
            StrategyRunner runner = new StrategyRunner();
            TradingSession session =
                    TradingSession.open(SessionConfig.simulated(null, Instant.parse("2025-03-03T00:00:00Z"), 3)
                            .withFeed(runner.wrap(SimulatedMarket.defaultMarket(3, List.of("BTC-USDT@binance")))));
            FxUiExecutor ui = new FxUiExecutor();
            StrategiesViewModel vm = new StrategiesViewModel(session, runner, ui);
            StrategiesView view = new StrategiesView(vm);
            Scene scene = new Scene(view, 1300, 760);
            (args.contains("light") ? Theme.LIGHT : Theme.DARK).apply(scene);
            stage.setScene(scene);
            stage.show();
            vm.cloneTemplate();
            vm.sourceProperty().set(vm.sourceProperty().get().replace("timeframe: 1h", "timefram: 1h"));
            PauseTransition wait = new PauseTransition(Duration.seconds(2));
            wait.setOnFinished(e -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(args.get(0)));
                } catch (Exception ex) {
                    System.err.println("could not write the screenshot: " + ex);
                }
                view.dispose();
                ui.close();
                session.close();
                Platform.exit();
            });
            wait.play();
        }
    }

    /** Two sma-cross runs on a made-up daily series (fast 5 and 20), compared. */
    static void compare(Stage stage, List<String> args) {
        try {
            StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
            java.util.Random random = new java.util.Random(5);
            java.time.LocalDate d = java.time.LocalDate.of(2021, 1, 1);
            double prev = 40;
            for (int i = 0; i < 500; ) {
                d = d.plusDays(1);
                if (d.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                double close = 40 + 6 * Math.sin(i / 25.0) + i * 0.02 + random.nextGaussian() * 0.4;
                double open = prev + random.nextGaussian() * 0.2;
                csv.append(String.format(
                        java.util.Locale.ROOT,
                        "%s,%.2f,%.2f,%.2f,%.2f,%.2f,1000%n",
                        d,
                        open,
                        Math.max(open, close) + 0.2,
                        Math.min(open, close) - 0.2,
                        close,
                        close));
                prev = close;
                i++;
            }
            java.nio.file.Path file = java.nio.file.Files.createTempFile("acme", ".csv");
            java.nio.file.Files.writeString(file, csv);
            var data = dev.paperdesk.engine.backtest.BacktestData.fromCsv(
                    "ACME", file, dev.paperdesk.engine.market.history.BarFormat.YAHOO);
            var def = dev.paperdesk.engine.backtest.StrategySource.load(
                    "builtin:sma-cross",
                    dev.paperdesk.engine.backtest.StrategySource.text("builtin:sma-cross"),
                    List.of(data.primary().instrument().id()),
                    data.primary().timeframe());
            var config = dev.paperdesk.engine.backtest.BacktestConfig.of("builtin:sma-cross", def, data);
            var a = dev.paperdesk.engine.backtest.Backtester.run(config.withParameters(java.util.Map.of("fast", "5")));
            var b = dev.paperdesk.engine.backtest.Backtester.run(
                    config.withParameters(java.util.Map.of("fast", "20")).withSeed(7));
            var view = new dev.paperdesk.desktop.backtest.BacktestComparisonView(
                    dev.paperdesk.engine.backtest.BacktestComparison.of("#1 sma-cross", a, "#2 sma-cross", b));
            Scene scene = new Scene(view, 1100, 820);
            (args.contains("light") ? Theme.LIGHT : Theme.DARK).apply(scene);
            stage.setScene(scene);
            stage.show();
            PauseTransition wait = new PauseTransition(Duration.seconds(2));
            wait.setOnFinished(e -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(args.get(0)));
                } catch (Exception ex) {
                    System.err.println("could not write the screenshot: " + ex);
                }
                Platform.exit();
            });
            wait.play();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
