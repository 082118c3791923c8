package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.model.Instrument;
import java.util.Objects;

/** One instrument on one venue: what it tracks, how it trades and when. */
public record ListingSpec(
        Instrument instrument,
        String underlying,
        ListingKind kind,
        VenueProfile venue,
        Microstructure microstructure,
        TradingHours hours,
        double openInterestLots) {
    public ListingSpec {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(microstructure, "microstructure");
        Objects.requireNonNull(hours, "hours");
        if (!instrument.venue().equals(venue.name())) {
            throw new IllegalArgumentException(instrument.id() + ": listed on venue profile " + venue.name());
        }
        if ((kind == ListingKind.PERPETUAL) != (instrument instanceof Instrument.Perpetual)) {
            throw new IllegalArgumentException(instrument.id() + ": listing kind " + kind + " does not match");
        }
        if (!(openInterestLots >= 0)) {
            throw new IllegalArgumentException(instrument.id() + ": open interest must not be negative");
        }
    }
}
