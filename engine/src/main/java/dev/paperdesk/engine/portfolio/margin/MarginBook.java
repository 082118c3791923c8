package dev.paperdesk.engine.portfolio.margin;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.portfolio.DeferredPositions;
import dev.paperdesk.engine.portfolio.FxRates;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionFigures;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.portfolio.RiskMarks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The exact valuation and margin pools of one portfolio, kept current tick by tick: a price change
 * of one instrument re-values only the positions in it, in scaled-long fixed point, and updates
 * running per-currency sums and the level of the one pool it moves. Every figure it reports is equal,
 * value and scale, to what {@link Portfolio#snapshot} and {@link MarginCalculator#compute} give at the
 * same marks; every warning level is the one {@link WarningLevel#of(BigDecimal)} gives on the exact
 * ratio.
 *
 * <p>Built from one exact valuation (a reference snapshot and its account) and valid while the
 * portfolio's {@link Portfolio#revision() revision} and exchange rates stay the same. Amounts that do
 * not fit the fixed point (a product over 63 bits, a scale over {@value #MAX_SCALE}) switch the book
 * to exact {@code BigDecimal} sums over all positions, and its levels to "always check exactly". Not
 * thread-safe: owned by the engine thread; the snapshots it publishes are immutable.
 */
public final class MarginBook {
    /** Largest decimal scale carried in fixed point. */
    static final int MAX_SCALE = 36;
    /** Scales 0 to {@link #MAX_SCALE}: the row length of {@code scaleCount} (one flat array: no multi-array per build). */
    private static final int SCALES = MAX_SCALE + 1;

    /** Extra decimals of the running sums, so marks with a digit or two more need no re-summing. */
    private static final int HEADROOM = 2;

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private static final MathContext WIDE = new MathContext(60, RoundingMode.HALF_EVEN);

    /** Relative half-width, around a level boundary, inside which a pool's level is decided in BigDecimal. */
    private static final BigDecimal BAND = new BigDecimal("1e-28");

    private static final WarningLevel[] LEVELS = WarningLevel.values();

    private final Portfolio source;
    private final long revision;
    private final PortfolioSnapshot built;
    /** The account at the build-time marks, or null until {@link #builtAccount()} first asks {@code accountSource}. */
    private AccountSnapshot account;

    private final java.util.function.Supplier<AccountSnapshot> accountSource;
    private final Currency[] held;
    private final BigDecimal[] heldRates;

    // Positions, in the snapshot's order.
    private final int n;
    /** The built valuation's positions, read as figures: their views are made only when published. */
    private final PositionFigures[] views;

    private final BigDecimal[] multipliers;
    private final BigDecimal[] marks;
    /** Slot per instrument when more than one position is valued ({@code null} otherwise: see {@link #slot}). */
    private final Map<InstrumentId, Integer> slots;

    private final int[] currencyOf;
    private final BigDecimal[] slotRate;
    private final long[] qm;
    private final int[] qmScale;
    private final long[] value;
    private final int[] valueScale;
    private final int[] poolOf;

    // Currencies with a rate to the base currency.
    private final BigDecimal[] rates;
    private final int[] sumScale;
    private final long[] valueHi;
    private final long[] valueLo;
    private final long[] isolatedHi;
    private final long[] isolatedLo;
    /** Per currency {@code c}, the count of priced terms at each scale: {@code scaleCount[c × SCALES + scale]}. */
    private final int[] scaleCount;
    /** The largest scale with a non-zero count in {@code scaleCount[c]}, or −1 until worked out again. */
    private final int[] topScale;

    private final BigDecimal[] costSum;
    /** Σ cost basis of the currency's positions without a price (valued at cost, outside the long sums). */
    private final BigDecimal[] atCost;
    /** The same, for positions outside the isolated pools (the part that is cross-pool equity). */
    private final BigDecimal[] crossAtCost;

    private final boolean[] hasTerms;

    // Pools: 0 is the cross pool, 1.. one per isolated position.
    private final int[] poolSlot;
    private final BigDecimal[] poolMaintenance;
    private final BigDecimal[] poolOffset;
    private final int[] poolScale;
    private final long[] poolZero;
    /** Isolated pool {@code p}'s boundaries per level, at {@code p × LEVELS.length + level}. */
    private final long[] poolBelow;

    private final long[] poolAbove;
    private final boolean[] poolLongs;
    private final WarningLevel[] known;
    private final boolean[] dirty;
    private final int[] dirtyList;
    private int dirtyCount;
    private final BigDecimal crossBase;

    private boolean fixedPoint = true;
    private final boolean levelsExact;
    private boolean diverged;
    private BigDecimal[] publishedMarks;
    private boolean marksMoved;
    /** {@link #equity()} at the current marks, or null once a mark moved since it was worked out. */
    private BigDecimal equity;
    /**
     * {@link #equity()} as a scaled long: 0 not worked out since a mark moved, 1 it is
     * {@code equityUnscaled} at {@code equityScale}, 2 it is not one (only the BigDecimal).
     */
    private int equityState;

    private long equityUnscaled;
    private int equityScale;

    /**
     * The cross pool's value sum (fixed point, at {@link #crossSafeScale}) at or above which its
     * level is NONE without any division; {@code crossSafeScale} −1: not worked out for the current
     * terms, −2: no such bound (several currencies, a sum past 64 bits...).
     */
    private long crossSafe;

    private int crossSafeScale = -1;

    /** The cash's unscaled value when {@code cashState} is 1 (0: not looked at yet, 2: past 18 digits). */
    private long cashUnscaled;

    private int cashState;
    private boolean moved;
    private final boolean breachedAtBuild;

    private MarginBook(
            Portfolio source,
            PortfolioSnapshot built,
            Pools terms,
            AccountSnapshot account,
            java.util.function.Supplier<AccountSnapshot> accountSource,
            Function<InstrumentId, BigDecimal> multiplierOf,
            FxRates fx) {
        this.source = source;
        this.revision = source.revision();
        this.built = built;
        this.account = account;
        this.accountSource = accountSource;
        List<Currency> currencies = new ArrayList<>();
        built.balances().forEach(b -> currencies.add(b.currency()));
        List<? extends PositionFigures> list = built.positionFigures();
        for (int i = 0, size = list.size(); i < size; i++) {
            Currency c = list.get(i).currency();
            if (!currencies.contains(c)) {
                currencies.add(c);
            }
        }
        held = currencies.toArray(Currency[]::new);
        heldRates = new BigDecimal[held.length];
        for (int c = 0; c < held.length; c++) {
            heldRates[c] = fx.rate(held[c], built.baseCurrency()).orElse(null);
        }
        rates = heldRates;

        n = list.size();
        views = list.toArray(PositionFigures[]::new);
        multipliers = new BigDecimal[n];
        marks = new BigDecimal[n];
        slots = n > 1 ? new HashMap<>(n * 2) : null;
        currencyOf = new int[n];
        slotRate = new BigDecimal[n];
        qm = new long[n];
        qmScale = new int[n];
        value = new long[n];
        valueScale = new int[n];
        poolOf = new int[n];

        int k = held.length;
        sumScale = new int[k];
        valueHi = new long[k];
        valueLo = new long[k];
        isolatedHi = new long[k];
        isolatedLo = new long[k];
        scaleCount = new int[k * SCALES];
        topScale = new int[k];
        java.util.Arrays.fill(topScale, -1);
        costSum = new BigDecimal[k];
        hasTerms = new boolean[k];
        java.util.Arrays.fill(costSum, BigDecimal.ZERO);
        atCost = new BigDecimal[k];
        crossAtCost = new BigDecimal[k];

        Map<InstrumentId, Pool> margins = new HashMap<>();
        boolean shortOptions = false;
        int isolated = 0;
        for (Pool m : terms.positions()) {
            margins.put(m.instrumentId(), m);
            shortOptions |= m.assetClass() == AssetClass.OPTION && m.quantity().signum() < 0;
            if (m.mode() == MarginMode.ISOLATED) {
                isolated++;
            }
        }
        levelsExact = !shortOptions;
        int pools = isolated + 1;
        poolSlot = new int[pools];
        poolMaintenance = new BigDecimal[pools];
        poolOffset = new BigDecimal[pools];
        poolScale = new int[pools];
        poolZero = new long[pools];
        poolBelow = new long[pools * LEVELS.length];
        poolAbove = new long[pools * LEVELS.length];
        poolLongs = new boolean[pools];
        known = new WarningLevel[pools];
        dirty = new boolean[pools];
        dirtyList = new int[pools];
        BigDecimal isolatedOffset = BigDecimal.ZERO;

        int next = 1;
        for (int i = 0; i < n; i++) {
            PositionFigures v = views[i];
            if (slots != null) {
                slots.put(v.instrumentId(), i);
            }
            multipliers[i] = multiplierOf.apply(v.instrumentId());
            marks[i] = v.mark();
            int c = currencies.indexOf(v.currency());
            currencyOf[i] = rates[c] == null ? -1 : c;
            slotRate[i] = rates[c];
            BigDecimal q = v.quantity().multiply(multipliers[i]);
            if (!fits(q)) {
                fixedPoint = false;
            } else {
                qm[i] = q.unscaledValue().longValue();
                qmScale[i] = q.scale();
            }
            if (currencyOf[i] >= 0) {
                costSum[c] = costSum[c].add(v.costBasis());
                hasTerms[c] = true;
            }
            Pool m = margins.get(v.instrumentId());
            poolOf[i] = m == null ? -1 : m.mode() == MarginMode.ISOLATED ? next++ : 0;
            if (poolOf[i] > 0) {
                int p = poolOf[i];
                poolSlot[p] = i;
                poolMaintenance[p] = m.maintenanceMargin();
                // pool equity = isolated margin + value − cost = value + offset
                poolOffset[p] = m.isolatedMargin().subtract(v.costBasis());
                known[p] = WarningLevel.of(m.maintenanceRatio());
                if (m.rate() != null) {
                    isolatedOffset = isolatedOffset.add(poolOffset[p].multiply(m.rate()));
                }
            }
            if (fixedPoint && !setValue(i)) {
                fixedPoint = false;
            }
        }
        // cross equity = cash + Σ value − Σ isolated (margin + value − cost), all converted
        crossBase = built.cash().subtract(isolatedOffset);
        poolSlot[0] = -1;
        poolMaintenance[0] = terms.crossMaintenance();
        known[0] = crossLevelOf(terms.crossMaintenance(), terms.crossEquity());
        for (int c = 0; c < k; c++) {
            atCost[c] = unpricedCost(c, false);
            crossAtCost[c] = unpricedCost(c, true);
        }
        if (fixedPoint) {
            for (int c = 0; c < k && fixedPoint; c++) {
                fixedPoint = resum(c);
            }
            for (int p = 1; p < pools; p++) {
                poolLongs[p] = boundaries(p);
            }
        }
        publishedMarks = marks.clone();
        breachedAtBuild = java.util.Arrays.asList(known).contains(WarningLevel.LIQUIDATION);
    }

    /**
     * The book of {@code portfolio} from its exact valuation at the current marks.
     *
     * @param snapshot {@code portfolio.snapshot(marks, multipliers, fx)} (with what working orders reserve)
     * @param account {@link MarginCalculator#compute} of {@code snapshot}
     */
    public static MarginBook of(
            Portfolio portfolio,
            PortfolioSnapshot snapshot,
            AccountSnapshot account,
            Function<InstrumentId, BigDecimal> multipliers,
            FxRates fx) {
        return new MarginBook(portfolio, snapshot, Pools.of(account), account, null, multipliers, fx);
    }

    /**
     * The book of {@code portfolio} from its exact valuation and only the margin terms the book
     * reads: the full account is computed by {@code account} when {@link #builtAccount()} is first
     * read (most books never are), so a book after a fill makes no ratio, liquidation price or risk
     * percentage.
     *
     * @param terms {@link MarginCalculator#pools} of {@code snapshot}
     * @param account gives {@link MarginCalculator#compute} of {@code snapshot}
     */
    public static MarginBook of(
            Portfolio portfolio,
            PortfolioSnapshot snapshot,
            Pools terms,
            java.util.function.Supplier<AccountSnapshot> account,
            Function<InstrumentId, BigDecimal> multipliers,
            FxRates fx) {
        return new MarginBook(portfolio, snapshot, terms, null, account, multipliers, fx);
    }

    /**
     * What a book reads of an account: each open position's margin terms and the cross pool's
     * maintenance and equity, each equal (value and scale) to the account's own figure.
     */
    public record Pools(List<Pool> positions, BigDecimal crossMaintenance, BigDecimal crossEquity) {
        public Pools {
            positions = List.copyOf(positions);
            java.util.Objects.requireNonNull(crossMaintenance, "crossMaintenance");
            java.util.Objects.requireNonNull(crossEquity, "crossEquity");
        }

        /** The terms of a full account. */
        public static Pools of(AccountSnapshot a) {
            List<Pool> out = new ArrayList<>(a.positions().size());
            for (PositionMarginView m : a.positions()) {
                out.add(new Pool(
                        m.instrumentId(),
                        m.assetClass(),
                        m.quantity(),
                        m.mode(),
                        m.maintenanceMargin(),
                        m.isolatedMargin(),
                        m.mode() == MarginMode.ISOLATED ? m.maintenanceRatio() : null,
                        m.rate()));
            }
            return new Pools(out, a.crossMaintenance(), a.crossEquity());
        }
    }

    /**
     * One open position's margin terms, as in its {@link PositionMarginView}.
     *
     * @param maintenanceRatio the isolated pool's ratio; {@code null} for a cross position
     * @param rate to the base currency, {@code null} without one
     */
    public record Pool(
            InstrumentId instrumentId,
            AssetClass assetClass,
            BigDecimal quantity,
            MarginMode mode,
            BigDecimal maintenanceMargin,
            BigDecimal isolatedMargin,
            BigDecimal maintenanceRatio,
            BigDecimal rate) {}

    /** True while this book values {@code portfolio} as it is now, at the exchange rates of {@code fx}. */
    public boolean isFor(Portfolio portfolio, FxRates fx) {
        if (portfolio != source || portfolio.revision() != revision) {
            return false;
        }
        for (int c = 0; c < held.length; c++) {
            BigDecimal now = fx.rate(held[c], built.baseCurrency()).orElse(null);
            if (!java.util.Objects.equals(now, heldRates[c])) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the account it was built from has only a cross pool and that pool's level was NONE
     * (the level {@link WarningLevel#of(BigDecimal)} gives on its exact ratio).
     */
    public boolean quietAtBuild() {
        return poolSlot.length == 1 && known[0] == WarningLevel.NONE;
    }

    /** The valuation and account it was built from (the account at the build-time marks). */
    public AccountSnapshot builtAccount() {
        if (account == null) {
            account = accountSource.get();
        }
        return account;
    }

    /**
     * True while every value is carried in fixed point; false once one did not fit (such as a
     * position without a price whose cost basis carries a 34-digit quotient): the book then sums in
     * BigDecimal, exactly but in O(positions), until it is rebuilt.
     */
    public boolean fixedPoint() {
        return fixedPoint;
    }

    /** True once a mark moved since the build: {@link #builtAccount()} is then out of date. */
    public boolean moved() {
        return moved;
    }

    /** The portfolio's positions in {@code instrument}, re-valued at {@code mark} ({@code null}: at cost). */
    public void remark(InstrumentId instrument, BigDecimal mark) {
        int i = slot(instrument);
        if (i < 0) {
            return;
        }
        boolean wasPriced = marks[i] != null;
        marks[i] = mark;
        marksMoved = true;
        moved = true;
        equity = null;
        equityState = 0;
        if (!fixedPoint) {
            return;
        }
        int c = currencyOf[i];
        long before = value[i];
        int beforeScale = valueScale[i];
        if (!setValue(i)) {
            fixedPoint = false;
            return;
        }
        if (c >= 0) {
            // Unpriced positions are carried at cost in BigDecimal; their fixed-point value is 0.
            // The new scale is counted before the old one is released: a mark of the same scale
            // (nearly every price) then never empties the top scale, which would cost a rescan.
            if (mark != null) {
                if (scaleCount[c * SCALES + valueScale[i]]++ == 0 && topScale[c] >= 0 && valueScale[i] > topScale[c]) {
                    topScale[c] = valueScale[i];
                }
            }
            if (wasPriced) {
                if (--scaleCount[c * SCALES + beforeScale] == 0 && beforeScale == topScale[c]) {
                    topScale[c] = -1; // the top scale may have emptied
                }
            }
            if (wasPriced != (mark != null)) {
                atCost[c] = unpricedCost(c, false);
                crossAtCost[c] = unpricedCost(c, true);
                crossSafeScale = -1;
            }
            if (valueScale[i] > sumScale[c]) {
                fixedPoint = resum(c);
            } else {
                long old = align(before, beforeScale, sumScale[c]);
                long now = align(value[i], valueScale[i], sumScale[c]);
                if (old == Long.MIN_VALUE || now == Long.MIN_VALUE) {
                    fixedPoint = false;
                    return;
                }
                addTo(valueHi, valueLo, c, now);
                addTo(valueHi, valueLo, c, -old);
                if (poolOf[i] > 0) {
                    addTo(isolatedHi, isolatedLo, c, now);
                    addTo(isolatedHi, isolatedLo, c, -old);
                }
            }
        }
        int p = poolOf[i];
        if (p >= 0 && !dirty[p]) {
            dirty[p] = true;
            dirtyList[dirtyCount++] = p;
        }
    }

    /**
     * Whether any pool's warning level now differs from the one of the exact account the book was
     * built from. Exact: decided on the fixed-point values, or in BigDecimal when a pool is within a
     * relative 10⁻²⁸ of a level boundary. Always true for accounts whose maintenance moves with prices
     * (short options), for accounts that were breached at the build (liquidation goes on until no
     * pool is) or once the book left fixed point. Once true it stays true.
     */
    public boolean levelsChanged() {
        if (!levelsExact || !fixedPoint || breachedAtBuild) {
            return true;
        }
        for (int d = 0; d < dirtyCount; d++) {
            int p = dirtyList[d];
            dirty[p] = false;
            if (!diverged && level(p) != known[p]) {
                diverged = true;
            }
        }
        dirtyCount = 0;
        return diverged;
    }

    /** Every pool's exact level now, keyed as the engine records them ("cross" or the instrument). */
    public Map<String, WarningLevel> levels() {
        Map<String, WarningLevel> out = new LinkedHashMap<>();
        out.put("cross", fixedPoint ? level(0) : slowLevel(0));
        for (int p = 1; p < poolSlot.length; p++) {
            out.put(views[poolSlot[p]].instrumentId().toString(), fixedPoint ? level(p) : slowLevel(p));
        }
        return out;
    }

    /** Equity in the base currency at the current marks (worked out once per change of a mark). */
    public BigDecimal equity() {
        BigDecimal e = equity;
        if (e == null) {
            e = equityInLongs()
                    ? BigDecimal.valueOf(equityUnscaled, equityScale)
                    : built.cash().add(marketValue());
            equity = e;
        }
        return e;
    }

    /**
     * True when {@link #equity()} at the current marks is {@link #equityUnscaled()} at {@link
     * #equityScale()} (worked out in long arithmetic: positions in one currency at a rate of exactly
     * 1, all priced, every term fitting), so a reader that keeps scaled longs needs no object per price.
     */
    public boolean equityInLongs() {
        if (equityState == 0) {
            equityState = fixedPoint && longEquity() ? 1 : 2;
        }
        return equityState == 1;
    }

    /** The unscaled digits of {@link #equity()}; read only while {@link #equityInLongs()} is true. */
    public long equityUnscaled() {
        return equityUnscaled;
    }

    /** The scale of {@link #equity()}; read only while {@link #equityInLongs()} is true. */
    public int equityScale() {
        return equityScale;
    }

    /**
     * {@code cash + marketValue()} in long arithmetic when the positions are in one currency at a
     * rate of exactly 1 (scale 0), all priced, and every term fits: the same value and scale (the
     * larger of the cash's and the sum's) into {@code equityUnscaled} and {@code equityScale}; false
     * otherwise.
     */
    private boolean longEquity() {
        int only = -1;
        for (int c = 0; c < rates.length; c++) {
            if (hasTerms[c]) {
                if (only >= 0) {
                    return false;
                }
                only = c;
            }
        }
        BigDecimal cash = built.cash();
        if (cashState == 0) {
            boolean fits = cash.scale() >= 0 && cash.precision() <= 18;
            cashUnscaled = fits ? cash.unscaledValue().longValue() : 0;
            cashState = fits ? 1 : 2;
        }
        if (only < 0
                || cashState != 1
                || atCost[only] != null
                || rates[only] == null
                || rates[only].scale() != 0
                || rates[only].compareTo(BigDecimal.ONE) != 0) {
            return false;
        }
        int top = top(only);
        long hi = valueHi[only];
        long lo = valueLo[only];
        int shift = sumScale[only] - top;
        if (hi != (lo >> 63) || shift < 0 || shift >= POW10.length || lo % POW10[shift] != 0) {
            return false;
        }
        long sum = lo / POW10[shift];
        int scale = Math.max(cash.scale(), top);
        long a = align(cashUnscaled, cash.scale(), scale);
        long b = align(sum, top, scale);
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE) {
            return false;
        }
        long total = a + b;
        if (((a ^ total) & (b ^ total)) < 0) {
            return false; // overflow
        }
        equityUnscaled = total;
        equityScale = scale;
        return true;
    }

    /** Positions valued, flat ones included (each holds a mark). */
    public int positionCount() {
        return n;
    }

    /** True when the book values a position in {@code instrument}. */
    public boolean values(InstrumentId instrument) {
        return slot(instrument) >= 0;
    }

    /** Unrealized P&amp;L in the base currency at the current marks. */
    public BigDecimal unrealizedPnl() {
        if (!fixedPoint) {
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                if (slotRate[i] != null) {
                    total = total.add(valueAt(i).subtract(views[i].costBasis()).multiply(slotRate[i]));
                }
            }
            return total;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int c = 0; c < rates.length; c++) {
            if (hasTerms[c]) {
                total = total.add(sum(c).subtract(costSum[c]).multiply(rates[c]));
            }
        }
        return total;
    }

    /** The cross pool's equity: equity less every isolated pool's. */
    public BigDecimal crossEquity() {
        if (!fixedPoint) {
            BigDecimal e = crossBase;
            for (int i = 0; i < n; i++) {
                if (slotRate[i] != null && poolOf[i] <= 0) {
                    e = e.add(valueAt(i).multiply(slotRate[i]));
                }
            }
            return e;
        }
        BigDecimal e = crossBase;
        for (int c = 0; c < rates.length; c++) {
            if (hasTerms[c]) {
                long hi = valueHi[c];
                long lo = valueLo[c];
                long nlo = lo - isolatedLo[c];
                long borrow = Long.compareUnsigned(lo, isolatedLo[c]) < 0 ? 1 : 0;
                long nhi = hi - isolatedHi[c] - borrow;
                BigDecimal values = decimal(nhi, nlo, sumScale[c]);
                if (crossAtCost[c] != null) {
                    values = values.add(crossAtCost[c]);
                }
                e = e.add(values.multiply(rates[c]));
            }
        }
        return e;
    }

    /**
     * The portfolio's snapshot at the current marks: totals now, position views built on first read
     * from marks captured here. Equal to {@link Portfolio#snapshot} at the same marks.
     */
    public PortfolioSnapshot snapshot(RiskMarks riskMarks, BigDecimal reservedForOrders) {
        BigDecimal marketValue = marketValue();
        BigDecimal unrealized = unrealizedPnl();
        if (marksMoved) {
            // The published views must keep this instant's marks: one array copy, no views.
            publishedMarks = marks.clone();
            marksMoved = false;
        }
        BigDecimal[] at = publishedMarks;
        return new PortfolioSnapshot(
                built.id(),
                built.name(),
                built.description(),
                built.baseCurrency(),
                built.startingBalance(),
                built.cash(),
                built.realizedPnl(),
                built.feesPaid(),
                unrealized,
                built.cash().add(marketValue),
                built.costBasisMethod(),
                built.archived(),
                built.createdAt(),
                built.balances(),
                new DeferredPositions(n, () -> views(at)),
                built.unconvertible(),
                built.rates(),
                built.account().withMarks(riskMarks),
                reservedForOrders);
    }

    private List<PositionView> views(BigDecimal[] at) {
        List<PositionView> out = new ArrayList<>(n);
        // The built valuation's own views, made once for every snapshot of this book that is read:
        // their average prices (a division each) are not worked out again per published snapshot.
        List<PositionView> builtViews = built.positions();
        for (int i = 0; i < n; i++) {
            PositionView v = builtViews.get(i);
            BigDecimal mark = at[i];
            // The very expressions of Portfolio.snapshot, so the views are equal to its own.
            BigDecimal worth =
                    mark == null ? v.costBasis() : v.quantity().multiply(mark).multiply(multipliers[i]);
            BigDecimal upnl = worth.subtract(v.costBasis());
            out.add(new PositionView(
                    v.instrumentId(),
                    v.currency(),
                    v.quantity(),
                    v.averagePrice(),
                    v.costBasis(),
                    mark,
                    worth,
                    upnl,
                    v.realizedPnl(),
                    slotRate[i] == null ? null : upnl.multiply(slotRate[i])));
        }
        return out;
    }

    // ------------------------------------------------------------------------------ internals

    /**
     * The slot of {@code instrument}'s position, or −1. A book of one position (a backtest's, every
     * price) compares that position's id, the very object the prices carry, instead of hashing it.
     */
    /** An id object found equal to the one position's id (a book of one position; engine thread). */
    private InstrumentId matched;

    private int slot(InstrumentId instrument) {
        if (slots == null) {
            if (n == 0) {
                return -1;
            }
            InstrumentId only = views[0].instrumentId();
            if (only == instrument || instrument == matched) {
                return 0;
            }
            if (only.equals(instrument)) {
                matched = instrument; // the prices' own id object, equal to the position's
                return 0;
            }
            return -1;
        }
        Integer slot = slots.get(instrument);
        return slot == null ? -1 : slot;
    }

    private BigDecimal marketValue() {
        BigDecimal total = BigDecimal.ZERO;
        if (!fixedPoint) {
            for (int i = 0; i < n; i++) {
                if (slotRate[i] != null) {
                    total = total.add(valueAt(i).multiply(slotRate[i]));
                }
            }
            return total;
        }
        for (int c = 0; c < rates.length; c++) {
            if (hasTerms[c]) {
                total = total.add(sum(c).multiply(rates[c]));
            }
        }
        return total;
    }

    /** A position's exact value at its current mark, as Portfolio.snapshot computes it. */
    private BigDecimal valueAt(int i) {
        BigDecimal mark = marks[i];
        return mark == null
                ? views[i].costBasis()
                : views[i].quantity().multiply(mark).multiply(multipliers[i]);
    }

    /** The largest scale of currency {@code c}'s priced terms (0 when none): kept until a count changes. */
    private int top(int c) {
        int top = topScale[c];
        if (top < 0) {
            top = MAX_SCALE;
            int[] counts = scaleCount;
            int row = c * SCALES;
            while (top > 0 && counts[row + top] == 0) {
                top--;
            }
            topScale[c] = top;
        }
        return top;
    }

    /** Σ values of currency {@code c}, at the largest scale of its terms (the scale BigDecimal sums reach). */
    private BigDecimal sum(int c) {
        int top = top(c);
        long hi = valueHi[c];
        long lo = valueLo[c];
        int shift = sumScale[c] - top;
        BigDecimal priced;
        if (hi == (lo >> 63) && shift >= 0 && shift < POW10.length && lo % POW10[shift] == 0) {
            // the headroom digits are zeros: dropping them in long arithmetic is that setScale
            priced = BigDecimal.valueOf(lo / POW10[shift], top);
        } else {
            priced = decimal(hi, lo, sumScale[c]).setScale(top, RoundingMode.UNNECESSARY);
        }
        return atCost[c] == null ? priced : priced.add(atCost[c]);
    }

    /** Σ cost basis of currency {@code c}'s unpriced positions, or {@code null} when all have a price. */
    private BigDecimal unpricedCost(int c, boolean crossOnly) {
        BigDecimal total = null;
        for (int i = 0; i < n; i++) {
            if (currencyOf[i] == c && marks[i] == null && (!crossOnly || poolOf[i] <= 0)) {
                total = (total == null ? BigDecimal.ZERO : total).add(views[i].costBasis());
            }
        }
        return total;
    }

    /** Sets {@code value[i]} from the slot's mark; false when it does not fit the fixed point. */
    private boolean setValue(int i) {
        BigDecimal mark = marks[i];
        if (mark == null) {
            value[i] = 0;
            valueScale[i] = 0;
            return true;
        }
        // precision() and an integral BigDecimal's longValue() read the compact form: no BigInteger.
        if (mark.scale() < 0 || mark.precision() > 18) {
            return false;
        }
        int scale = qmScale[i] + mark.scale();
        if (scale > MAX_SCALE) {
            return false;
        }
        long unscaled = unscaled(mark);
        long hi = Math.multiplyHigh(qm[i], unscaled);
        long lo = qm[i] * unscaled;
        if (hi != (lo >> 63)) {
            return false;
        }
        value[i] = lo;
        valueScale[i] = scale;
        return true;
    }

    private static final double[] DOUBLE_POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /**
     * The unscaled digits of {@code mark} (scale ≥ 0, at most 18 digits) without a scaled copy per
     * price. For at most 15 digits at a scale up to 22 (10^s exact in a double) the double round trip
     * is exact: {@code doubleValue()} is {@code v / 10^s} of exact operands rounded once, times the
     * exact {@code 10^s} rounded once more, so within {@code |v| · 2^-52 < 0.23} of {@code v}, and
     * rounding gives {@code v} back (the same argument as the venue's tick count). Other values take
     * the decimal path.
     */
    static long unscaled(BigDecimal mark) {
        int s = mark.scale();
        if (s >= 0 && s < DOUBLE_POW10.length && mark.precision() <= 15) {
            return Math.round(mark.doubleValue() * DOUBLE_POW10[s]);
        }
        return mark.scaleByPowerOfTen(s).longValue();
    }

    private static boolean fits(BigDecimal d) {
        return d.scale() >= 0 && d.scale() <= MAX_SCALE && d.unscaledValue().bitLength() < 63;
    }

    /** {@code v × 10^(to − from)}, or {@link Long#MIN_VALUE} when it overflows. */
    private static long align(long v, int from, int to) {
        int shift = to - from;
        if (shift == 0) {
            return v;
        }
        if (shift >= POW10.length) {
            return v == 0 ? 0 : Long.MIN_VALUE;
        }
        long hi = Math.multiplyHigh(v, POW10[shift]);
        long lo = v * POW10[shift];
        return hi != (lo >> 63) || lo == Long.MIN_VALUE ? Long.MIN_VALUE : lo;
    }

    /** Re-sums currency {@code c} at a scale above every term's; false when that does not fit. */
    private boolean resum(int c) {
        int top = 0;
        java.util.Arrays.fill(scaleCount, c * SCALES, (c + 1) * SCALES, 0);
        topScale[c] = -1;
        for (int i = 0; i < n; i++) {
            if (currencyOf[i] == c && marks[i] != null) {
                top = Math.max(top, valueScale[i]);
                scaleCount[c * SCALES + valueScale[i]]++;
            }
        }
        int scale = Math.min(MAX_SCALE, top + HEADROOM);
        sumScale[c] = scale;
        valueHi[c] = 0;
        valueLo[c] = 0;
        isolatedHi[c] = 0;
        isolatedLo[c] = 0;
        for (int i = 0; i < n; i++) {
            if (currencyOf[i] == c) {
                long t = align(value[i], valueScale[i], scale);
                if (t == Long.MIN_VALUE) {
                    return false;
                }
                addTo(valueHi, valueLo, c, t);
                if (poolOf[i] > 0) {
                    addTo(isolatedHi, isolatedLo, c, t);
                }
            }
        }
        return true;
    }

    /** Adds a signed long to the 128-bit sum {@code (hi[c], lo[c])}. */
    private static void addTo(long[] hi, long[] lo, int c, long x) {
        long before = lo[c];
        long after = before + x;
        lo[c] = after;
        hi[c] += (x >> 63) + (Long.compareUnsigned(after, before) < 0 ? 1 : 0);
    }

    private static BigDecimal decimal(long hi, long lo, int scale) {
        if (hi == (lo >> 63)) {
            return BigDecimal.valueOf(lo, scale);
        }
        BigInteger big = BigInteger.valueOf(hi).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo)));
        return new BigDecimal(big, scale);
    }

    /**
     * Pre-computes, for isolated pool {@code p}, the fixed-point values of its position at which its
     * level changes: pool equity {@code e = value + offset}; the level is LIQUIDATION when {@code e ≤ 0},
     * else the highest threshold {@code t} with {@code maintenance ≥ t·e}, i.e. {@code value ≤
     * maintenance/t − offset}. Each boundary gets a band of relative half-width 10⁻²⁸ inside which
     * the level is decided in BigDecimal, so rounding of the reference's 34-digit ratio never differs.
     */
    private boolean boundaries(int p) {
        int i = poolSlot[p];
        BigDecimal mm = poolMaintenance[p];
        if (mm.signum() <= 0) {
            return true;
        }
        int scale = Math.min(MAX_SCALE, valueScale[i] + HEADROOM);
        poolScale[p] = scale;
        try {
            BigDecimal offset = poolOffset[p];
            poolZero[p] = offset.negate()
                    .movePointRight(scale)
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
            for (int l = 1; l < LEVELS.length; l++) {
                BigDecimal x = mm.divide(LEVELS[l].threshold(), WIDE);
                BigDecimal b = x.subtract(offset);
                BigDecimal band = x.abs().multiply(BAND);
                poolBelow[p * LEVELS.length + l] = b.subtract(band)
                        .movePointRight(scale)
                        .setScale(0, RoundingMode.FLOOR)
                        .longValueExact();
                poolAbove[p * LEVELS.length + l] = b.add(band)
                        .movePointRight(scale)
                        .setScale(0, RoundingMode.CEILING)
                        .longValueExact();
            }
        } catch (ArithmeticException tooLarge) {
            return false;
        }
        return true;
    }

    private WarningLevel level(int p) {
        if (p == 0) {
            return crossLevel();
        }
        if (poolMaintenance[p].signum() <= 0) {
            return WarningLevel.NONE;
        }
        int i = poolSlot[p];
        if (!poolLongs[p] || marks[i] == null || valueScale[i] > poolScale[p]) {
            return slowLevel(p);
        }
        long v = align(value[i], valueScale[i], poolScale[p]);
        if (v == Long.MIN_VALUE) {
            return slowLevel(p);
        }
        if (v <= poolZero[p]) {
            return WarningLevel.LIQUIDATION;
        }
        for (int l = LEVELS.length - 1; l > 0; l--) {
            if (v <= poolBelow[p * LEVELS.length + l]) {
                return LEVELS[l];
            }
            if (v <= poolAbove[p * LEVELS.length + l]) {
                return slowLevel(p);
            }
        }
        return WarningLevel.NONE;
    }

    /** A pool's level as MarginCalculator decides it, in BigDecimal. */
    private WarningLevel slowLevel(int p) {
        if (p == 0) {
            return crossLevel();
        }
        int i = poolSlot[p];
        return WarningLevel.of(
                MarginCalculator.ratio(poolMaintenance[p], valueAt(i).add(poolOffset[p])));
    }

    /**
     * The currency whose fixed-point sum alone moves the cross pool's equity, with {@link #crossSafe}
     * current for its sum's scale; −1 when there is none (no bound then). Cross equity is {@code
     * crossBase + (V + crossAtCost) × rate} with V the sum of the cross positions' values; with a
     * maintenance M > 0, an equity of at least {@code M / 0.79} has a ratio of at most 0.79, below
     * the first warning (0.80) after any rounding of the 34-digit quotient: its level is NONE. So V
     * at or above {@code ceil(((M / 0.79 − crossBase) / rate − crossAtCost) × 10^scale)} is NONE,
     * decided by one comparison of longs. The bound is worked out in doubles with a slack far larger
     * than their rounding (so never below the exact one) and again when the sum's scale or the
     * unpriced terms change.
     */
    private int crossSafeCurrency() {
        if (crossSafeScale == -2) {
            return -1;
        }
        int only = -1;
        for (int c = 0; c < rates.length; c++) {
            if (hasTerms[c]) {
                if (only >= 0) {
                    crossSafeScale = -2;
                    return -1;
                }
                only = c;
            }
        }
        if (only < 0 || rates[only] == null || rates[only].signum() <= 0) {
            crossSafeScale = -2;
            return -1;
        }
        if (crossSafeScale != sumScale[only]) {
            // In doubles, each term within a few units of its 16th digit: a slack of 10⁻¹² of the
            // terms' size, plus two units, keeps the bound above the exact one (it is a sufficient
            // condition only; below it the exact check decides).
            double m = poolMaintenance[0].doubleValue() / 0.79;
            double base = crossBase.doubleValue();
            double r = rates[only].doubleValue();
            double a = crossAtCost[only] == null ? 0 : crossAtCost[only].doubleValue();
            double target = (m - base) / r - a;
            double slack = 1e-12 * ((Math.abs(m) + Math.abs(base)) / r + Math.abs(a));
            double bound = Math.ceil((target + slack) * Math.pow(10, sumScale[only])) + 2;
            if (!(r > 0) || !(Math.abs(bound) < 9.0e18)) {
                crossSafeScale = -2; // not finite, or past a long
                return -1;
            }
            crossSafe = (long) bound;
            crossSafeScale = sumScale[only];
        }
        return only;
    }

    /**
     * The cross pool's level as MarginCalculator decides it. A ratio that doubles put below 0.79 is
     * below the first warning (0.80) exactly too (each conversion and the quotient are within a
     * few parts in 10^16), so the exact division is made only near or above a threshold: an
     * account far from its margin pays no 34-digit division per price.
     */
    private WarningLevel crossLevel() {
        BigDecimal maintenance = poolMaintenance[0];
        if (maintenance.signum() <= 0) {
            return WarningLevel.NONE; // the ratio is 0 whatever the equity
        }
        if (fixedPoint) {
            int c = crossSafeCurrency();
            if (c >= 0) {
                long hi = valueHi[c];
                long lo = valueLo[c];
                long nlo = lo - isolatedLo[c];
                long borrow = Long.compareUnsigned(lo, isolatedLo[c]) < 0 ? 1 : 0;
                long nhi = hi - isolatedHi[c] - borrow;
                if (nhi == (nlo >> 63) && nlo >= crossSafe) {
                    return WarningLevel.NONE; // equity at or above maintenance / 0.79
                }
            }
        }
        return crossLevelOf(maintenance, crossEquity());
    }

    /**
     * {@code WarningLevel.of(MarginCalculator.ratio(maintenance, equity))}, the division made only
     * when a double screen does not put the ratio below 0.79 (then it is below the first warning,
     * 0.80, exactly too: each conversion and the quotient are within a few parts in 10^16).
     */
    private static WarningLevel crossLevelOf(BigDecimal maintenance, BigDecimal equity) {
        if (maintenance.signum() <= 0) {
            return WarningLevel.of(BigDecimal.ZERO);
        }
        if (equity.signum() > 0) {
            double screen = maintenance.doubleValue() / equity.doubleValue();
            if (screen < 0.79) {
                return WarningLevel.NONE;
            }
        }
        return WarningLevel.of(MarginCalculator.ratio(maintenance, equity));
    }
}
