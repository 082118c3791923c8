package dev.paperdesk.engine.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The configuration of a finished run, in words and numbers, as saved with its result. */
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
        String benchmark) {
    public BacktestSettings {
        parameters = java.util.Collections.unmodifiableMap(
                new java.util.TreeMap<>(parameters)); // sorted: the same file every run
        instruments = List.copyOf(instruments);
    }
}
