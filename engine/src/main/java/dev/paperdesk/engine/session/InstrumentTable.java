package dev.paperdesk.engine.session;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The engine's instruments by id, in listing order, readable from any thread while the loop adds
 * option contracts as they start trading: every addition publishes a new immutable copy, which is
 * cheap because additions are rare (one per contract first traded).
 */
final class InstrumentTable extends AbstractMap<InstrumentId, Instrument> {
    private volatile Map<InstrumentId, Instrument> current = Map.of();

    @Override
    public synchronized Instrument put(InstrumentId key, Instrument value) {
        Map<InstrumentId, Instrument> next = new LinkedHashMap<>(current);
        Instrument previous = next.put(key, value);
        current = Collections.unmodifiableMap(next);
        return previous;
    }

    @Override
    public Instrument get(Object key) {
        return current.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return current.containsKey(key);
    }

    @Override
    public int size() {
        return current.size();
    }

    @Override
    public Set<Entry<InstrumentId, Instrument>> entrySet() {
        return current.entrySet();
    }
}
