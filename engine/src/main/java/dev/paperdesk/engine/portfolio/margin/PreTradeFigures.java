package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.portfolio.RiskLimits;
import dev.paperdesk.engine.portfolio.RiskMarks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the pre-trade checks need of one account, computed without its position views, ratios,
 * liquidation prices or percentages (see {@link MarginCalculator#preTrade}): each figure equals,
 * value and scale, the one of {@link MarginCalculator#compute} on the same valuation. The daily-loss
 * and drawdown percentages are divided only when read, and the limit comparisons mostly not at all
 * ({@link Percent}).
 *
 * @param marks the risk reference points the day's P&amp;L and the drawdown are measured from
 * @param openPositions how many positions are open (quantity not zero)
 * @param positionNotional the absolute value at the mark of the position in the instrument the
 *     figures were asked about, in the base currency; {@code null} when that position is flat or its
 *     currency has no rate
 * @param freeMarginAtPrice the free margin with that instrument valued at the price the figures were
 *     asked at and nothing reserved, or {@code null} when no price was given
 */
public record PreTradeFigures(
        Currency baseCurrency,
        BigDecimal equity,
        BigDecimal freeMargin,
        BigDecimal reservedForOrders,
        RiskMarks marks,
        RiskLimits limits,
        int openPositions,
        BigDecimal positionNotional,
        BigDecimal freeMarginAtPrice)
        implements RiskFigures {
    public PreTradeFigures {
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(freeMargin, "freeMargin");
        Objects.requireNonNull(reservedForOrders, "reservedForOrders");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(limits, "limits");
    }

    @Override
    public BigDecimal dayPnl() {
        return marks.dayPnl(equity);
    }

    @Override
    public BigDecimal dailyLossPct() {
        return MarginCalculator.dailyLossPct(marks, equity);
    }

    @Override
    public BigDecimal drawdownPct() {
        return MarginCalculator.drawdownPct(marks, equity);
    }

    @Override
    public boolean dailyLossAtLeast(BigDecimal threshold) {
        BigDecimal dayPnl = dayPnl();
        if (dayPnl.signum() < 0 && marks.dayStartEquity().signum() > 0) {
            return Percent.atLeast(dayPnl.negate(), marks.dayStartEquity(), threshold);
        }
        return BigDecimal.ZERO.compareTo(threshold) >= 0;
    }

    @Override
    public boolean drawdownAtLeast(BigDecimal threshold) {
        BigDecimal peak = marks.peakEquity().max(equity);
        if (peak.signum() > 0) {
            return Percent.atLeast(peak.subtract(equity), peak, threshold);
        }
        return BigDecimal.ZERO.compareTo(threshold) >= 0;
    }
}
