package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.InstrumentId;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The account terms of a portfolio as of one snapshot: its settings, the margin terms of positions
 * that have their own, and the reference points of its risk limits.
 */
public record PortfolioAccount(PortfolioSettings settings, Map<InstrumentId, PositionMargin> margins, RiskMarks marks) {
    public PortfolioAccount {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(marks, "marks");
        margins = java.util.Collections.unmodifiableMap(new TreeMap<>(margins));
    }
}
