package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.MarginMode;
import java.math.BigDecimal;
import java.util.function.ToIntFunction;

/**
 * A floating-point screen of one account's margin pools between exact checks: on a price tick it
 * re-values every position and pool in {@code double} and says whether any pool may have changed
 * warning level. Only then does the engine run the exact {@link MarginCalculator}; every decision
 * (warning, liquidation) is taken on exact numbers.
 *
 * <p>Built from an exact {@link AccountSnapshot}; exchange rates and entry-based maintenance are
 * frozen until the next rebuild. A relative guard band of {@link #GUARD} around each level's
 * threshold sends borderline ratios to the exact check, so rounding never hides a crossing.
 */
public final class MarginMonitor {
    /** Relative guard band around level thresholds. */
    public static final double GUARD = 1e-6;

    private final int[] instrument;
    private final double[] quantityValue;
    private final double[] cost;
    private final double[] buildMark;
    private final int[] pool;
    private final double[] poolBase;
    private final double[] poolMaintenance;
    private final WarningLevel[] known;
    private final double[] equity;

    private MarginMonitor(int positions, int pools) {
        instrument = new int[positions];
        quantityValue = new double[positions];
        cost = new double[positions];
        buildMark = new double[positions];
        pool = new int[positions];
        poolBase = new double[pools];
        poolMaintenance = new double[pools];
        known = new WarningLevel[pools];
        equity = new double[pools];
    }

    /**
     * Builds the screen of {@code account}, or returns {@code null} when the account cannot be
     * screened in floating point (a position without exchange rate, or a short option whose margin
     * moves with its underlying): such accounts are checked exactly on every tick.
     *
     * @param index maps an instrument to its slot in the marks array passed to {@link #needsExactCheck}
     *     (negative when it has none)
     */
    public static MarginMonitor of(AccountSnapshot account, ToIntFunction<InstrumentId> index) {
        int isolated = 0;
        for (PositionMarginView p : account.positions()) {
            if (index.applyAsInt(p.instrumentId()) < 0
                    || p.rate() == null
                    || (p.assetClass() == dev.paperdesk.engine.model.AssetClass.OPTION
                            && p.quantity().signum() < 0)) {
                return null;
            }
            if (p.mode() == MarginMode.ISOLATED) {
                isolated++;
            }
        }
        MarginMonitor m = new MarginMonitor(account.positions().size(), isolated + 1);
        BigDecimal crossUnrealized = BigDecimal.ZERO;
        int next = 1;
        int i = 0;
        for (PositionMarginView p : account.positions()) {
            BigDecimal rate = p.rate();
            BigDecimal value = p.notional().signum() == 0 || p.mark().signum() == 0
                    ? BigDecimal.ZERO
                    : p.notional().divide(p.mark(), dev.paperdesk.engine.model.Decimals.DIVISION);
            // quantity × multiplier, signed, in base-currency units per unit of price
            BigDecimal qm =
                    value.multiply(BigDecimal.valueOf(p.quantity().signum())).multiply(rate);
            BigDecimal unrealized = p.unrealizedPnl().multiply(rate);
            m.instrument[i] = index.applyAsInt(p.instrumentId());
            m.buildMark[i] = p.mark().doubleValue();
            m.quantityValue[i] = qm.doubleValue();
            // cost such that qm × mark − cost = unrealized at the build marks
            m.cost[i] = qm.multiply(p.mark()).subtract(unrealized).doubleValue();
            if (p.mode() == MarginMode.ISOLATED) {
                int k = next++;
                m.pool[i] = k;
                m.poolBase[k] = p.isolatedMargin().multiply(rate).doubleValue();
                m.poolMaintenance[k] = p.maintenanceMargin().multiply(rate).doubleValue();
                m.known[k] = WarningLevel.of(p.maintenanceRatio());
            } else {
                m.pool[i] = 0;
                crossUnrealized = crossUnrealized.add(unrealized);
            }
            i++;
        }
        m.poolBase[0] = account.crossEquity().subtract(crossUnrealized).doubleValue();
        m.poolMaintenance[0] = account.crossMaintenance().doubleValue();
        m.known[0] = WarningLevel.of(MarginCalculator.ratio(account.crossMaintenance(), account.crossEquity()));
        return m;
    }

    public int positions() {
        return instrument.length;
    }

    /**
     * Re-values every position at {@code marks} (indexed as at build time, {@code NaN} for no price)
     * and reports whether any
     * pool's warning level may differ from the one of the last exact check.
     */
    public boolean needsExactCheck(double[] marks) {
        System.arraycopy(poolBase, 0, equity, 0, poolBase.length);
        for (int i = 0; i < instrument.length; i++) {
            double mark = marks[instrument[i]];
            // No price yet: the exact valuation uses the build-time mark (cost), and so does the screen.
            equity[pool[i]] += quantityValue[i] * (Double.isNaN(mark) ? buildMark[i] : mark) - cost[i];
        }
        for (int k = 0; k < equity.length; k++) {
            double mm = poolMaintenance[k];
            if (mm <= 0) {
                // No maintenance, no level: such a pool was NONE at the exact check and stays NONE.
                continue;
            }
            double e = equity[k];
            if (e <= mm * (1 + GUARD)) {
                // At or past the maintenance threshold (or no equity left): always decided exactly.
                return true;
            }
            double ratio = mm / e;
            if (WarningLevel.of(ratio * (1 + GUARD)) != known[k] || WarningLevel.of(ratio * (1 - GUARD)) != known[k]) {
                return true;
            }
        }
        return false;
    }
}
