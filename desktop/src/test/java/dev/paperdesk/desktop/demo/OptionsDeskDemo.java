package dev.paperdesk.desktop.demo;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.Theme;
import dev.paperdesk.desktop.options.OptionChainSources;
import dev.paperdesk.desktop.options.OptionChainViewModel;
import dev.paperdesk.desktop.options.OptionsDeskView;
import dev.paperdesk.desktop.options.StrategyBuilderViewModel;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.pricing.strategy.StrategyTemplate;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Shows the options window on a simulated session (Tuesday 10:00 New York) with a strategy built,
 * for looking at it by eye. Arguments: {@code --light}, {@code --underlying ID}, {@code --template
 * NAME} (a {@link StrategyTemplate} constant), {@code --shot FILE.png} to write a snapshot and exit.
 */
public final class OptionsDeskDemo {
    private OptionsDeskDemo() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo application. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getRaw();
            TradingSession session = TradingSession.open(new SessionConfig(
                    null,
                    dev.paperdesk.engine.market.sim.SimulatedMarket.defaultMarket(SessionConfig.DEFAULT_SEED),
                    dev.paperdesk.engine.execution.StandardFeeModel.DEFAULT,
                    Instant.parse("2026-03-03T15:00:00Z"),
                    true,
                    SessionConfig.DEFAULT_STARTING_BALANCE));
            session.advance(Duration.ofSeconds(3));
            FxUiExecutor ui = new FxUiExecutor();
            OptionChainViewModel chain = new OptionChainViewModel(session, ui, OptionChainSources.forSession(session));
            StrategyBuilderViewModel builder = new StrategyBuilderViewModel(
                    session,
                    ui,
                    chain,
                    new SimpleObjectProperty<>(session.portfolios().get(0).id()));
            chain.underlyingProperty().set(InstrumentId.parse(option(args, "--underlying", "SPYX@nasdaq")));
            OptionsDeskView desk = new OptionsDeskView(chain, builder);
            Scene scene = new Scene(desk, 1600, 950);
            (args.contains("--light") ? Theme.LIGHT : Theme.DARK).apply(scene);
            stage.setScene(scene);
            stage.setTitle("Options \u2014 Paperdesk");
            stage.show();
            builder.templateProperty().set(StrategyTemplate.valueOf(option(args, "--template", "IRON_CONDOR")));
            PauseTransition apply = new PauseTransition(javafx.util.Duration.seconds(2));
            apply.setOnFinished(e -> builder.applyTemplate());
            apply.play();
            String shot = option(args, "--shot", null);
            if (shot != null) {
                PauseTransition wait = new PauseTransition(javafx.util.Duration.seconds(6));
                wait.setOnFinished(e -> {
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", new File(shot));
                    } catch (java.io.IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                    builder.close();
                    chain.close();
                    ui.close();
                    session.close();
                    Platform.exit();
                });
                wait.play();
            }
        }

        private static String option(List<String> args, String name, String fallback) {
            int i = args.indexOf(name);
            return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
        }
    }
}
