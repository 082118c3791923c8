package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One expiry of an underlying's chain as of {@code valuationDate}: the underlying price it was priced
 * at, the contract terms shared by every line (style, multiplier, rate and dividend yield), the
 * at-the-money strike and the lines by ascending strike.
 */
public record ChainSnapshot(
        InstrumentId underlying,
        LocalDate expiry,
        LocalDate valuationDate,
        double spot,
        OptionStyle style,
        double multiplier,
        double rate,
        double dividendYield,
        BigDecimal atmStrike,
        List<ChainLine> lines) {
    public ChainSnapshot {
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(valuationDate, "valuationDate");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(atmStrike, "atmStrike");
        lines = List.copyOf(lines);
    }

    /** The index of the at-the-money line, or −1 for an empty chain. */
    public int atmIndex() {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strike().compareTo(atmStrike) == 0) {
                return i;
            }
        }
        return lines.isEmpty() ? -1 : lines.size() / 2;
    }

    /** The listed strikes, ascending. */
    public List<Double> strikes() {
        return lines.stream().map(l -> l.strike().doubleValue()).toList();
    }

    /** The call or put at {@code strike}, if listed. */
    public Optional<ChainSide> side(OptionRight right, double strike) {
        return lines.stream()
                .filter(l -> l.strike().doubleValue() == strike)
                .findFirst()
                .map(l -> l.side(right));
    }
}
