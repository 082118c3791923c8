package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import java.util.List;

/**
 * What the strategy knows of one perpetual on one venue, kept up to date from market events: touch,
 * last book, mark and funding, open interest history, a volume-weighted average price and a
 * one-minute ATR. Doubles throughout: these feed scores, not the ledger.
 */
public final class ListingState {
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final double VWAP_HALF_LIFE_SECONDS = 3600;
    private static final int ATR_PERIOD = 14;
    private static final int ATR_TREND_MINUTES = 5;

    final InstrumentId id;
    final int fundingIntervalHours;

    Quote quote;
    double bid = Double.NaN;
    double ask = Double.NaN;
    double bidSize;
    double askSize;
    long quoteNanos = Long.MIN_VALUE;

    BookSnapshot book;

    double mark = Double.NaN;
    double index = Double.NaN;
    double estimatedFunding = Double.NaN;
    double settledFunding = Double.NaN;

    // open interest: a ring of 10 s samples over the last day
    private final double[] oiSamples = new double[8640];
    private int oiCount;
    private int oiNext;
    private double oiSum;
    double openInterest = Double.NaN;

    // exponentially weighted VWAP of trades, with the weighted variance of prices around it
    private double vwapNumerator;
    private double vwapDenominator;
    private double vwapSquares;
    private long vwapNanos = Long.MIN_VALUE;

    // one-minute bars of the mid for the ATR
    private long minute = Long.MIN_VALUE;
    private double high;
    private double low;
    private double close = Double.NaN;
    private double previousClose = Double.NaN;
    private int bars;
    double atr = Double.NaN;
    private final double[] atrHistory = new double[ATR_TREND_MINUTES + 1];
    private int atrHistoryCount;

    ListingState(InstrumentId id, int fundingIntervalHours) {
        this.id = id;
        this.fundingIntervalHours = fundingIntervalHours;
    }

    public InstrumentId id() {
        return id;
    }

    boolean hasQuote() {
        return !Double.isNaN(bid) && !Double.isNaN(ask) && bid > 0 && ask > 0;
    }

    double mid() {
        return (bid + ask) / 2;
    }

    void onQuote(long nanos, double bid, double bidSize, double ask, double askSize) {
        this.bid = bid;
        this.ask = ask;
        this.bidSize = bidSize;
        this.askSize = askSize;
        this.quoteNanos = nanos;
        updateBar(nanos, (bid + ask) / 2);
    }

    void onTrade(long nanos, double price, double size) {
        if (vwapNanos != Long.MIN_VALUE && nanos > vwapNanos) {
            double decay = StrictMath.exp(-StrictMath.log(2) * ((nanos - vwapNanos) / 1e9) / VWAP_HALF_LIFE_SECONDS);
            vwapNumerator *= decay;
            vwapDenominator *= decay;
            vwapSquares *= decay;
        }
        vwapNanos = nanos;
        vwapNumerator += price * size;
        vwapDenominator += size;
        vwapSquares += price * price * size;
    }

    void onOpenInterest(double contracts) {
        openInterest = contracts;
        if (oiCount == oiSamples.length) {
            oiSum -= oiSamples[oiNext];
        } else {
            oiCount++;
        }
        oiSamples[oiNext] = contracts;
        oiSum += contracts;
        oiNext = (oiNext + 1) % oiSamples.length;
    }

    /**
     * The average open interest of the last 8,640 samples: 24 h of the simulator's 10 s publications,
     * or everything seen so far before a day has passed.
     */
    double openInterestAverage() {
        return oiCount == 0 ? Double.NaN : oiSum / oiCount;
    }

    double vwap() {
        return vwapDenominator > 0 ? vwapNumerator / vwapDenominator : Double.NaN;
    }

    /** Standard deviation of traded prices around the VWAP (volume weighted). */
    double vwapStd() {
        if (!(vwapDenominator > 0)) {
            return Double.NaN;
        }
        double m = vwapNumerator / vwapDenominator;
        return Math.sqrt(Math.max(0, vwapSquares / vwapDenominator - m * m));
    }

    /** Whether the ATR is lower than it was five minutes ago (volatility calming). */
    boolean atrFalling() {
        if (atrHistoryCount <= ATR_TREND_MINUTES) {
            return false;
        }
        return atrHistory[ATR_TREND_MINUTES] < atrHistory[0];
    }

    private void updateBar(long nanos, double mid) {
        long m = Math.floorDiv(nanos, MINUTE_NANOS);
        if (m != minute) {
            if (minute != Long.MIN_VALUE) {
                closeBar();
            }
            minute = m;
            high = mid;
            low = mid;
        } else {
            high = Math.max(high, mid);
            low = Math.min(low, mid);
        }
        close = mid;
    }

    private void closeBar() {
        double tr = Double.isNaN(previousClose)
                ? high - low
                : Math.max(high - low, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
        bars++;
        atr = bars == 1 ? tr : (atr * (ATR_PERIOD - 1) + tr) / ATR_PERIOD;
        previousClose = close;
        shiftIn(atr);
    }

    private void shiftIn(double value) {
        if (atrHistoryCount <= ATR_TREND_MINUTES) {
            atrHistory[atrHistoryCount++] = value;
        } else {
            System.arraycopy(atrHistory, 1, atrHistory, 0, ATR_TREND_MINUTES);
            atrHistory[ATR_TREND_MINUTES] = value;
        }
    }

    /** Funding rate normalised to 8 hours: an hourly venue's rate times 8, an 8-hourly one's as is. */
    static double per8h(double rate, int intervalHours) {
        return rate * 8.0 / intervalHours;
    }

    double estimatedFunding8h() {
        return Double.isNaN(estimatedFunding) ? Double.NaN : per8h(estimatedFunding, fundingIntervalHours);
    }

    double settledFunding8h() {
        return Double.isNaN(settledFunding) ? estimatedFunding8h() : per8h(settledFunding, fundingIntervalHours);
    }

    /** USD depth within {@code bps} of the touch on the side a taker would hit: asks when buying. */
    double depthUsd(boolean asks, double bps) {
        if (book == null) {
            return 0;
        }
        List<BookLevel> levels = asks ? book.asks() : book.bids();
        if (levels.isEmpty()) {
            return 0;
        }
        double touch = levels.get(0).price().toDouble();
        double usd = 0;
        for (BookLevel l : levels) {
            double p = l.price().toDouble();
            if (!withinBand(touch, p, asks, bps)) {
                break;
            }
            usd += p * l.size().value().doubleValue();
        }
        return usd;
    }

    /**
     * Whether a level at {@code price} lies within {@code bps} of the {@code touch}: the one test the
     * depth figures and a recording's book cap share, so a capped book reads exactly as the full one.
     */
    static boolean withinBand(double touch, double price, boolean asks, double bps) {
        double limit = asks ? touch * (1 + bps / 10_000) : touch * (1 - bps / 10_000);
        return asks ? price <= limit : price >= limit;
    }

    /** Order book imbalance within 2 bps: (bid depth − ask depth) / (bid depth + ask depth), in [−1, 1]. */
    double imbalance() {
        double b = depthUsd(false, 2);
        double a = depthUsd(true, 2);
        return a + b > 0 ? (b - a) / (a + b) : 0;
    }
}
