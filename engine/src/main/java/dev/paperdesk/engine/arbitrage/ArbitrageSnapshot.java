package dev.paperdesk.engine.arbitrage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the desk shows, published once per second from the loop thread and safe to read anywhere.
 *
 * @param running whether the strategy is scanning and trading
 * @param open trades not yet closed (pending, active, exiting)
 * @param recentExits the latest closed trades, newest first
 * @param opportunities the last scan's ranked opportunities (top 20), tradable or rejected
 * @param latencies each venue's latency status
 * @param rejectionsByReason every rejection counted by reason key
 * @param recentDecisions the latest decisions, newest first
 */
public record ArbitrageSnapshot(
        Instant time,
        boolean running,
        ArbitrageSettings settings,
        PortfolioMetrics metrics,
        List<TradeRecord> open,
        List<TradeRecord> recentExits,
        List<Opportunity> opportunities,
        List<VenueLatency> latencies,
        Map<String, Long> rejectionsByReason,
        List<Decision> recentDecisions) {
    public ArbitrageSnapshot {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(metrics, "metrics");
        open = List.copyOf(open);
        recentExits = List.copyOf(recentExits);
        opportunities = List.copyOf(opportunities);
        latencies = List.copyOf(latencies);
        rejectionsByReason = Map.copyOf(rejectionsByReason);
        recentDecisions = List.copyOf(recentDecisions);
    }
}
