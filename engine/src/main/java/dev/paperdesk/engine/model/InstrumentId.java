package dev.paperdesk.engine.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Identifies an instrument on one venue; written {@code SYMBOL@venue}, e.g. {@code BTC-USDT@binance}. */
public record InstrumentId(String symbol, String venue) implements Comparable<InstrumentId> {
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._/:\\-]{1,40}");
    private static final Pattern VENUE = Pattern.compile("[a-z0-9_\\-]{1,20}");

    public InstrumentId {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(venue, "venue");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("invalid symbol: '" + symbol + "'");
        }
        if (!VENUE.matcher(venue).matches()) {
            throw new IllegalArgumentException("invalid venue: '" + venue + "'");
        }
    }

    /** Parses {@code SYMBOL@venue}. */
    public static InstrumentId parse(String text) {
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("instrument must be written SYMBOL@venue, not '" + text + "'");
        }
        return new InstrumentId(text.substring(0, at), text.substring(at + 1));
    }

    // Written out (the record's own are the same functions): instruments key the maps looked up on
    // every quote and bar, and the generated versions go through method handles whose inlining costs
    // the hot methods around them much of their compilation budget.
    @Override
    public boolean equals(Object o) {
        return o == this
                || (o instanceof InstrumentId other && symbol.equals(other.symbol) && venue.equals(other.venue));
    }

    /** {@code 31 × symbol.hashCode() + venue.hashCode()}, the value the record would compute. */
    @Override
    public int hashCode() {
        return 31 * symbol.hashCode() + venue.hashCode();
    }

    @Override
    public int compareTo(InstrumentId o) {
        if (o == this) {
            return 0; // a sorted map looked up by its own key object: no text compared
        }
        int c = symbol.compareTo(o.symbol);
        return c != 0 ? c : venue.compareTo(o.venue);
    }

    @Override
    public String toString() {
        return symbol + "@" + venue;
    }
}
