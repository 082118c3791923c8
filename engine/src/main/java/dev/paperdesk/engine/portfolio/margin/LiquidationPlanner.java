package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.MarginMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides the next liquidation step of a breached account: isolated positions first, then the cross
 * pool's largest maintenance requirement. A step closes the smallest lot-rounded quantity that
 * brings the pool back to {@link #TARGET_RATIO} of its maintenance threshold after the liquidation
 * fee; when no partial close can do that, the whole position is closed.
 */
public final class LiquidationPlanner {
    /** Liquidation fee: 0.5% of the notional closed, paid to the insurance fund. */
    public static final BigDecimal FEE_RATE = new BigDecimal("0.005");

    /** A partial liquidation restores the pool to the first warning level. */
    public static final BigDecimal TARGET_RATIO = new BigDecimal("0.80");

    private LiquidationPlanner() {}

    /** The fee of liquidating {@code notional}. */
    public static BigDecimal fee(BigDecimal notional) {
        return notional.abs().multiply(FEE_RATE);
    }

    /** The next step for {@code account}, or empty when no pool is breached. */
    public static Optional<LiquidationStep> next(
            AccountSnapshot account, Function<InstrumentId, Instrument> instruments) {
        for (PositionMarginView p : account.positions()) {
            if (p.mode() == MarginMode.ISOLATED
                    && p.maintenanceRatio().compareTo(BigDecimal.ONE) >= 0
                    && p.maintenanceMargin().signum() > 0) {
                BigDecimal poolEquity = p.isolatedMargin().add(p.unrealizedPnl());
                return Optional.of(step(p, poolEquity, p.maintenanceMargin(), BigDecimal.ONE, instruments));
            }
        }
        if (account.crossMaintenance().signum() > 0
                && MarginCalculator.ratio(account.crossMaintenance(), account.crossEquity())
                                .compareTo(BigDecimal.ONE)
                        >= 0) {
            Optional<PositionMarginView> largest = account.positions().stream()
                    .filter(p -> p.mode() == MarginMode.CROSS
                            && p.rate() != null
                            && p.maintenanceMargin().signum() > 0)
                    .max(Comparator.comparing((PositionMarginView p) ->
                                    p.maintenanceMargin().multiply(p.rate()))
                            .thenComparing(PositionMarginView::instrumentId, Comparator.reverseOrder()));
            if (largest.isPresent()) {
                PositionMarginView p = largest.get();
                return Optional.of(step(p, account.crossEquity(), account.crossMaintenance(), p.rate(), instruments));
            }
        }
        return Optional.empty();
    }

    /**
     * Solves {@code MM − Δq·mmPerUnit ≤ t·(E − Δq·feePerUnit)} for the smallest Δq, all in the
     * pool's currency ({@code rate} converts the position's amounts into it).
     */
    private static LiquidationStep step(
            PositionMarginView p,
            BigDecimal poolEquity,
            BigDecimal poolMaintenance,
            BigDecimal rate,
            Function<InstrumentId, Instrument> instruments) {
        BigDecimal ratio = MarginCalculator.ratio(poolMaintenance, poolEquity);
        BigDecimal size = p.quantity().abs();
        Instrument instrument = instruments.apply(p.instrumentId());
        BigDecimal lot = instrument == null ? null : instrument.lotSize();
        LiquidationStep full =
                new LiquidationStep(p.instrumentId(), size, AccountRecord.LiquidationKind.FULL, p.mode(), ratio);
        if (poolEquity.signum() <= 0 || lot == null) {
            return full;
        }
        BigDecimal mmPerUnit = p.maintenanceMargin().multiply(rate).divide(size, Decimals.DIVISION);
        BigDecimal feePerUnit = fee(p.notional()).multiply(rate).divide(size, Decimals.DIVISION);
        BigDecimal denominator = mmPerUnit.subtract(TARGET_RATIO.multiply(feePerUnit));
        if (denominator.signum() <= 0) {
            return full;
        }
        BigDecimal needed =
                poolMaintenance.subtract(TARGET_RATIO.multiply(poolEquity)).divide(denominator, Decimals.DIVISION);
        BigDecimal lots = needed.divide(lot, 0, RoundingMode.CEILING).max(BigDecimal.ONE);
        BigDecimal quantity = lots.multiply(lot);
        if (quantity.compareTo(size) >= 0) {
            return full;
        }
        return new LiquidationStep(p.instrumentId(), quantity, AccountRecord.LiquidationKind.PARTIAL, p.mode(), ratio);
    }
}
