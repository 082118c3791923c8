package dev.paperdesk.engine.report;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.report.tax.ClosedLot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A portfolio's daily equity, its daily returns net of deposits and top-ups, and its closed round
 * trips: what the analytics of a live portfolio are computed from.
 *
 * <p>Equity is the value at the end of each day in {@code zone}, from the day the account was opened
 * to the day of the records' {@code asOf}. The return of day {@code d} treats that day's deposits,
 * top-ups and resets as arriving at its start: {@code r = (E[d] − F[d]) / E[d−1] − 1}, so money moved
 * in is not counted as performance. The first day has no return (it holds the opening deposit); a
 * day after a non-positive equity has a missing ({@code NaN}) return.
 *
 * @param dates the days, strictly increasing
 * @param equity equity at the end of each day, base currency
 * @param returns daily returns from the second day on (empty with fewer than two days)
 * @param trades round trips closed, as analytics sees them (P&amp;L net of fees)
 */
public record PortfolioPerformance(
        List<LocalDate> dates, double[] equity, ReturnSeries returns, List<ClosedTrade> trades) {

    public PortfolioPerformance {
        dates = List.copyOf(dates);
        equity = equity.clone();
        Objects.requireNonNull(returns, "returns");
        trades = List.copyOf(trades);
        if (dates.size() != equity.length) {
            throw new IllegalArgumentException(dates.size() + " dates but " + equity.length + " equity values");
        }
    }

    /**
     * The performance of {@code records} by day in {@code zone}; empty when nothing was ever booked.
     *
     * @param assetClasses the asset class of each traded instrument, for attribution
     */
    public static PortfolioPerformance of(
            AccountRecords records, ZoneId zone, Function<InstrumentId, AssetClass> assetClasses) {
        LocalDate first = null;
        for (var e : records.ledger()) {
            LocalDate d = e.timestamp().atZone(zone).toLocalDate();
            first = first == null || d.isBefore(first) ? d : first;
        }
        for (var f : records.fills()) {
            LocalDate d = f.timestamp().atZone(zone).toLocalDate();
            first = first == null || d.isBefore(first) ? d : first;
        }
        if (first == null) {
            return new PortfolioPerformance(
                    List.of(), new double[0], ReturnSeries.of(List.of(), new double[0]), List.of());
        }
        LocalDate last = records.asOf().atZone(zone).toLocalDate();
        if (last.isBefore(first)) {
            last = first;
        }
        Statement statement = Statement.of(records, first, last, zone);
        List<EquityPoint> daily = statement.daily();
        List<LocalDate> dates = new ArrayList<>(daily.size());
        double[] equity = new double[daily.size()];
        double[] r = new double[Math.max(0, daily.size() - 1)];
        for (int i = 0; i < daily.size(); i++) {
            EquityPoint p = daily.get(i);
            dates.add(p.time().atZone(zone).toLocalDate());
            equity[i] = p.equity().doubleValue();
            if (i > 0) {
                BigDecimal flow = p.netDeposits().subtract(daily.get(i - 1).netDeposits());
                double prev = equity[i - 1];
                r[i - 1] = prev > 0 ? (equity[i] - flow.doubleValue()) / prev - 1 : Double.NaN;
            }
        }
        ReturnSeries returns = dates.size() < 2
                ? ReturnSeries.of(List.of(), new double[0])
                : ReturnSeries.of(dates.subList(1, dates.size()), r);
        List<ClosedTrade> trades = new ArrayList<>();
        for (ClosedLot lot : statement.trades()) {
            double fees = lot.entryFees().add(lot.exitFees()).doubleValue();
            double pnl = lot.proceeds().subtract(lot.costBasis()).doubleValue();
            double basis = lot.costBasis().doubleValue();
            trades.add(new ClosedTrade(
                    lot.instrument(),
                    assetClasses.apply(lot.instrument()),
                    lot.shortSale() ? "SHORT" : "LONG",
                    lot.openedAt(),
                    lot.closedAt(),
                    lot.quantity().doubleValue(),
                    pnl,
                    basis == 0 ? 0 : pnl / Math.abs(basis),
                    Math.abs(fees)));
        }
        return new PortfolioPerformance(dates, equity, returns, trades);
    }

    /** A copy of the daily equity values. */
    @Override
    public double[] equity() {
        return equity.clone();
    }

    public boolean isEmpty() {
        return dates.isEmpty();
    }
}
