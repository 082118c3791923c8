package dev.paperdesk.engine.backtest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One round trip: from a flat position to flat again in one instrument.
 *
 * @param side {@code LONG} or {@code SHORT}
 * @param entryPrice the quantity-weighted average of the opening fills
 * @param exitPrice the quantity-weighted average of the closing fills
 * @param pnl realised P&L in the quote currency, after {@code fees}
 * @param fees fees of every fill of the trade
 * @param mae maximum adverse excursion: the worst price move against the trade while it was open, per
 *     unit, in price units (≥ 0), from the highs and lows of the bars that closed while it was open
 * @param mfe maximum favourable excursion, likewise (≥ 0)
 */
public record BacktestTrade(
        String instrument,
        String side,
        Instant entryTime,
        Instant exitTime,
        BigDecimal quantity,
        BigDecimal entryPrice,
        BigDecimal exitPrice,
        BigDecimal pnl,
        BigDecimal fees,
        Duration holding,
        BigDecimal mae,
        BigDecimal mfe) {
    public BacktestTrade {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(entryTime, "entryTime");
        Objects.requireNonNull(exitTime, "exitTime");
        if (exitTime.isBefore(entryTime)) {
            throw new IllegalArgumentException("trade exits before it enters: " + entryTime + " > " + exitTime);
        }
    }

    public boolean opensLong() {
        return "LONG".equals(side);
    }
}
