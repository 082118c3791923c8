package dev.paperdesk.desktop.app;

import dev.paperdesk.desktop.common.Dialogs;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.session.WorkspaceLocator;
import dev.paperdesk.engine.store.WorkspaceException;
import java.nio.file.Path;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. The workspace is opened in {@link #init} (off the JavaFX thread); a
 * workspace that cannot be used is explained in a dialog and the process exits with code 3.
 */
public final class PaperdeskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(PaperdeskApp.class);
    /** Exit code when the workspace cannot be opened. */
    public static final int EXIT_WORKSPACE = 3;

    private static volatile int exitCode = 0;

    private TradingSession session;
    private final dev.paperdesk.engine.strategy.runner.StrategyRunner runner =
            new dev.paperdesk.engine.strategy.runner.StrategyRunner();
    private FxUiExecutor ui;
    private WorkspaceException openError;
    private boolean smokeTest;
    private int measureSeconds;
    private MainWindow window;
    /** The arbitrage strategy on the session's feed, seeing every event from the start; idle until the desk starts it. */
    private final dev.paperdesk.engine.arbitrage.ArbitrageStrategy arbitrage =
            dev.paperdesk.engine.arbitrage.ArbitrageStrategy.onCryptoVenues(
                    dev.paperdesk.engine.arbitrage.ArbitrageSettings.defaults(1), null);

    private Stage stage;

    public static int exitCode() {
        return exitCode;
    }

    @Override
    public void init() {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        smokeTest = options.smokeTest();
        measureSeconds = options.measureSeconds();
        Path path = WorkspaceLocator.resolve(options.workspace());
        try {
            SessionConfig config = SessionConfig.paperTrading(path);
            // strategies join the engine through the feed
            session = TradingSession.open(config.withFeed(runner.wrap(arbitrage.wrap(config.feed()))));
            LOG.info("opened workspace {}", path);
        } catch (WorkspaceException e) {
            openError = e;
        }
    }

    @Override
    public void start(Stage stage) {
        if (openError != null) {
            exitCode = EXIT_WORKSPACE;
            System.err.println("error: " + openError.getMessage());
            if (!smokeTest) {
                Dialogs.error(null, "The workspace cannot be opened", openError.getMessage());
            }
            Platform.exit();
            return;
        }
        ui = new FxUiExecutor();
        this.stage = stage;
        window = new MainWindow(session, ui, runner, arbitrage);
        window.show(stage);
        logFirstQuote();
        if (smokeTest) {
            exitAfterFirstFrame();
        } else if (measureSeconds > 0) {
            ResponsivenessProbe probe = new ResponsivenessProbe(session, ui, measureSeconds);
            probe.watch(stage.getScene());
            probe.start();
        }
    }

    /** Logs how long after the process started the first market data reached the window. */
    private void logFirstQuote() {
        long jvmStart =
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        java.util.concurrent.atomic.AtomicBoolean seen = new java.util.concurrent.atomic.AtomicBoolean();
        session.addListener(e -> {
            if (e instanceof dev.paperdesk.engine.session.EngineEvent.QuoteUpdated && seen.compareAndSet(false, true)) {
                ui.post(() -> LOG.info("market live {} ms after start", System.currentTimeMillis() - jvmStart));
            }
        });
    }

    /** The first pulse renders the scene; the second proves it was rendered. */
    private static void exitAfterFirstFrame() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= 2) {
                    stop();
                    LOG.info("smoke test: first frame rendered");
                    Platform.exit();
                }
            }
        }.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.saveGeometry(stage);
        }
        if (ui != null) {
            ui.close();
        }
        if (session != null) {
            session.close();
        }
    }

    /** Command-line options of the desktop app. */
    public record LaunchOptions(Path workspace, boolean smokeTest, int measureSeconds) {
        public static LaunchOptions parse(List<String> args) {
            Path workspace = null;
            boolean smoke = false;
            int measure = 0;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--smoke-test")) {
                    smoke = true;
                } else if (a.equals("--workspace") && i + 1 < args.size()) {
                    workspace = Path.of(args.get(++i));
                } else if (a.startsWith("--workspace=")) {
                    workspace = Path.of(a.substring("--workspace=".length()));
                } else if (a.equals("--measure-ui") && i + 1 < args.size()) {
                    try {
                        measure = Integer.parseInt(args.get(++i));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--measure-ui needs a number of seconds");
                    }
                } else {
                    throw new IllegalArgumentException(
                            "unknown option '" + a + "' (use --workspace PATH, --smoke-test, --measure-ui SECONDS)");
                }
            }
            return new LaunchOptions(workspace, smoke, measure);
        }
    }
}
