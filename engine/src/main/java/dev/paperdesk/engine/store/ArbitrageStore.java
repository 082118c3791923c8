package dev.paperdesk.engine.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The arbitrage desk's history in a workspace: every logged decision (entries, rejections with the
 * failed constraint, exits, leg-outs, latency violations), each trade as JSON when it changes, and
 * the ranked top opportunities of each scan.
 */
public interface ArbitrageStore {
    /** One logged decision; {@code kind} is a decision kind name, {@code reason} a stable key. */
    record DecisionRow(Instant time, String kind, String subject, String reason, String detail) {
        public DecisionRow {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** One trade's latest state as JSON, with the columns a list shows. */
    record TradeRow(String id, Instant openedAt, String symbol, String status, Double profit, String json) {
        public TradeRow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(openedAt, "openedAt");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(json, "json");
        }
    }

    /** Appends decisions in one transaction. */
    void appendDecisions(List<DecisionRow> decisions);

    /** Inserts or replaces trades (by id) in one transaction. */
    void saveTrades(List<TradeRow> trades);

    /** Keeps one scan's ranked top opportunities (JSON array) under its time. */
    void saveOpportunities(Instant time, String json);

    /** The latest {@code limit} decisions, newest first. */
    List<DecisionRow> decisions(int limit);

    /** Every trade, oldest first. */
    List<TradeRow> trades();

    /** The number of opportunity snapshots kept. */
    long opportunitySnapshots();
}
