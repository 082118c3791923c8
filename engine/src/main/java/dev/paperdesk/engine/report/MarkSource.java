package dev.paperdesk.engine.report;

import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices open positions are valued at, for a given instant. The workspace keeps no quote history, so
 * the default values a position at the price of the last fill in that instrument at or before the
 * instant; a live session adds its current quote mids for instants at or after the session's now.
 */
@FunctionalInterface
public interface MarkSource {
    /** The mark of {@code instrument} valid at {@code at}, if one is known. */
    Optional<BigDecimal> mark(InstrumentId instrument, Instant at);

    /** Marks at the price of the last fill in each instrument at or before the instant. */
    static MarkSource lastFillPrice(List<Fill> fills) {
        Map<InstrumentId, List<Fill>> byInstrument = new HashMap<>();
        for (Fill f : fills) {
            byInstrument
                    .computeIfAbsent(f.instrumentId(), k -> new ArrayList<>())
                    .add(f);
        }
        for (List<Fill> list : byInstrument.values()) {
            list.sort(java.util.Comparator.comparing(Fill::timestamp).thenComparing(f -> f.id().value()));
        }
        return (instrument, at) -> {
            List<Fill> list = byInstrument.get(instrument);
            if (list == null) {
                return Optional.empty();
            }
            // Binary search for the last fill at or before `at`.
            int lo = 0;
            int hi = list.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (!list.get(mid).timestamp().isAfter(at)) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found < 0
                    ? Optional.empty()
                    : Optional.of(list.get(found).price().value());
        };
    }

    /** The default for a portfolio's records: current marks from {@code asOf} on, last fill prices before. */
    static MarkSource of(AccountRecords records) {
        MarkSource fills = lastFillPrice(records.fills());
        if (records.currentMarks().isEmpty()) {
            return fills;
        }
        return (instrument, at) -> {
            if (!at.isBefore(records.asOf())) {
                BigDecimal m = records.currentMarks().get(instrument);
                if (m != null) {
                    return Optional.of(m);
                }
            }
            return fills.mark(instrument, at);
        };
    }
}
