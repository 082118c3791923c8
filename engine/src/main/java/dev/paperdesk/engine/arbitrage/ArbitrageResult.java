package dev.paperdesk.engine.arbitrage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a headless arbitrage run: what {@code paperdesk arbitrage simulate} writes as
 * RESULT.json (snake_case keys). Holds no wall-clock figure, so the same seed gives the same file.
 *
 * @param portfolio the book's figures at the end
 * @param trades every trade with both legs' orders and fills (closed first, then still open)
 * @param rejectionsByReason rejections counted per scan and entry, by reason key
 * @param legOutEvents every leg-out, entry and exit
 * @param latencyViolations every time a venue went stale
 * @param topOpportunities the last scan's ranked opportunities
 * @param decisions how many decisions were logged
 */
public record ArbitrageResult(
        long seed,
        Instant start,
        Instant end,
        Duration duration,
        List<String> symbols,
        List<String> venues,
        ArbitrageSettings settings,
        PortfolioMetrics portfolio,
        List<TradeRecord> trades,
        Map<String, Long> rejectionsByReason,
        List<LegOutEvent> legOutEvents,
        List<LatencyViolation> latencyViolations,
        List<Opportunity> topOpportunities,
        long decisions) {
    public ArbitrageResult {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(portfolio, "portfolio");
        trades = List.copyOf(trades);
        legOutEvents = List.copyOf(legOutEvents);
        latencyViolations = List.copyOf(latencyViolations);
        topOpportunities = List.copyOf(topOpportunities);
    }

    /** Total rejections. */
    public long rejections() {
        return rejectionsByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
