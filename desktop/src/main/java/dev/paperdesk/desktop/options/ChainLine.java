package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import java.math.BigDecimal;
import java.util.Objects;

/** One strike of the chain: its call and its put, and whether it is the at-the-money strike. */
public record ChainLine(BigDecimal strike, ChainSide call, ChainSide put, boolean atm) {
    public ChainLine {
        Objects.requireNonNull(strike, "strike");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(put, "put");
    }

    /** The call or the put. */
    public ChainSide side(OptionRight right) {
        return right == OptionRight.CALL ? call : put;
    }
}
