package dev.paperdesk.engine.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The configuration of a finished run, in words and numbers, as saved with its result. {@code lots}
 * is each instrument's trading unit (a CSV file's whole units, or the lot given for it), so that a
 * re-run from the same file (Monte Carlo, optimization) trades as the run did.
 */
public record BacktestSettings(
        String strategy,
        String source,
        Map<String, String> parameters,
        List<String> instruments,
        String timeframe,
        Instant from,
        Instant to,
        BigDecimal capital,
        long seed,
        String models,
        String benchmark,
        Map<String, BigDecimal> lots) {
    public BacktestSettings {
        // the lot of each instrument, as the run traded it (absent from runs saved before it was kept)
        lots = lots == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(lots));
        parameters = java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(parameters)); // sorted: the same file every run
        instruments = List.copyOf(instruments);
    }
}
