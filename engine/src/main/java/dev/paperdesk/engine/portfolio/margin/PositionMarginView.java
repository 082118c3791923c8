package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.MarginMode;
import java.math.BigDecimal;

/**
 * One open position with its margin: amounts in the position's currency except where named.
 *
 * @param entryPrice average entry price per unit
 * @param mark the price valuing it (mark price for perpetuals, quote mid otherwise; entry when unknown)
 * @param notional quantity × mark × multiplier, absolute
 * @param leverage the leverage in force: the chosen one capped by class and tier
 * @param initialMargin margin the position ties up (its isolated margin when isolated)
 * @param maintenanceMargin margin below which its pool is liquidated
 * @param isolatedMargin margin allocated to an isolated position (zero when cross)
 * @param liquidationPrice mark at which it would be liquidated, or {@code null} when no positive price would
 * @param maintenanceRatio maintenance margin ÷ equity of its pool (the account's cross pool or its own)
 * @param rate units of the base currency per unit of {@code currency}, or {@code null} without a rate
 */
public record PositionMarginView(
        InstrumentId instrumentId,
        AssetClass assetClass,
        Currency currency,
        BigDecimal quantity,
        BigDecimal entryPrice,
        BigDecimal mark,
        BigDecimal notional,
        BigDecimal unrealizedPnl,
        MarginMode mode,
        int leverage,
        BigDecimal initialMargin,
        BigDecimal maintenanceMargin,
        BigDecimal isolatedMargin,
        BigDecimal liquidationPrice,
        BigDecimal maintenanceRatio,
        BigDecimal rate) {}
