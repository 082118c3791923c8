package dev.paperdesk.engine.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Reference points for the daily-loss and drawdown limits, in the base currency: the equity at the
 * start of the UTC day, money added since then, and the highest equity seen (raised by top-ups so a
 * deposit is never mistaken for a recovery).
 */
public record RiskMarks(LocalDate day, BigDecimal dayStartEquity, BigDecimal topUpsToday, BigDecimal peakEquity) {
    public RiskMarks {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(dayStartEquity, "dayStartEquity");
        Objects.requireNonNull(topUpsToday, "topUpsToday");
        Objects.requireNonNull(peakEquity, "peakEquity");
    }

    public static RiskMarks start(LocalDate day, BigDecimal equity) {
        return new RiskMarks(day, equity, BigDecimal.ZERO, equity);
    }

    /** Profit or loss since the start of the day, top-ups excluded. */
    public BigDecimal dayPnl(BigDecimal equity) {
        return equity.subtract(dayStartEquity).subtract(topUpsToday);
    }

    /** Rolls to a new day when {@code today} is later; raises the peak to {@code equity} when higher. */
    public RiskMarks observe(LocalDate today, BigDecimal equity) {
        RiskMarks m = this;
        if (today.isAfter(day)) {
            m = new RiskMarks(today, equity, BigDecimal.ZERO, peakEquity);
        }
        return equity.compareTo(m.peakEquity) > 0 ? new RiskMarks(m.day, m.dayStartEquity, m.topUpsToday, equity) : m;
    }

    /** Adds a top-up converted to the base currency. */
    public RiskMarks toppedUp(BigDecimal amountBase) {
        return new RiskMarks(day, dayStartEquity, topUpsToday.add(amountBase), peakEquity.add(amountBase));
    }
}
