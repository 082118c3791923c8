package dev.paperdesk.engine.report.tax;

import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** Units a buy added to a long position (not the part that covered a short): a possible wash-sale replacement. */
public record Acquisition(InstrumentId instrument, FillId fill, Instant at, BigDecimal quantity) {
    public Acquisition {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(at, "at");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("an acquisition has a positive quantity");
        }
    }
}
