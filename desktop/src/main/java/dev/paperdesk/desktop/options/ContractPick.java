package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A contract picked in the chain: clicking the ask means buying at the ask, clicking the bid selling
 * at the bid.
 */
public record ContractPick(
        InstrumentId contract,
        InstrumentId underlying,
        OptionRight right,
        BigDecimal strike,
        LocalDate expiry,
        Side side,
        BigDecimal price) {
    public ContractPick {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(strike, "strike");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(price, "price");
    }
}
