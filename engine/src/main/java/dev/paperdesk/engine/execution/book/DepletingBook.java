package dev.paperdesk.engine.execution.book;

import java.util.Arrays;

/**
 * Liquidity from published book snapshots (or a quote, as a one-level book) with our own depletion:
 * what paper orders take is remembered per price and comes back exponentially with a half-life, so
 * two large orders in a row see worse prices than one even when the feed keeps publishing the same
 * sizes.
 *
 * <p>Not thread-safe; call {@link #advanceTo} with the engine time before using it.
 */
public final class DepletingBook implements Liquidity {
    private final long halfLifeNanos;
    private long now;

    private long[] bidPrices = new long[0];
    private long[] bidLots = new long[0];
    private long[] askPrices = new long[0];
    private long[] askLots = new long[0];

    // Consumed lots per price (both sides in one table: a price is only ever on one side at a time).
    private long[] takenPrices = new long[8];
    private double[] takenLots = new double[8];
    private int takenCount;

    /** A book whose consumed liquidity comes back with a half-life of {@code halfLifeNanos}. */
    public DepletingBook(long halfLifeNanos) {
        if (halfLifeNanos <= 0) {
            throw new IllegalArgumentException("half-life must be positive: " + halfLifeNanos);
        }
        this.halfLifeNanos = halfLifeNanos;
    }

    /** Moves the book's clock (time only moves forward). */
    public void advanceTo(long nanos) {
        if (nanos <= now) {
            return;
        }
        if (takenCount > 0) {
            // One decay factor for every entry: the same time has passed for all of them.
            double decay = Math.pow(0.5, (double) (nanos - now) / halfLifeNanos);
            for (int k = 0; k < takenCount; k++) {
                takenLots[k] *= decay;
            }
        }
        now = nanos;
    }

    /** Replaces the published levels; bids best (highest) first, asks best (lowest) first. */
    public void update(long[] newBidPrices, long[] newBidLots, long[] newAskPrices, long[] newAskLots) {
        if (newBidPrices.length != newBidLots.length || newAskPrices.length != newAskLots.length) {
            throw new IllegalArgumentException("one size per price level");
        }
        bidPrices = newBidPrices.clone();
        bidLots = newBidLots.clone();
        askPrices = newAskPrices.clone();
        askLots = newAskLots.clone();
    }

    /** A one-level book from a quote. */
    public void updateTop(long bid, long bidSize, long ask, long askSize) {
        // A quote after a quote refills the one-level arrays: no four arrays per quote. They are
        // private and only ever replaced or read, so writing them in place is safe.
        if (bidPrices.length != 1 || askPrices.length != 1) {
            bidPrices = new long[1];
            bidLots = new long[1];
            askPrices = new long[1];
            askLots = new long[1];
        }
        bidPrices[0] = bid;
        bidLots[0] = bidSize;
        askPrices[0] = ask;
        askLots[0] = askSize;
    }

    /**
     * Brings the book in line with a fresher quote: levels the quote has moved past are dropped,
     * the touch takes the quote's price and size, deeper levels stay. Feeds quote more often than
     * they publish books, so between two snapshots the quote is the better top of book.
     */
    public void mergeTop(long bid, long bidSize, long ask, long askSize) {
        long[][] b = merge(bidPrices, bidLots, bid, bidSize, true);
        long[][] a = merge(askPrices, askLots, ask, askSize, false);
        bidPrices = b[0];
        bidLots = b[1];
        askPrices = a[0];
        askLots = a[1];
    }

    private static long[][] merge(long[] prices, long[] sizes, long top, long topSize, boolean bids) {
        int keepFrom = 0;
        while (keepFrom < prices.length && (bids ? prices[keepFrom] >= top : prices[keepFrom] <= top)) {
            keepFrom++;
        }
        int n = prices.length - keepFrom + 1;
        long[] p = new long[n];
        long[] s = new long[n];
        p[0] = top;
        s[0] = topSize;
        System.arraycopy(prices, keepFrom, p, 1, n - 1);
        System.arraycopy(sizes, keepFrom, s, 1, n - 1);
        return new long[][] {p, s};
    }

