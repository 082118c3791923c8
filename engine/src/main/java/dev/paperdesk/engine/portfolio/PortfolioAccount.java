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
        margins = margins instanceof Frozen ? margins : new Frozen(new TreeMap<>(margins));
    }

    /** The same terms with other risk marks; shares the margins map instead of copying it. */
    public PortfolioAccount withMarks(RiskMarks next) {
        return next.equals(marks) ? this : new PortfolioAccount(settings, margins, next);
    }

    /** The margins in instrument order, read-only; known to this record so it is never copied twice. */
    private static final class Frozen extends java.util.AbstractMap<InstrumentId, PositionMargin> {
        private final Map<InstrumentId, PositionMargin> sorted;

        Frozen(TreeMap<InstrumentId, PositionMargin> sorted) {
            this.sorted = java.util.Collections.unmodifiableMap(sorted);
        }

        @Override
        public java.util.Set<Entry<InstrumentId, PositionMargin>> entrySet() {
            return sorted.entrySet();
        }

        @Override
        public PositionMargin get(Object key) {
            return sorted.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return sorted.containsKey(key);
        }

        @Override
        public int size() {
            return sorted.size();
        }
    }
}
