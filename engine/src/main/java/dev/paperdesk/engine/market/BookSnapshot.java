package dev.paperdesk.engine.market;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An L2 order book at an instant: bids best (highest) first, asks best (lowest) first.
 *
 * <p>Levels are strictly ordered, have positive sizes, and the book is never crossed; a snapshot
 * that breaks one of these rules is corrupt data and is refused.
 */
public record BookSnapshot(InstrumentId instrumentId, Instant timestamp, List<BookLevel> bids, List<BookLevel> asks) {
    public BookSnapshot {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(timestamp, "timestamp");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        checkSide(instrumentId, "bid", bids, -1);
        checkSide(instrumentId, "ask", asks, 1);
        if (!bids.isEmpty()
                && !asks.isEmpty()
                && bids.get(0).price().compareTo(asks.get(0).price()) >= 0) {
            throw new IllegalArgumentException(instrumentId + ": crossed book "
                    + bids.get(0).price() + " >= " + asks.get(0).price());
        }
    }

    private static void checkSide(InstrumentId id, String side, List<BookLevel> levels, int direction) {
        for (int i = 0; i < levels.size(); i++) {
            BookLevel level = levels.get(i);
            if (!level.size().isPositive()) {
                throw new IllegalArgumentException(id + ": " + side + " level " + i + " has no size");
            }
            if (i > 0
                    && Integer.signum(level.price().compareTo(levels.get(i - 1).price())) != direction) {
                throw new IllegalArgumentException(id + ": " + side + " level " + i + " at " + level.price()
                        + " is out of order after " + levels.get(i - 1).price());
            }
        }
    }

    /** The best bid and offer of this book, or {@code null} when a side is empty. */
    public Quote topOfBook() {
        if (bids.isEmpty() || asks.isEmpty()) {
            return null;
        }
        BookLevel bid = bids.get(0);
        BookLevel ask = asks.get(0);
        return new Quote(instrumentId, timestamp, bid.price(), ask.price(), bid.size(), ask.size());
    }
}
