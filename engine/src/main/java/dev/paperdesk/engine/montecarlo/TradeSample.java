package dev.paperdesk.engine.montecarlo;

import dev.paperdesk.engine.analytics.ClosedTrade;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The P&amp;L sequence of a backtest's closed trades, in exit order, and the time span it covers.
 *
 * <p>P&amp;L is held in exact micro-units of the account currency (1e-6), so any reordering sums to the
 * same total; values are rounded to the nearest micro-unit on the way in.
 */
public final class TradeSample {
    /** Micro-units per currency unit. */
    static final double MICROS = 1_000_000.0;

    private static final double MAX_ABS = 9.0e12; // keeps sums of micro-units far inside a long
    private static final double SECONDS_PER_YEAR = 365.25 * 24 * 3600;

    private final long[] pnlMicros;
    private final Duration span;

    private TradeSample(long[] pnlMicros, Duration span) {
        this.pnlMicros = pnlMicros;
        this.span = span;
    }

    /** The closed trades' P&amp;L in exit order, spanning from the first entry to the last exit. */
    public static TradeSample of(List<ClosedTrade> trades) {
        if (trades.isEmpty()) {
            throw new IllegalArgumentException("a trade sample needs at least one trade");
        }
        List<ClosedTrade> byExit = trades.stream()
                .sorted(Comparator.comparing(ClosedTrade::exitTime).thenComparing(ClosedTrade::entryTime))
                .toList();
        double[] pnl = byExit.stream().mapToDouble(ClosedTrade::pnl).toArray();
        var first = byExit.stream()
                .map(ClosedTrade::entryTime)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        var last = byExit.get(byExit.size() - 1).exitTime();
        return of(pnl, Duration.between(first, last));
    }

    /** Trade P&amp;L in order and the span of time the trades cover (for CAGR and Sharpe annualisation). */
    public static TradeSample of(double[] pnl, Duration span) {
        Objects.requireNonNull(span, "span");
        if (pnl.length == 0) {
            throw new IllegalArgumentException("a trade sample needs at least one trade");
        }
        if (span.isNegative()) {
            throw new IllegalArgumentException("span must not be negative, not " + span);
        }
        long[] micros = new long[pnl.length];
        for (int i = 0; i < pnl.length; i++) {
            micros[i] = toMicros(pnl[i], "trade " + (i + 1) + " P&L");
        }
        return new TradeSample(micros, span);
    }

    static long toMicros(double value, String what) {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_ABS) {
            throw new IllegalArgumentException(what + " must be finite and within ±9e12, not " + value);
        }
        return Math.round(value * MICROS);
    }

    public int size() {
        return pnlMicros.length;
    }

    public Duration span() {
        return span;
    }

    /** The span in years of 365.25 days; 0 for trades that open and close at the same instant. */
    public double years() {
        return (span.getSeconds() + span.getNano() / 1e9) / SECONDS_PER_YEAR;
    }

    /** The P&amp;L of each trade, rounded to micro-units. */
    public double[] pnl() {
        double[] out = new double[pnlMicros.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pnlMicros[i] / MICROS;
        }
        return out;
    }

    /** Micro-units, shared, for the runner. */
    long[] micros() {
        return pnlMicros;
    }
}
