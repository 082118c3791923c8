package dev.paperdesk.engine.market;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quantity;
import java.time.Instant;
import java.util.Objects;

/** The total open position of a derivative on one venue, in contracts (base units for linear perpetuals). */
public record OpenInterest(InstrumentId instrumentId, Instant timestamp, Quantity contracts) {
    public OpenInterest {
        Objects.requireNonNull(instrumentId, "instrumentId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(contracts, "contracts");
    }
}
