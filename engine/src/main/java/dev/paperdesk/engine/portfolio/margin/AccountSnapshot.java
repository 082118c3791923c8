package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.RiskLimits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A portfolio's margin account at one instant, exact and in the base currency unless named.
 *
 * <p>{@code equity = balance + unrealizedPnl}, where the balance is cash plus the cost basis of the
 * open positions (what an exchange calls the wallet balance). The account has one cross pool,
 * shared by every cross position, and one pool per isolated position.
 *
 * @param usedMargin initial margin of cross positions plus the margin allocated to isolated ones (≥ 0)
 * @param maintenanceMargin maintenance margin of every position
 * @param freeMargin cross-pool equity less the cross positions' initial margin and less what working
 *     orders reserve: what new trades can use ({@code free + reserved + used = equity − Σ isolated
 *     unrealized P&L}, exactly)
 * @param marginLevel equity ÷ used margin, or {@code null} without used margin
 * @param maintenanceRatio the worst pool's maintenance margin ÷ pool equity (1 = liquidation)
 * @param effectiveLeverage gross notional at the mark ÷ equity
 * @param exposure gross notional at the mark per asset class
 * @param buyingPower free margin times the default leverage of each asset class
 * @param dailyLossPct today's loss as a percentage of the day's opening equity (0 when up)
 * @param drawdownPct drop from the equity peak, in percent
 * @param reservedForOrders margin and fees held back for the working orders (see {@link
 *     dev.paperdesk.engine.portfolio.PortfolioSnapshot#reservedForOrders()})
 */
public record AccountSnapshot(
        PortfolioId portfolioId,
        Currency baseCurrency,
        BigDecimal equity,
        BigDecimal balance,
        BigDecimal cash,
        BigDecimal unrealizedPnl,
        BigDecimal realizedPnl,
        BigDecimal dayPnl,
        BigDecimal usedMargin,
        BigDecimal maintenanceMargin,
        BigDecimal freeMargin,
        BigDecimal marginLevel,
        BigDecimal crossEquity,
        BigDecimal crossMaintenance,
        BigDecimal maintenanceRatio,
        WarningLevel warningLevel,
        BigDecimal effectiveLeverage,
        BigDecimal grossExposure,
        Map<AssetClass, BigDecimal> exposure,
        Map<AssetClass, BigDecimal> buyingPower,
        BigDecimal dailyLossPct,
        BigDecimal drawdownPct,
        RiskLimits limits,
        List<PositionMarginView> positions,
        BigDecimal reservedForOrders)
        implements RiskFigures {
    public AccountSnapshot {
        exposure = Map.copyOf(exposure);
        buyingPower = Map.copyOf(buyingPower);
        positions = List.copyOf(positions);
    }

    public Optional<PositionMarginView> position(dev.paperdesk.engine.model.InstrumentId id) {
        return positions.stream().filter(p -> p.instrumentId().equals(id)).findFirst();
    }

    /** Buying power for stocks (the strip's headline figure). */
    public BigDecimal stockBuyingPower() {
        return buyingPower.getOrDefault(AssetClass.EQUITY, BigDecimal.ZERO);
    }
}
