package dev.paperdesk.engine.execution.book;

import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * The resting paper orders of one instrument in price-time order, and the matcher that sends new
 * orders against the market's {@link Liquidity} first. Everything is in ticks and lots.
 *
 * <p>Queue position: an order that rests joins the back of the queue at its price. It records the
 * threshold {@code queueThreshold(depth found)} (e.g. 20 % of the lots resting there when it
 * joined) and counts the volume that trades at its price from then on; once that volume exceeds
 * the threshold, the excess fills it (partial fills allowed). A trade or quote through its price
 * fills it in full. Paper orders never match each other: each trades against the market only.
 *
 * <p>Resting fills are produced in two phases: {@link #onTrade} and {@link #onTouch} only
 * <em>collect</em> candidates into a {@link FillBuffer}; the caller then applies each with {@link
 * #fillResting} unless it cancelled the order meanwhile (an OCO sibling), so linked orders can
 * never both execute on one print.
 *
 * <p>Not thread-safe: one book per instrument, used on the event loop thread.
 */
public final class TickBook {
    /** Rejected: a post-only order would take liquidity. */
    public static final int REJECT_POST_ONLY = -1;
    /** Rejected: a fill-or-kill order cannot fill in full now. */
    public static final int REJECT_FOK = -2;
    /** Rejected: the order id is already resting. */
    public static final int REJECT_DUPLICATE = -3;

    public static final int POST_ONLY = 1;
    public static final int IOC = 2;
    public static final int FOK = 4;
    public static final int ALL_OR_NONE = 8;

    private LongUnaryOperator queueThreshold;

    // Order slots (structure of arrays); a free slot's next links the free list.
    private long[] ids;
    private long[] prices;
    private long[] remaining;
    private long[] thresholds;
    private long[] traded;
    private long[] queueFilled;
    private int[] flags;
    private boolean[] buys;
    private int[] next;
    private int[] prev;
    private int freeHead = -1;
    private int used;
    private final LongIntMap index;

    private final Levels bids = new Levels(true);
    private final Levels asks = new Levels(false);
    private long lastTaken;
    private final Taker taker = new Taker();

    /** Records taker fills without allocating a lambda per order. */
    private static final class Taker implements LevelSink {
        long orderId;
        FillBuffer out;

        @Override
        public void level(long priceTicks, long lots) {
            out.add(orderId, priceTicks, lots, false, false);
        }
    }

    /** A book whose resting orders join the queue behind {@code queueThreshold(depth found)} lots. */
    public TickBook(LongUnaryOperator queueThreshold) {
        this(queueThreshold, 64);
    }

    public TickBook(LongUnaryOperator queueThreshold, int expectedOrders) {
        this.queueThreshold = queueThreshold;
        int cap = Math.max(4, expectedOrders);
        ids = new long[cap];
        prices = new long[cap];
        remaining = new long[cap];
        thresholds = new long[cap];
        traded = new long[cap];
        queueFilled = new long[cap];
        flags = new int[cap];
        buys = new boolean[cap];
        next = new int[cap];
        prev = new int[cap];
        index = new LongIntMap(cap);
    }

    /** Changes the queue rule for orders that join from now on; resting orders keep the threshold they recorded. */
    public void setQueueRule(LongUnaryOperator rule) {
        this.queueThreshold = java.util.Objects.requireNonNull(rule, "rule");
    }

    /** The queue threshold rule as a function of the depth found: {@code ceil(share × depth)}. */
    public static LongUnaryOperator shareOfDepth(double share) {
        if (!(share >= 0) || !Double.isFinite(share)) {
            throw new IllegalArgumentException("queue share must be a non-negative number: " + share);
        }
        return depth -> (long) Math.ceil(share * depth);
    }

    /** Resting orders only fill when the price trades through them. */
    public static LongUnaryOperator throughOnly() {
        return depth -> Long.MAX_VALUE;
    }

    /**
     * Sends an order: it takes what {@code liquidity} offers at or better than {@code limitTicks}
     * (taker fills into {@code out}), then rests the remainder unless it is IOC/FOK or a market
     * order ({@link Liquidity#MARKET_BUY}/{@link Liquidity#MARKET_SELL}).
     *
     * @return the lots now resting ({@code >= 0}), or a negative {@code REJECT_*} code; the lots
     *     taken are in {@link #lastTaken()}
     */
    public long submit(
            long orderId,
            boolean buy,
            long limitTicks,
            long lots,
            int orderFlags,
            Liquidity liquidity,
            FillBuffer out) {
        lastTaken = 0;
        if (lots <= 0) {
            throw new IllegalArgumentException("lots must be positive: " + lots);
        }
        if (index.get(orderId) >= 0) {
            return REJECT_DUPLICATE;
        }
        boolean market = limitTicks == Liquidity.MARKET_BUY || limitTicks == Liquidity.MARKET_SELL;
        if ((orderFlags & POST_ONLY) != 0 && Liquidity.crosses(liquidity, buy, limitTicks)) {
            return REJECT_POST_ONLY;
        }
        boolean allOrNone = (orderFlags & (FOK | ALL_OR_NONE)) != 0;
        if (allOrNone && (orderFlags & POST_ONLY) == 0 && liquidity.available(buy, limitTicks, lots) < lots) {
            if ((orderFlags & FOK) != 0) {
                return REJECT_FOK;
            }
        } else if ((orderFlags & POST_ONLY) == 0) {
            taker.orderId = orderId;
            taker.out = out;
            lastTaken = liquidity.take(buy, limitTicks, lots, taker);
            taker.out = null;
        }
        long rest = lots - lastTaken;
        if (rest == 0 || market || (orderFlags & (IOC | FOK)) != 0) {
            return 0;
        }
        long depthFound = liquidity.restingAt(buy, limitTicks);
        rest(orderId, buy, limitTicks, rest, queueThreshold.applyAsLong(depthFound), orderFlags);
        return rest;
    }

    /** Lots taken by the last {@link #submit}. */
    public long lastTaken() {
        return lastTaken;
    }

    /** Puts an order straight into the queue (e.g. when restoring), behind {@code threshold} lots of traded volume. */
    public void rest(long orderId, boolean buy, long priceTicks, long lots, long threshold, int orderFlags) {
        if (lots <= 0) {
            throw new IllegalArgumentException("lots must be positive: " + lots);
        }
        if (index.get(orderId) >= 0) {
            throw new IllegalArgumentException("order " + orderId + " is already resting");
        }
        int s = allocate();
        ids[s] = orderId;
        buys[s] = buy;
        prices[s] = priceTicks;
        remaining[s] = lots;
        thresholds[s] = threshold;
        traded[s] = 0;
        queueFilled[s] = 0;
        flags[s] = orderFlags;
        index.put(orderId, s);
        (buy ? bids : asks).append(priceTicks, s);
    }

    /** Removes a resting order; returns the lots it still had, or 0 when it was not resting. */
    public long cancel(long orderId) {
        int s = index.remove(orderId);
        if (s < 0) {
            return 0;
        }
        long left = remaining[s];
        (buys[s] ? bids : asks).unlink(prices[s], s);
        release(s);
        return left;
    }

    /**
     * Changes a resting order's price or size. A new price or a larger size sends it to the back of
     * the queue (priority lost, new depth found); a smaller size keeps its place.
     *
     * @return false when the order is not resting
     */
    public boolean amend(long orderId, long newPriceTicks, long newLots, Liquidity liquidity) {
        int s = index.get(orderId);
        if (s < 0) {
            return false;
        }
        if (newLots <= 0) {
            throw new IllegalArgumentException("lots must be positive: " + newLots);
        }
        if (newPriceTicks == prices[s] && newLots <= remaining[s]) {
            remaining[s] = newLots;
            return true;
        }
        boolean buy = buys[s];
        int f = flags[s];
        cancel(orderId);
        rest(
                orderId,
                buy,
                newPriceTicks,
                newLots,
                queueThreshold.applyAsLong(liquidity.restingAt(buy, newPriceTicks)),
                f);
        return true;
    }

    /**
     * A public trade of {@code lots} at {@code priceTicks}: counts volume for the queue at that price
     * and collects resting fills into {@code out} (nothing is filled yet; see {@link #fillResting}).
     * A buy aggressor meets resting sells: those priced below the print are traded through.
     */
    public void onTrade(long priceTicks, long lots, boolean buyAggressor, FillBuffer out) {
        Levels side = buyAggressor ? asks : bids;
        for (int li = 0; li < side.count; li++) {
            long px = side.prices[li];
            boolean through = buyAggressor ? px < priceTicks : px > priceTicks;
            if (!through && px != priceTicks) {
                break;
            }
            for (int s = side.heads[li]; s >= 0; s = next[s]) {
                if (through) {
                    out.add(ids[s], px, remaining[s], true, true);
                    continue;
                }
                traded[s] += lots;
                long excess = traded[s] - thresholds[s] - queueFilled[s];
                if (thresholds[s] == Long.MAX_VALUE || excess <= 0) {
                    continue;
                }
                long q = Math.min(excess, remaining[s]);
                if ((flags[s] & ALL_OR_NONE) != 0 && q < remaining[s]) {
                    continue;
                }
                out.add(ids[s], px, q, true, false);
            }
        }
    }

    /**
     * A new touch: resting buys above the best ask (sells below the best bid) have been traded
     * through and are collected in full into {@code out}. Pass {@link Liquidity#MARKET_BUY} /
     * {@link Liquidity#MARKET_SELL} for a missing side.
     */
    public void onTouch(long bidTicks, long askTicks, FillBuffer out) {
        if (askTicks != Liquidity.MARKET_BUY) {
            collectThrough(bids, askTicks, true, out);
        }
        if (bidTicks != Liquidity.MARKET_SELL) {
            collectThrough(asks, bidTicks, false, out);
        }
    }

    private void collectThrough(Levels side, long opposite, boolean bidSide, FillBuffer out) {
        for (int li = 0; li < side.count; li++) {
            long px = side.prices[li];
            if (bidSide ? px <= opposite : px >= opposite) {
                break;
            }
            for (int s = side.heads[li]; s >= 0; s = next[s]) {
                out.add(ids[s], px, remaining[s], true, true);
            }
        }
    }

    /**
     * Applies a collected resting fill of {@code lots}; returns the lots actually filled (0 when the
     * order is no longer resting). A fill that came through the queue counts against the order's
     * traded volume.
     */
    public long fillResting(long orderId, long lots, boolean fromQueue) {
        int s = index.get(orderId);
        if (s < 0) {
            return 0;
        }
        long q = Math.min(lots, remaining[s]);
        remaining[s] -= q;
        if (fromQueue) {
            queueFilled[s] += q;
        }
        if (remaining[s] == 0) {
            cancel(orderId);
        }
        return q;
    }

    /** Lots resting for an order, or 0. */
    public long restingLots(long orderId) {
        int s = index.get(orderId);
        return s < 0 ? 0 : remaining[s];
    }

    /** The price of a resting order in ticks; throws when it is not resting. */
    public long restingPrice(long orderId) {
        int s = index.get(orderId);
        if (s < 0) {
            throw new IllegalArgumentException("order " + orderId + " is not resting");
        }
        return prices[s];
    }

    /** The queue threshold an order recorded when it joined, in lots ({@link Long#MAX_VALUE}: through only). */
    public long queueThreshold(long orderId) {
        int s = index.get(orderId);
        return s < 0 ? 0 : thresholds[s];
    }

    /** Volume traded at a resting order's price since it joined. */
    public long tradedSinceJoin(long orderId) {
        int s = index.get(orderId);
        return s < 0 ? 0 : traded[s];
    }

    public boolean isResting(long orderId) {
        return index.get(orderId) >= 0;
    }

    /** Number of resting orders. */
    public int size() {
        return index.size();
    }

    /** Best resting buy price, or {@link Liquidity#MARKET_SELL} when none. */
    public long bestBid() {
        return bids.count == 0 ? Liquidity.MARKET_SELL : bids.prices[0];
    }

    /** Best resting sell price, or {@link Liquidity#MARKET_BUY} when none. */
    public long bestAsk() {
        return asks.count == 0 ? Liquidity.MARKET_BUY : asks.prices[0];
    }

    private int allocate() {
        if (freeHead >= 0) {
            int s = freeHead;
            freeHead = next[s];
            return s;
        }
        if (used == ids.length) {
            int n = used * 2;
            ids = Arrays.copyOf(ids, n);
            prices = Arrays.copyOf(prices, n);
            remaining = Arrays.copyOf(remaining, n);
            thresholds = Arrays.copyOf(thresholds, n);
            traded = Arrays.copyOf(traded, n);
            queueFilled = Arrays.copyOf(queueFilled, n);
            flags = Arrays.copyOf(flags, n);
            buys = Arrays.copyOf(buys, n);
            next = Arrays.copyOf(next, n);
            prev = Arrays.copyOf(prev, n);
        }
        return used++;
    }

    private void release(int s) {
        ids[s] = 0;
        next[s] = freeHead;
        freeHead = s;
    }

    /** The price levels of one side, best first, each a FIFO of order slots. */
    private final class Levels {
        final boolean descending;
        long[] prices = new long[16];
        int[] heads = new int[16];
        int[] tails = new int[16];
        int count;

        Levels(boolean descending) {
            this.descending = descending;
        }

        /** Index of the level at {@code px}, or {@code -(insertion point) - 1}. */
        int find(long px) {
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long p = prices[mid];
                if (p == px) {
                    return mid;
                }
                boolean before = descending ? p > px : p < px;
                if (before) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return -(lo + 1);
        }

        void append(long px, int s) {
            int li = find(px);
            if (li < 0) {
                li = -li - 1;
                if (count == prices.length) {
                    prices = Arrays.copyOf(prices, count * 2);
                    heads = Arrays.copyOf(heads, count * 2);
                    tails = Arrays.copyOf(tails, count * 2);
                }
                System.arraycopy(prices, li, prices, li + 1, count - li);
                System.arraycopy(heads, li, heads, li + 1, count - li);
                System.arraycopy(tails, li, tails, li + 1, count - li);
                prices[li] = px;
                heads[li] = -1;
                tails[li] = -1;
                count++;
            }
            int tail = tails[li];
            prev[s] = tail;
            next[s] = -1;
            if (tail < 0) {
                heads[li] = s;
            } else {
                next[tail] = s;
            }
            tails[li] = s;
        }

        void unlink(long px, int s) {
            int li = find(px);
            if (li < 0) {
                throw new IllegalStateException("no level at " + px + " for a resting order");
            }
            int p = prev[s];
            int n = next[s];
            if (p < 0) {
                heads[li] = n;
            } else {
                next[p] = n;
            }
            if (n < 0) {
                tails[li] = p;
            } else {
                prev[n] = p;
            }
            if (heads[li] < 0) {
                System.arraycopy(prices, li + 1, prices, li, count - li - 1);
                System.arraycopy(heads, li + 1, heads, li, count - li - 1);
                System.arraycopy(tails, li + 1, tails, li, count - li - 1);
                count--;
            }
        }
    }
}
