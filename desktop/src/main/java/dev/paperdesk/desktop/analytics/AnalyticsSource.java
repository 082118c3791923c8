package dev.paperdesk.desktop.analytics;

import dev.paperdesk.engine.model.PortfolioId;
import java.util.Objects;

/** What the analytics view analyses: a portfolio of the session or a backtest saved in the workspace. */
public sealed interface AnalyticsSource {
    /** The text of the chooser. */
    String label();

    /** A live portfolio, analysed from its ledger and fills. */
    record Portfolio(PortfolioId id, String name) implements AnalyticsSource {
        public Portfolio {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String label() {
            return "Portfolio: " + name;
        }
    }

    /** A saved backtest, by its id in the workspace. */
    record Backtest(long id, String description) implements AnalyticsSource {
        public Backtest {
            Objects.requireNonNull(description, "description");
        }

        @Override
        public String label() {
            return "Backtest #" + id + ": " + description;
        }
    }
}
