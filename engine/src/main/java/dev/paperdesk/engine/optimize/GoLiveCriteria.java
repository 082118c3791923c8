package dev.paperdesk.engine.optimize;

/**
 * The thresholds a paper-trading period (or any run) must meet before real money: each one can be
 * switched off ({@code NaN} for a number, 0 trades, {@code false}).
 *
 * @param minWinRate winning share of closed trades, at least (0.55)
 * @param minSharpe annualised Sharpe ratio, at least (1.5)
 * @param maxDrawdown depth of the deepest drawdown as a positive fraction, at most (0.10)
 * @param positivePnl net profit must be above zero
 * @param minTrades closed trades, at least (20)
 * @param noErrors no strategy error and no order refused by the engine
 */
public record GoLiveCriteria(
        double minWinRate, double minSharpe, double maxDrawdown, boolean positivePnl, int minTrades, boolean noErrors) {
    public GoLiveCriteria {
        if (!Double.isNaN(minWinRate) && (minWinRate < 0 || minWinRate > 1)) {
            throw new IllegalArgumentException("minimum win rate must be within [0, 1], not " + minWinRate);
        }
        if (Double.isInfinite(minSharpe)) {
            throw new IllegalArgumentException("minimum Sharpe ratio must be finite");
        }
        if (!Double.isNaN(maxDrawdown) && !(maxDrawdown >= 0 && maxDrawdown <= 1)) {
            throw new IllegalArgumentException(
                    "maximum drawdown is a positive fraction within [0, 1] (0.10 = 10%), not " + maxDrawdown);
        }
        if (minTrades < 0) {
            throw new IllegalArgumentException("minimum trades must not be negative, not " + minTrades);
        }
    }

    /** Win rate ≥ 55%, Sharpe ≥ 1.5, max drawdown ≤ 10%, positive P&amp;L, ≥ 20 trades, no errors. */
    public static GoLiveCriteria defaults() {
        return new GoLiveCriteria(0.55, 1.5, 0.10, true, 20, true);
    }

    public GoLiveCriteria withMinWinRate(double v) {
        return new GoLiveCriteria(v, minSharpe, maxDrawdown, positivePnl, minTrades, noErrors);
    }

    public GoLiveCriteria withMinSharpe(double v) {
        return new GoLiveCriteria(minWinRate, v, maxDrawdown, positivePnl, minTrades, noErrors);
    }

    public GoLiveCriteria withMaxDrawdown(double v) {
        return new GoLiveCriteria(minWinRate, minSharpe, v, positivePnl, minTrades, noErrors);
    }

    public GoLiveCriteria withPositivePnl(boolean v) {
        return new GoLiveCriteria(minWinRate, minSharpe, maxDrawdown, v, minTrades, noErrors);
    }

    public GoLiveCriteria withMinTrades(int v) {
        return new GoLiveCriteria(minWinRate, minSharpe, maxDrawdown, positivePnl, v, noErrors);
    }

    public GoLiveCriteria withNoErrors(boolean v) {
        return new GoLiveCriteria(minWinRate, minSharpe, maxDrawdown, positivePnl, minTrades, v);
    }
}