    /** Clears the book (market closed). */
    public void clear() {
        bidPrices = new long[0];
        bidLots = new long[0];
        askPrices = new long[0];
        askLots = new long[0];
    }

    private int takenIndex(long price) {
        for (int i = 0; i < takenCount; i++) {
            if (takenPrices[i] == price) {
                return i;
            }
        }
        return -1;
    }

    /** Lots consumed at {@code price} that have not come back yet. */
    long consumed(long price) {
        int i = takenIndex(price);
        return i < 0 ? 0 : Math.round(takenLots[i]);
    }

    private void consume(long price, long lots) {
        int i = takenIndex(price);
        if (i < 0) {
            if (takenCount == takenPrices.length) {
                compact();
            }
            if (takenCount == takenPrices.length) {
                takenPrices = Arrays.copyOf(takenPrices, takenCount * 2);
                takenLots = Arrays.copyOf(takenLots, takenCount * 2);
            }
            i = takenCount++;
            takenPrices[i] = price;
            takenLots[i] = 0;
        }
        takenLots[i] += lots;
    }

    /** Drops entries that have fully come back. */
    private void compact() {
        int w = 0;
        for (int r = 0; r < takenCount; r++) {
            if (Math.round(takenLots[r]) > 0) {
                takenPrices[w] = takenPrices[r];
                takenLots[w] = takenLots[r];
                w++;
            }
        }
        takenCount = w;
    }

    private long walk(boolean buy, long limit, long lots, LevelSink sink, boolean deplete) {
        long[] px = buy ? askPrices : bidPrices;
        long[] sz = buy ? askLots : bidLots;
        long left = lots;
        for (int i = 0; i < px.length && left > 0; i++) {
            long p = px[i];
            if (buy ? p > limit : p < limit) {
                break;
            }
            long avail = sz[i] - consumed(p);
            if (avail <= 0) {
                continue;
            }
            long q = Math.min(avail, left);
            left -= q;
            if (deplete) {
                consume(p, q);
            }
            sink.level(p, q);
        }
        return lots - left;
    }

    @Override
    public long take(boolean buy, long limitTicks, long lots, LevelSink sink) {
        return walk(buy, limitTicks, lots, sink, true);
    }

    @Override
    public long peek(boolean buy, long limitTicks, long lots, LevelSink sink) {
        return walk(buy, limitTicks, lots, sink, false);
    }

    @Override
    public long restingAt(boolean bidSide, long priceTicks) {
        long[] px = bidSide ? bidPrices : askPrices;
        long[] sz = bidSide ? bidLots : askLots;
        for (int i = 0; i < px.length; i++) {
            if (px[i] == priceTicks) {
                return Math.max(0, sz[i] - consumed(priceTicks));
            }
        }
        return 0;
    }

    @Override
    public long touch(boolean buy) {
        long[] px = buy ? askPrices : bidPrices;
        long[] sz = buy ? askLots : bidLots;
        for (int i = 0; i < px.length; i++) {
            if (sz[i] - consumed(px[i]) > 0) {
                return px[i];
            }
        }
        return buy ? MARKET_BUY : MARKET_SELL;
    }

    @Override
    public long touchLots(boolean buy) {
        long[] px = buy ? askPrices : bidPrices;
        long[] sz = buy ? askLots : bidLots;
        for (int i = 0; i < px.length; i++) {
            long avail = sz[i] - consumed(px[i]);
            if (avail > 0) {
                return avail;
            }
        }
        return 0;
    }

    @Override
    public long depthLots(boolean buy) {
        long[] px = buy ? askPrices : bidPrices;
        long[] sz = buy ? askLots : bidLots;
        long total = 0;
        for (int i = 0; i < px.length; i++) {
            total += Math.max(0, sz[i] - consumed(px[i]));
        }
        return total;
    }
}
