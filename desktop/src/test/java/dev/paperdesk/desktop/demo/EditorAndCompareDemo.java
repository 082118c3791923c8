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
                    ex.printStackTrace();
                }
                view.dispose();
                ui.close();
                session.close();
                Platform.exit();
            });
            wait.play();
        }
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }
}
