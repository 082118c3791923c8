package dev.paperdesk.engine.store.memory;

import dev.paperdesk.engine.store.ArbitrageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arbitrage history of an in-memory workspace (tests, throw-away sessions). */
public final class InMemoryArbitrageStore implements ArbitrageStore {
    private final List<DecisionRow> decisions = new ArrayList<>();
    private final Map<String, TradeRow> trades = new LinkedHashMap<>();
    private long snapshots;

    @Override
    public synchronized void appendDecisions(List<DecisionRow> rows) {
        decisions.addAll(rows);
    }

    @Override
    public synchronized void saveTrades(List<TradeRow> rows) {
        for (TradeRow r : rows) {
            trades.put(r.id(), r);
        }
    }

    @Override
    public synchronized void saveOpportunities(Instant time, String json) {
        snapshots++;
    }

    @Override
    public synchronized List<DecisionRow> decisions(int limit) {
        List<DecisionRow> out = new ArrayList<>();
        for (int i = decisions.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(decisions.get(i));
        }
        return out;
    }

    @Override
    public synchronized List<TradeRow> trades() {
        return List.copyOf(trades.values());
    }

    @Override
    public synchronized long opportunitySnapshots() {
        return snapshots;
    }
}
