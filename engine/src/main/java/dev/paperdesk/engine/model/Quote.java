package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Best bid and offer of an instrument at an instant. */
public record Quote(
        InstrumentId instrumentId, Instant timestamp, Price bid, Price ask, Quantity bidSize, Quantity askSize) {
    public Quote {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        if (bid.compareTo(ask) > 0) {
            throw new IllegalArgumentException(instrumentId + ": crossed quote " + bid + " > " + ask);
        }
    }

    public Price mid() {
        if (bid.equals(ask)) {
            return bid; // (b + b) / 2 is b, in value and scale: no division for a quote without spread
        }
        return new Price(bid.value().add(ask.value()).divide(BigDecimal.TWO));
    }

    public Price spread() {
        return new Price(ask.value().subtract(bid.value()));
    }

    /** The price a marketable order of {@code side} would meet first. */
    public Price touch(Side side) {
        return side == Side.BUY ? ask : bid;
    }
}
