package dev.paperdesk.engine.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Statistics of a list of closed trades.
 *
 * <p>A win has {@code pnl > 0}, a loss {@code pnl < 0}; a trade at exactly zero is neither but counts
 * in the rates' denominator. Streaks follow exit time. With no trades, counts are 0, sums 0 and every
 * ratio {@code NaN}. Without a winner (loser), the average and largest win (loss) are {@code NaN};
 * profit factor and payoff ratio are {@code +Infinity} with wins and no loss, {@code NaN} with neither.
 *
 * @param trades number of trades
 * @param wins trades with positive P&amp;L
 * @param losses trades with negative P&amp;L
 * @param winRate wins over trades
 * @param lossRate losses over trades
 * @param grossProfit sum of winning P&amp;L
 * @param grossLoss sum of losing P&amp;L, a value {@code <= 0}
 * @param netPnl sum of all P&amp;L (net of fees)
 * @param totalFees sum of fees
 * @param averageWin mean P&amp;L of winners
 * @param averageLoss mean P&amp;L of losers, a value {@code < 0}
 * @param payoffRatio average win over |average loss| (risk/reward)
 * @param profitFactor gross profit over |gross loss|
 * @param expectancy {@code winRate * averageWin + lossRate * averageLoss}, the mean P&amp;L per trade
 * @param averageReturn mean of the trades' returns
 * @param largestWin highest P&amp;L
 * @param largestLoss lowest P&amp;L
 * @param longestWinningStreak most consecutive winners
 * @param longestLosingStreak most consecutive losers
 * @param averageHolding mean time in a trade ({@code Duration.ZERO} without trades)
 * @param exposure share of the time from the first entry to the last exit with at least one trade
 *     open, in [0, 1]; {@code NaN} when that span is empty
 */
public record TradeStatistics(
        int trades,
        int wins,
        int losses,
        double winRate,
        double lossRate,
        double grossProfit,
        double grossLoss,
        double netPnl,
        double totalFees,
        double averageWin,
        double averageLoss,
        double payoffRatio,
        double profitFactor,
        double expectancy,
        double averageReturn,
        double largestWin,
        double largestLoss,
        int longestWinningStreak,
        int longestLosingStreak,
        Duration averageHolding,
        double exposure) {

    /** Computes the statistics of {@code trades}, in any order. */
    public static TradeStatistics of(List<ClosedTrade> trades) {
        List<ClosedTrade> byExit = new ArrayList<>(trades);
        byExit.sort(Comparator.comparing(ClosedTrade::exitTime).thenComparing(ClosedTrade::entryTime));
        int n = byExit.size();
        int wins = 0;
        int losses = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        double fees = 0;
        double sumReturn = 0;
        double largestWin = Double.NaN;
        double largestLoss = Double.NaN;
        int winStreak = 0;
        int lossStreak = 0;
        int longestWin = 0;
        int longestLoss = 0;
        Duration holding = Duration.ZERO;
        for (ClosedTrade t : byExit) {
            double pnl = t.pnl();
            if (pnl > 0) {
                wins++;
                grossProfit += pnl;
                largestWin = Double.isNaN(largestWin) ? pnl : Math.max(largestWin, pnl);
                winStreak++;
                lossStreak = 0;
            } else if (pnl < 0) {
                losses++;
                grossLoss += pnl;
                largestLoss = Double.isNaN(largestLoss) ? pnl : Math.min(largestLoss, pnl);
                lossStreak++;
                winStreak = 0;
            } else {
                winStreak = 0;
                lossStreak = 0;
            }
            longestWin = Math.max(longestWin, winStreak);
            longestLoss = Math.max(longestLoss, lossStreak);
            fees += t.fees();
            sumReturn += t.returnFraction();
            holding = holding.plus(t.holding());
        }
        double winRate = n == 0 ? Double.NaN : (double) wins / n;
        double lossRate = n == 0 ? Double.NaN : (double) losses / n;
        double averageWin = wins == 0 ? Double.NaN : grossProfit / wins;
        double averageLoss = losses == 0 ? Double.NaN : grossLoss / losses;
        double payoff = ratio(averageWin, wins, averageLoss, losses);
        double profitFactor = ratio(grossProfit, wins, grossLoss, losses);
        double expectancy = n == 0
                ? Double.NaN
                : (wins == 0 ? 0 : winRate * averageWin) + (losses == 0 ? 0 : lossRate * averageLoss);
        return new TradeStatistics(
                n,
                wins,
                losses,
                winRate,
                lossRate,
                grossProfit,
                grossLoss,
                grossProfit + grossLoss,
                fees,
                averageWin,
                averageLoss,
                payoff,
                profitFactor,
                expectancy,
                n == 0 ? Double.NaN : sumReturn / n,
                largestWin,
                largestLoss,
                longestWin,
                longestLoss,
                n == 0 ? Duration.ZERO : holding.dividedBy(n),
                exposure(byExit));
    }

    private static double ratio(double gain, int wins, double loss, int losses) {
        if (losses == 0) {
            return wins == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        return wins == 0 ? 0.0 : gain / Math.abs(loss);
    }

    /** Union of the open intervals over the span from the first entry to the last exit. */
    private static double exposure(List<ClosedTrade> trades) {
        if (trades.isEmpty()) {
            return Double.NaN;
        }
        Instant first = trades.stream()
                .map(ClosedTrade::entryTime)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = trades.stream()
                .map(ClosedTrade::exitTime)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return exposure(trades, first, last);
    }

    /**
     * The share of the window {@code [from, to]} during which at least one of the trades was open:
     * the union of their open intervals, clipped to the window, over its length. A backtest's exposure
     * is this over the whole run, so a strategy that sat in cash for most of it does not read 100 %.
     * NaN for an empty window.
     */
    public static double exposure(List<ClosedTrade> trades, Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        if (span.isZero() || span.isNegative()) {
            return Double.NaN;
        }
        List<ClosedTrade> byEntry = new ArrayList<>(trades);
        byEntry.sort(Comparator.comparing(ClosedTrade::entryTime));
        Duration covered = Duration.ZERO;
        Instant runStart = null;
        Instant runEnd = null;
        for (ClosedTrade t : byEntry) {
            Instant entry = t.entryTime().isBefore(from) ? from : t.entryTime();
            Instant exit = t.exitTime().isAfter(to) ? to : t.exitTime();
            if (!exit.isAfter(entry)) {
                continue;
            }
            if (runEnd == null || entry.isAfter(runEnd)) {
                if (runEnd != null) {
                    covered = covered.plus(Duration.between(runStart, runEnd));
                }
                runStart = entry;
                runEnd = exit;
            } else if (exit.isAfter(runEnd)) {
                runEnd = exit;
            }
        }
        if (runEnd != null) {
            covered = covered.plus(Duration.between(runStart, runEnd));
        }
        return (double) covered.toNanos() / span.toNanos();
    }
}
