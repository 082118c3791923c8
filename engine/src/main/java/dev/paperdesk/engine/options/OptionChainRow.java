package dev.paperdesk.engine.options;

import java.math.BigDecimal;
import java.util.Objects;

/** One strike of a chain: the call and the put of that strike and expiry. */
public record OptionChainRow(BigDecimal strike, OptionQuoteView call, OptionQuoteView put) {
    public OptionChainRow {
        Objects.requireNonNull(strike, "strike");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(put, "put");
        if (strike.signum() <= 0) {
            throw new IllegalArgumentException("strike must be positive, got " + strike);
        }
    }
}
