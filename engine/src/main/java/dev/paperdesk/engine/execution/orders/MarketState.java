package dev.paperdesk.engine.execution.orders;

import dev.paperdesk.engine.execution.book.DepletingBook;
import dev.paperdesk.engine.execution.book.Liquidity;
import dev.paperdesk.engine.execution.book.SimulatorLiquidity;
import dev.paperdesk.engine.execution.book.TickBook;
import dev.paperdesk.engine.execution.book.TouchLiquidity;
import dev.paperdesk.engine.execution.models.DataKind;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.UnitScale;
import dev.paperdesk.engine.market.sim.OrderBook;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Everything the venue knows about one instrument: its data, liquidity, models and open orders. */
final class MarketState {
    /** Depletion over published snapshots and quotes comes back with this half-life. */
    static final long DEPLETION_HALF_LIFE_NANOS = 2_000_000_000L;

    final Instrument instrument;
    final UnitScale px;
    final UnitScale qty;
    /** The tick and the lot as whole numbers at their own scales. */
    private final long pxUnscaled;

    private final long qtyUnscaled;
    final SplittableRandom random;
    final DepletingBook depleting = new DepletingBook(DEPLETION_HALF_LIFE_NANOS);
    SimulatorLiquidity live;
    ModelSet models;
    TickBook book;
    DataKind kind = DataKind.QUOTES;
    boolean barsFeed;
    boolean snapshots;
    Quote quote;
    long bidTicks = Liquidity.MARKET_SELL;
    long askTicks = Liquidity.MARKET_BUY;
    Bar lastBar;
    final List<Working> conditional = new ArrayList<>();
    final List<Working> waitingForOpen = new ArrayList<>();
    final List<Working> waitingForBar = new ArrayList<>();
    final List<Working> restoring = new ArrayList<>();
    /** Every order of this market the venue works (sent, resting, waiting or conditional), in the order sent. */
    final java.util.LinkedHashSet<Working> working = new java.util.LinkedHashSet<>();
    /** Orders resting in {@link #book}, in the order they joined (for bar evaluation). */
    final java.util.LinkedHashSet<Working> resting = new java.util.LinkedHashSet<>();

    boolean liveChecked;

    /**
     * The reason an arriving order is accepted with, and the same for a market order that waits for
     * the next bar's open: written once per market, not once per order.
     */
    final String acceptedBy;

    final String acceptedByForNextBar;

    MarketState(Instrument instrument, ModelSet models, long seed) {
        this.instrument = instrument;
        this.acceptedBy = "accepted by " + instrument.venue();
        this.acceptedByForNextBar = acceptedBy + NEXT_BAR;
        this.px = new UnitScale(instrument.tickSize());
        this.qty = new UnitScale(instrument.lotSize());
        this.pxUnscaled = px.unit().unscaledValue().longValueExact();
        this.qtyUnscaled = qty.unit().unscaledValue().longValueExact();
        this.random = new SplittableRandom(mix(seed, instrument.id().toString()));
        setModels(models);
    }

    /** Appended to an acceptance reason when a market order waits for the next bar's open. */
    static final String NEXT_BAR = "; fills at the next bar's open";

