package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.UnitScale;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The live L2 book of one simulated listing: a fixed number of price levels per side on a grid of
 * {@code spacing} ticks, with sizes in whole lots.
 *
 * <p>The simulator re-centres the book on the listing's mid every step, keeping the size of levels
 * whose price survives, and lets consumed levels refill towards their target depth at the
 * configured replenishment rate. Anyone on the event loop thread may take liquidity with {@link
 * #consume}; the book then shows the hole until it refills, so an execution model that walks the
 * book pays for the impact of its own orders.
 *
 * <p>Not thread-safe: use it on the event loop thread only.
 */
public final class OrderBook {
    /** Receives each level taken by {@link #consumeLots}. */
    @FunctionalInterface
    public interface LevelTaken {
        void taken(long priceTicks, long lots);
    }

    private final Instrument instrument;
    private final UnitScale price;
    private final UnitScale quantity;
    private final int levels;
    private final long spacing;
    private final long[] bidLots;
    private final long[] askLots;
    private final long[] targetLots;
    private long refillFixed = -1;
    private double refillFraction = Double.NaN;
    private long bidAnchor;
    private long askAnchor;
    private boolean live;

    OrderBook(Instrument instrument, int levels, int spacingTicks, double levelLots) {
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.price = new UnitScale(instrument.tickSize());
        this.quantity = new UnitScale(instrument.lotSize());
        this.levels = levels;
        this.spacing = spacingTicks;
        this.bidLots = new long[levels];
        this.askLots = new long[levels];
        this.targetLots = new long[levels];
        for (int i = 0; i < levels; i++) {
            // Deeper levels hold more: resting interest grows away from the touch.
            targetLots[i] = Math.max(1L, Math.round(levelLots * (1.0 + 0.12 * i)));
        }
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Price levels per side. */
    public int levels() {
        return levels;
    }

    /** Distance between levels, in ticks. */
    public long spacingTicks() {
        return spacing;
    }

    /** False before the first quote and while the market is closed. */
    public boolean isLive() {
        return live;
    }

    public long bidPriceTicks(int level) {
        return bidAnchor - level * spacing;
    }

    public long askPriceTicks(int level) {
        return askAnchor + level * spacing;
    }

    public long bidLots(int level) {
        return bidLots[level];
    }

    public long askLots(int level) {
        return askLots[level];
    }

    /** Index of the best non-empty bid level, or -1. */
    public int bestBidLevel() {
        return firstNonEmpty(bidLots);
    }

    /** Index of the best non-empty ask level, or -1. */
    public int bestAskLevel() {
        return firstNonEmpty(askLots);
    }

    private int firstNonEmpty(long[] lots) {
        if (!live) {
            return -1;
        }
        for (int i = 0; i < levels; i++) {
            if (lots[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Exact price of a tick count. */
    public BigDecimal price(long ticks) {
        return price.toDecimal(ticks);
    }

    /** Exact quantity of a lot count. */
    public BigDecimal quantity(long lots) {
        return quantity.toDecimal(lots);
    }

    /** Total resting lots on the side an aggressor of {@code side} would take from. */
    public long depthLots(Side aggressor) {
        long[] lots = aggressor == Side.BUY ? askLots : bidLots;
        long sum = 0;
        for (long l : lots) {
            sum += l;
        }
        return live ? sum : 0;
    }

    /** The best bid and offer, or {@code null} when the book is not live or a side is empty. */
    public Quote topOfBook(Instant at) {
        int b = bestBidLevel();
        int a = bestAskLevel();
        if (b < 0 || a < 0) {
            return null;
        }
        return new Quote(
                instrument.id(),
                at,
                new Price(price(bidPriceTicks(b))),
                new Price(price(askPriceTicks(a))),
                new Quantity(quantity(bidLots[b])),
                new Quantity(quantity(askLots[a])));
    }

    /** The non-empty levels of both sides as an immutable snapshot. */
    public BookSnapshot snapshot(Instant at) {
        List<BookLevel> bids = new ArrayList<>(levels);
        List<BookLevel> asks = new ArrayList<>(levels);
        if (live) {
            for (int i = 0; i < levels; i++) {
                if (bidLots[i] > 0) {
                    bids.add(new BookLevel(new Price(price(bidPriceTicks(i))), new Quantity(quantity(bidLots[i]))));
                }
                if (askLots[i] > 0) {
                    asks.add(new BookLevel(new Price(price(askPriceTicks(i))), new Quantity(quantity(askLots[i]))));
                }
            }
        }
        return new BookSnapshot(instrument.id(), at, bids, asks);
    }

    /**
     * Takes up to {@code size} from the book as a market order of side {@code aggressor} would
     * (a buy lifts asks from the best price outwards) and returns the levels taken, best first,
     * each with the quantity taken there. Returns less than asked when the book runs dry.
     *
     * @throws IllegalArgumentException when {@code size} is not a whole number of lots
     */
    public List<BookLevel> consume(Side aggressor, Quantity size) {
        Objects.requireNonNull(aggressor, "aggressor");
        long lots;
        try {
            lots = quantity.toCountExact(size.value());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    instrument.id() + ": quantity " + size + " is not a multiple of the lot size "
                            + instrument.lotSize().toPlainString());
        }
        List<BookLevel> taken = new ArrayList<>();
        consumeLots(
                aggressor, lots, (px, q) -> taken.add(new BookLevel(new Price(price(px)), new Quantity(quantity(q)))));
        return taken;
    }

    /** {@link #consume} in ticks and lots; returns the lots filled. */
    public long consumeLots(Side aggressor, long lots, LevelTaken listener) {
        if (lots < 0) {
            throw new IllegalArgumentException("lots must not be negative: " + lots);
        }
        if (!live) {
            return 0;
        }
        boolean buy = aggressor == Side.BUY;
        long[] side = buy ? askLots : bidLots;
        long remaining = lots;
        for (int i = 0; i < levels && remaining > 0; i++) {
            long available = side[i];
            if (available == 0) {
                continue;
            }
            long take = Math.min(available, remaining);
            side[i] = available - take;
            remaining -= take;
            listener.taken(buy ? askPriceTicks(i) : bidPriceTicks(i), take);
        }
        return lots - remaining;
    }

    // ------------------------------------------------------------------ driven by the simulator

    void close() {
        live = false;
    }

    /** Rebuilds the whole book at the given anchors with fresh sizes. */
    void rebuild(long newBidAnchor, long newAskAnchor, RandomStream random) {
        bidAnchor = newBidAnchor;
        askAnchor = newAskAnchor;
        for (int i = 0; i < levels; i++) {
            bidLots[i] = freshLots(i, random);
            askLots[i] = freshLots(i, random);
        }
        live = true;
    }

    /** Moves the grid to new anchors; levels whose price survives keep their size. */
    void recenter(long newBidAnchor, long newAskAnchor, RandomStream random) {
        if (newBidAnchor != bidAnchor) {
            // Old bid level j sits at the price of new level j - shift.
            shift(bidLots, (int) Math.max(-levels, Math.min(levels, (bidAnchor - newBidAnchor) / spacing)), random);
            bidAnchor = newBidAnchor;
        }
        if (newAskAnchor != askAnchor) {
            shift(askLots, (int) Math.max(-levels, Math.min(levels, (newAskAnchor - askAnchor) / spacing)), random);
            askAnchor = newAskAnchor;
        }
    }

    private void shift(long[] lots, int by, RandomStream random) {
        if (by >= levels || by <= -levels) {
            for (int i = 0; i < levels; i++) {
                lots[i] = freshLots(i, random);
            }
        } else if (by > 0) {
            // The best levels vanished (the price moved away from this side): new levels appear deep.
            System.arraycopy(lots, by, lots, 0, levels - by);
            for (int i = levels - by; i < levels; i++) {
                lots[i] = freshLots(i, random);
            }
        } else {
            int k = -by;
            System.arraycopy(lots, 0, lots, k, levels - k);
            for (int i = 0; i < k; i++) {
                lots[i] = freshLots(i, random);
            }
        }
    }

    /**
     * Refills every level a {@code fraction} of the way to its target (at least one lot while
     * below it), and lets one random level per side be re-quoted, so sizes keep moving.
     */
    void replenish(double fraction, RandomStream random) {
        if (fraction != refillFraction) {
            refillFraction = fraction;
            refillFixed = Math.max(1L, Math.round(fraction * (1 << REFILL_BITS)));
        }
        refill(bidLots, refillFixed);
        refill(askLots, refillFixed);
        int b = random.nextInt(levels);
        bidLots[b] = freshLots(b, random);
        int a = random.nextInt(levels);
        askLots[a] = freshLots(a, random);
    }

    // Fixed-point refill: this loop runs for every level of every book every step.
    private static final int REFILL_BITS = 20;

    private void refill(long[] lots, long fixedFraction) {
        long[] target = targetLots;
        long round = (1L << REFILL_BITS) - 1;
        for (int i = 0; i < levels; i++) {
            // Branch-free: a level at or above its target gets (0 + round) >>> bits = 0.
            long gap = Math.max(target[i] - lots[i], 0L);
            lots[i] += (gap * fixedFraction + round) >>> REFILL_BITS;
        }
    }

    private long freshLots(int level, RandomStream random) {
        return Math.max(1L, (long) (targetLots[level] * (0.5 + random.uniform())));
    }

    double priceTickDouble() {
        return price.unitDouble();
    }
}
