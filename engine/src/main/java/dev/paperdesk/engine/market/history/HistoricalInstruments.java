package dev.paperdesk.engine.market.history;

import dev.paperdesk.engine.model.InstrumentId;

/**
 * How users name the instrument of an imported series: {@code SYMBOL@venue}, or a bare
 * {@code SYMBOL} that lands on the venue {@value #DEFAULT_VENUE}.
 */
public final class HistoricalInstruments {
    /** The venue of series imported under a bare symbol. */
    public static final String DEFAULT_VENUE = "hist";

    private HistoricalInstruments() {}

    /** Parses {@code SYMBOL} or {@code SYMBOL@venue}. */
    public static InstrumentId parse(String text) {
        String t = text.trim();
        return t.indexOf('@') >= 0 ? InstrumentId.parse(t) : new InstrumentId(t, DEFAULT_VENUE);
    }
}
