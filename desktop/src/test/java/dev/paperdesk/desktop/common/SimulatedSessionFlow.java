package dev.paperdesk.desktop.common;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;

/**
 * A TestFX flow on an in-memory simulated session: {@link #open} in the test's {@code @Start}, the
 * session and the UI executor closed after each test.
 */
public abstract class SimulatedSessionFlow {
    protected TradingSession session;
    protected FxUiExecutor ui;

    /** Opens the session at {@code start} on the simulated market of {@code seed}, with its UI executor. */
    protected void open(Instant start, long seed) {
        session = TradingSession.open(SessionConfig.simulated(null, start, seed));
        ui = new FxUiExecutor();
    }

    @AfterEach
    void closeSession() {
        ui.close();
        session.close();
    }
}
