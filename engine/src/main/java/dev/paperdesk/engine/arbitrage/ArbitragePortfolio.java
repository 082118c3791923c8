package dev.paperdesk.engine.arbitrage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The capital ledger of the arbitrage book, in exact decimals. Capital is reserved when an entry
 * starts, released if the entry is abandoned, and returned with the realised profit when the trade
 * closes, so at every moment {@code available + open exposure = starting capital + cumulative P&L}.
 */
public final class ArbitragePortfolio {
    private final BigDecimal startingCapital;
    private BigDecimal available;
    private BigDecimal openExposure = BigDecimal.ZERO;
    private BigDecimal cumulativePnl = BigDecimal.ZERO;
    private BigDecimal legOutTotalLoss = BigDecimal.ZERO;
    private int openTrades;
    private int wins;
    private int losses;
    private int legOutCount;

    public ArbitragePortfolio(BigDecimal startingCapital) {
        Objects.requireNonNull(startingCapital, "startingCapital");
        if (startingCapital.signum() <= 0) {
            throw new IllegalArgumentException("starting capital must be positive: " + startingCapital);
        }
        this.startingCapital = startingCapital;
        this.available = startingCapital;
    }

    /** Takes {@code size} from the available capital; false (and no change) when there is not enough. */
    public boolean reserve(BigDecimal size) {
        if (size.signum() <= 0 || available.compareTo(size) < 0) {
            return false;
        }
        available = available.subtract(size);
        openExposure = openExposure.add(size);
        openTrades++;
        return true;
    }

    /** Gives back a reservation whose entry was abandoned before any fill. */
    public void release(BigDecimal size) {
        take(size);
        available = available.add(size);
    }

    /** Closes a trade of {@code size}: the capital comes back with its realised {@code profit}. */
    public void close(BigDecimal size, BigDecimal profit) {
        take(size);
        available = available.add(size).add(profit);
        cumulativePnl = cumulativePnl.add(profit);
        if (profit.signum() > 0) {
            wins++;
        } else {
            losses++;
        }
    }

    /** Counts a leg-out and attributes its cost; the cost itself is already in the trade's fills. */
    public void legOut(BigDecimal loss) {
        legOutCount++;
        legOutTotalLoss = legOutTotalLoss.add(loss);
    }

    private void take(BigDecimal size) {
        if (openTrades == 0 || openExposure.compareTo(size) < 0) {
            throw new IllegalStateException("no open exposure of " + size + " to take back");
        }
        openExposure = openExposure.subtract(size);
        openTrades--;
    }

    public BigDecimal startingCapital() {
        return startingCapital;
    }

    public BigDecimal available() {
        return available;
    }

    public BigDecimal openExposure() {
        return openExposure;
    }

    public BigDecimal cumulativePnl() {
        return cumulativePnl;
    }

    public BigDecimal legOutTotalLoss() {
        return legOutTotalLoss;
    }

    public int legOutCount() {
        return legOutCount;
    }

    public int closedTrades() {
        return wins + losses;
    }

    /** The figures after {@code daysElapsed} days of running. */
    public PortfolioMetrics metrics(int activeTrades, double daysElapsed) {
        double start = startingCapital.doubleValue();
        double pnl = cumulativePnl.doubleValue();
        int closed = wins + losses;
        double pnlShare =
                cumulativePnl.divide(startingCapital, MathContext.DECIMAL64).doubleValue();
        return new PortfolioMetrics(
                startingCapital,
                available,
                openExposure,
                openExposure.doubleValue() / start * 100,
                closed,
                activeTrades,
                wins,
                losses,
                closed == 0 ? 0 : 100.0 * wins / closed,
                cumulativePnl,
                pnlShare * 100,
                legOutCount,
                legOutTotalLoss,
                pnl == 0 ? 0 : legOutTotalLoss.doubleValue() / Math.abs(pnl) * 100,
                daysElapsed,
                daysElapsed > 0 ? pnlShare / (daysElapsed / 365.0) * 100 : 0);
    }
}