    static long mix(long seed, String name) {
        long h = seed * 0x9E3779B97F4A7C15L + name.hashCode();
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Changes the models; resting orders keep their queue place (a new queue rule applies to new joins). */
    void setModels(ModelSet next) {
        models = next;
        if (book == null) {
            book = new TickBook(next.queue().threshold());
        } else {
            book.setQueueRule(next.queue().threshold());
        }
    }

    DataKind kind() {
        if (live != null) {
            return DataKind.LIVE_BOOK;
        }
        if (barsFeed) {
            return DataKind.BARS;
        }
        return snapshots ? DataKind.BOOK_SNAPSHOTS : DataKind.QUOTES;
    }

    FillModel fillModel() {
        return models.fill().resolve(kind());
    }

    /** The liquidity a marketable order meets under the fill model in force. */
    Liquidity liquidity() {
        // if/return rather than a switch or ternaries: see FeeModels.parse.
        FillModel m = fillModel();
        if (m instanceof FillModel.BookWalk) {
            return base();
        }
        if (m instanceof FillModel.Touch) {
            return new TouchLiquidity(base());
        }
        if (m instanceof FillModel.Bars b && b.mode() == FillModel.BarMode.NEXT_OPEN) {
            return Liquidity.NONE;
        }
        return new TouchLiquidity(depleting);
    }

    /** The simulator's live book when there is one, else our depleting copy of what was published. */
    private Liquidity base() {
        if (live != null) {
            return live;
        }
        return depleting;
    }

    /** True when market orders wait for the next bar's open. */
    boolean defersToNextBar() {
        return fillModel() instanceof FillModel.Bars b && b.mode() == FillModel.BarMode.NEXT_OPEN;
    }

    void onQuote(Quote q, long nowNanos) {
        quote = q;
        bidTicks = ticks(q.bid());
        askTicks = ticks(q.ask());
        depleting.advanceTo(nowNanos);
        long bidSize = lots(q.bidSize().value());
        long askSize = lots(q.askSize().value());
        if (!snapshots || barsFeed) {
            depleting.updateTop(bidTicks, bidSize, askTicks, askSize);
        } else {
            depleting.mergeTop(bidTicks, bidSize, askTicks, askSize);
        }
    }

    void onBook(BookSnapshot b, long nowNanos) {
        snapshots = true;
        depleting.advanceTo(nowNanos);
        depleting.update(prices(b.bids()), sizes(b.bids()), prices(b.asks()), sizes(b.asks()));
    }

    private long[] prices(List<BookLevel> levels) {
        long[] out = new long[levels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ticks(levels.get(i).price());
        }
        return out;
    }

    private long[] sizes(List<BookLevel> levels) {
        long[] out = new long[levels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lots(levels.get(i).size().value());
        }
        return out;
    }

    void attach(OrderBook book) {
        live = new SimulatorLiquidity(book);
    }

    long ticks(Price p) {
        return ticks(p.value());
    }

    // The last conversion of each kind: a quote without spread has one price for both sides and
    // one size for both, and a replayed bar's close is the price its quote was made of.
    private BigDecimal lastTicksOf;
    private long lastTicks;
    private BigDecimal lastLotsOf;
    private long lastLots;

    /** Whole ticks of a price; a price off the grid is rounded half-even (feeds publish on the grid). */
    long ticks(BigDecimal value) {
        if (value == lastTicksOf) {
            return lastTicks;
        }
        long t = count(value, px, pxUnscaled, RoundingMode.HALF_EVEN);
        lastTicksOf = value;
        lastTicks = t;
        return t;
    }

    /** Whole lots of a quantity, rounded down (a fraction of a lot cannot trade). */
    long lots(BigDecimal value) {
        if (value == lastLotsOf) {
            return lastLots;
        }
        long n = count(value, qty, qtyUnscaled, RoundingMode.DOWN);
        lastLotsOf = value;
        lastLots = n;
        return n;
    }

    /**
     * {@code value / unit} ({@code u} its unscaled value) rounded to a whole number, as {@code value.divide(unit, 0, mode)
     * .longValueExact()}; in long arithmetic when the value is written at the unit's scale (prices on
     * their tick's decimals, the usual case), else by that division.
     */
    static long count(BigDecimal value, UnitScale unit, long u, RoundingMode mode) {
        if (value.scale() == unit.scale() && value.precision() <= 18) {
            long v = unscaled(value);
            if (u == 1) {
                return v; // a unit of one in its last digit (a tick of 0.01 at scale 2, a lot of 1): no division
            }
            long q = v / u;
            long r = v % u;
            if (r == 0 || mode == RoundingMode.DOWN) {
                return q;
            }
            if (mode == RoundingMode.HALF_EVEN) {
                long twice = Math.abs(r) * 2; // |r| < u, and u fits a long: no overflow below 2^62
                if (u < (1L << 61)) {
                    if (twice > u || (twice == u && (q & 1) != 0)) {
                        q += Long.signum(v);
                    }
                    return q;
                }
            }
        }
        return value.divide(unit.unit(), 0, mode).longValueExact();
    }

    /** Exact powers of ten as doubles: every one up to 10^22 is a double. */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /**
     * The unscaled value of a decimal of at most 18 digits, as {@code value.unscaledValue()
     * .longValueExact()}. The per-bar conversion must not allocate, and a scaled copy (or a {@code
     * BigInteger}) is not always elided by the JIT; {@link BigDecimal} shows no unscaled long, but
     * with at most 15 digits at a scale of 0 to 22 the double round trip is exact: {@code
     * doubleValue()} is {@code v / 10^s} of exact operands rounded once (relative error at most
     * 2^-53), times the exact {@code 10^s} rounded once more, so within {@code |v| · 2^-52 < 0.23}
     * of {@code v} ({@code |v| < 10^15 < 2^50}), and rounding gives {@code v} back. Other values take
     * the decimal path.
     */
    static long unscaled(BigDecimal value) {
        int s = value.scale();
        if (s >= 0 && s < POW10.length && value.precision() <= 15) {
            return Math.round(value.doubleValue() * POW10[s]);
        }
        return value.scaleByPowerOfTen(s).longValue(); // at scale 0 a compact value is its own long
    }

    Price price(long ticks) {
        // Consecutive fills mostly trade at one price: the same immutable value again.
        if (lastPrice == null || lastPriceTicks != ticks) {
            lastPrice = new Price(px.toDecimal(ticks));
            lastPriceTicks = ticks;
        }
        return lastPrice;
    }

    private Price lastPrice;
    private long lastPriceTicks;

    BigDecimal mid() {
        if (quote == null) {
            return null;
        }
        if (midOf != quote) { // worked out once per quote: every arriving order asks
            mid = quote.mid().value();
            midOf = quote;
        }
        return mid;
    }

    private Quote midOf;
    private BigDecimal mid;

    boolean hasQuote() {
        return quote != null;
    }
}
