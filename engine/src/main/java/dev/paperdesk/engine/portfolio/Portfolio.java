package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A paper account: cash per currency, positions and running totals. Mutable, and owned by the
 * engine thread; everyone else sees it through {@link #snapshot}.
 *
 * <p>Fills are booked in the instrument's quote currency (a USD account buying BTC-USDT owes USDT,
 * as a multi-currency broker account would); valuation converts every bucket to the base currency
 * at current rates. Invariant, exact and per currency {@code c}: {@code cash(c) + Σ costBasis of
 * positions quoted in c = deposits(c) + realizedPnl(c) − fees(c)}.
 */
public final class Portfolio {
    private final PortfolioId id;
    private String name;
    private String description;
    private final Currency baseCurrency;
    private final BigDecimal startingBalance;
    private PortfolioSettings settings;
    private final Instant createdAt;
    private boolean archived;
    private boolean deleted;
    private RiskMarks riskMarks;
    /** One comparator for every portfolio, so that a copy's bucket map is built from the sorted source. */
    private static final java.util.Comparator<Currency> BY_CODE = java.util.Comparator.comparing(Currency::code);

    // The terms and the quote currencies change seldom (a new instrument, a change of terms) while a
    // portfolio is copied for every fill: a copy shares these two maps with its source until either
    // side writes to them, which then copies the map it writes (copy-on-write, engine thread).
    private TreeMap<InstrumentId, PositionMargin> margins = new TreeMap<>();
    private boolean marginsShared;
    private final TreeMap<Currency, CurrencyBalance> balances = new TreeMap<>(BY_CODE);
    private final TreeMap<InstrumentId, Position> positions = new TreeMap<>();
    private TreeMap<InstrumentId, Currency> positionCurrency = new TreeMap<>();
    private boolean positionCurrencyShared;
    /** Counts changes to what a valuation reads (positions, buckets, terms, names); risk marks excluded. */
    private long revision;
    /**
     * Counts changes to what {@link #account()} holds (settings and margin terms), not to positions
     * or cash: a fill that leaves the terms as they were keeps the frozen account terms.
     */
    private long termsRevision;
    /** The last {@link #account()} and the terms revision it was taken at; shared with copies. */
    private PortfolioAccount account;

    private long accountRevision;

    /** A new portfolio funded with {@code startingBalance} of its base currency. */
    public Portfolio(
            PortfolioId id,
            String name,
            String description,
            Currency baseCurrency,
            BigDecimal startingBalance,
            CostBasisMethod costBasisMethod,
            Instant createdAt) {
        this(
                id,
                name,
                description,
                baseCurrency,
                startingBalance,
                PortfolioSettings.defaults(costBasisMethod),
                createdAt);
    }

    /** A new portfolio with the given settings, funded with {@code startingBalance} of its base currency. */
    public Portfolio(
            PortfolioId id,
            String name,
            String description,
            Currency baseCurrency,
            BigDecimal startingBalance,
            PortfolioSettings settings,
            Instant createdAt) {
        this(
                id,
                name,
                description,
                baseCurrency,
                startingBalance,
                settings,
                createdAt,
                false,
                false,
                List.of(CurrencyBalance.empty(baseCurrency).deposit(startingBalance)),
                List.of(),
                Map.of(),
                Map.of(),
                null);
    }

    /** Restores a portfolio persisted without account terms (default settings, cross margin). */
    public Portfolio(
            PortfolioId id,
            String name,
            String description,
            Currency baseCurrency,
            BigDecimal startingBalance,
            CostBasisMethod costBasisMethod,
            Instant createdAt,
            boolean archived,
            List<CurrencyBalance> balances,
            List<Position> positions,
            Map<InstrumentId, Currency> positionCurrencies) {
        this(
                id,
                name,
                description,
                baseCurrency,
                startingBalance,
                PortfolioSettings.defaults(costBasisMethod),
                createdAt,
                archived,
                false,
                balances,
                positions,
                positionCurrencies,
                Map.of(),
                null);
    }

    /**
     * Restores a portfolio exactly as persisted, account terms included.
     *
     * @param riskMarks the risk reference points, or {@code null} to start them at the starting balance
     */
    public Portfolio(
            PortfolioId id,
            String name,
            String description,
            Currency baseCurrency,
            BigDecimal startingBalance,
            PortfolioSettings settings,
            Instant createdAt,
            boolean archived,
            boolean deleted,
            List<CurrencyBalance> balances,
            List<Position> positions,
            Map<InstrumentId, Currency> positionCurrencies,
            Map<InstrumentId, PositionMargin> margins,
            RiskMarks riskMarks) {
        this.id = Objects.requireNonNull(id, "id");
        if (startingBalance.signum() < 0) {
            throw new IllegalArgumentException("starting balance must not be negative");
        }
        rename(name, description);
        this.baseCurrency = Objects.requireNonNull(baseCurrency, "baseCurrency");
        this.startingBalance = startingBalance;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.archived = archived;
        this.deleted = deleted;
        this.margins.putAll(margins);
        this.riskMarks = riskMarks != null
                ? riskMarks
                : RiskMarks.start(createdAt.atZone(java.time.ZoneOffset.UTC).toLocalDate(), startingBalance);
        this.balances.put(baseCurrency, CurrencyBalance.empty(baseCurrency));
        for (CurrencyBalance b : balances) {
            this.balances.put(b.currency(), b);
        }
        for (Position p : positions) {
            this.positions.put(p.instrumentId(), p);
            this.positionCurrency.put(
                    p.instrumentId(), positionCurrencies.getOrDefault(p.instrumentId(), baseCurrency));
        }
    }

    /** An independent copy, so a change can be prepared and committed before it becomes visible. */
    public Portfolio copy() {
        return new Portfolio(this);
    }

    /**
     * The copy: every field as in {@code source}; its maps are built from the sorted maps of the
     * source in linear time (the values are immutable), without the lists the restoring constructor
     * takes.
     */
    private Portfolio(Portfolio source) {
        this.id = source.id;
        this.name = source.name;
        this.description = source.description;
        this.baseCurrency = source.baseCurrency;
        this.startingBalance = source.startingBalance;
        this.settings = source.settings;
        this.createdAt = source.createdAt;
        this.archived = source.archived;
        this.deleted = source.deleted;
        this.riskMarks = source.riskMarks;
        this.margins = source.margins;
        this.marginsShared = true;
        source.marginsShared = true;
        this.balances.putAll(source.balances);
        this.positions.putAll(source.positions);
        this.positionCurrency = source.positionCurrency;
        this.positionCurrencyShared = true;
        source.positionCurrencyShared = true;
        // The account terms are an immutable value of equal settings and terms: the copy shares them.
        this.termsRevision = source.termsRevision;
        this.account = source.account;
        this.accountRevision = source.accountRevision;
    }

    public PortfolioId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Currency baseCurrency() {
        return baseCurrency;
    }

    public BigDecimal startingBalance() {
        return startingBalance;
    }

    public CostBasisMethod costBasisMethod() {
        return settings.costBasisMethod();
    }

    public PortfolioSettings settings() {
        return settings;
    }

    /** Replaces the settings; a new cost-basis method applies to later closing trades. */
    public void setSettings(PortfolioSettings next) {
        revision++;
        termsRevision++;
        this.settings = Objects.requireNonNull(next, "settings");
    }

    /** Changes the name and description. */
    public void rename(String newName, String newDescription) {
        revision++;
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("portfolio name must not be blank");
        }
        this.name = newName.strip();
        this.description = newDescription == null ? "" : newDescription;
    }

    public void setArchived(boolean value) {
        revision++;
        this.archived = value;
    }

    /** True once deleted: hidden everywhere, its ledger and journal kept in the workspace. */
    public boolean deleted() {
        return deleted;
    }

    public void markDeleted() {
        revision++;
        if (!archived) {
            throw new IllegalStateException("portfolio '" + name + "' must be archived before it is deleted");
        }
        this.deleted = true;
    }

    /**
     * A counter that changes whenever positions, buckets, margin terms, settings or names change
     * (not when the risk marks move): a valuation kept beside the portfolio is current while it is.
     */
    public long revision() {
        return revision;
    }

    public RiskMarks riskMarks() {
        return riskMarks;
    }

    public void setRiskMarks(RiskMarks marks) {
        this.riskMarks = Objects.requireNonNull(marks, "marks");
    }

    /** The margin terms a position was given, if any (positions without use the settings' defaults). */
    public java.util.Optional<PositionMargin> margin(InstrumentId instrument) {
        return java.util.Optional.ofNullable(margins.get(instrument));
    }

    public Map<InstrumentId, PositionMargin> margins() {
        return Map.copyOf(margins);
    }

    public void setMargin(InstrumentId instrument, PositionMargin margin) {
        revision++;
        if (Objects.requireNonNull(margin, "margin").equals(margins.get(instrument))) {
            return; // the same terms (a fill of a cross position): the map keeps its equal value
        }
        ownMargins().put(instrument, margin);
        termsRevision++;
    }

    /** The terms map, copied first when it is shared with a copy or the copy's source. */
    private TreeMap<InstrumentId, PositionMargin> ownMargins() {
        if (marginsShared) {
            margins = new TreeMap<>(margins);
            marginsShared = false;
        }
        return margins;
    }

    /** The quote-currency map, copied first when it is shared with a copy or the copy's source. */
    private TreeMap<InstrumentId, Currency> ownPositionCurrency() {
        if (positionCurrencyShared) {
            positionCurrency = new TreeMap<>(positionCurrency);
            positionCurrencyShared = false;
        }
        return positionCurrency;
    }

    /** The account terms as an immutable value. */
    public PortfolioAccount account() {
        // The frozen copy of the margin terms is kept while settings and terms stay (every change of
        // either moves the revision); only the risk marks move without one.
        PortfolioAccount a = account;
        if (a == null || accountRevision != termsRevision) {
            a = new PortfolioAccount(settings, margins, riskMarks);
            accountRevision = termsRevision;
        } else if (a.marks() != riskMarks) {
            a = a.withMarks(riskMarks);
        }
        account = a;
        return a;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean archived() {
        return archived;
    }

    /** Every currency bucket, base currency included, in currency-code order. */
    public List<CurrencyBalance> balances() {
        // One bucket is the usual case (a snapshot is made after every fill): no array copied for it.
        return balances.size() == 1 ? List.of(balances.firstEntry().getValue()) : List.copyOf(balances.values());
    }

    public CurrencyBalance balance(Currency currency) {
        CurrencyBalance b = balances.get(currency); // no empty bucket made when there is one
        return b != null ? b : CurrencyBalance.empty(currency);
    }

    /** Cash in the base currency's bucket (other currencies are in {@link #balances}). */
    public BigDecimal cash() {
        return balance(baseCurrency).cash();
    }

    public Position position(InstrumentId instrument) {
        Position held = held(instrument);
        // the flat position only when there is none: every price asks about every portfolio
        return held != null ? held : Position.flat(instrument);
    }

    /**
     * The signed quantity held in an instrument, as {@code position(instrument).quantity()} but
     * without a flat {@link Position} for an instrument not held: {@link BigDecimal#ZERO} then.
     * Strategies and the venue read it on every bar.
     */
    public BigDecimal quantityOf(InstrumentId instrument) {
        Position held = held(instrument);
        return held != null ? held.quantity() : BigDecimal.ZERO;
    }

    /**
     * The position held in {@code instrument}, or null. The ids the engine asks with (a quote's, a
     * strategy's) are equal to the map's keys but other objects, so each lookup compared their texts;
     * an id asked for again is looked up by the position's own id object instead, which the tree
     * compares by identity. Any id equal to the asked one finds the same entry, so the alias is right
     * whatever the map holds now; it is one immutable pair, read and written whole.
     */
    private Position held(InstrumentId instrument) {
        IdAlias a = alias;
        InstrumentId key = a != null && a.asked == instrument ? a.key : instrument;
        Position held = positions.get(key);
        if (held != null && key == instrument && held.instrumentId() != instrument) {
            alias = new IdAlias(instrument, held.instrumentId());
        }
        return held;
    }

    /** An id asked for and an equal id object the positions are keyed by. */
    private record IdAlias(InstrumentId asked, InstrumentId key) {}

    private IdAlias alias;

    /**
     * Whether a position in {@code instrument} is open, as {@code !position(instrument).isFlat()} but
     * without a flat {@link Position} for an instrument not held: every quote asks every portfolio.
     */
    public boolean holds(InstrumentId instrument) {
        Position held = held(instrument);
        return held != null && !held.isFlat();
    }

    /** The currency a position's cost and P&amp;L are booked in (its instrument's quote currency). */
    public Currency positionCurrency(InstrumentId instrument) {
        return positionCurrency.getOrDefault(instrument, baseCurrency);
    }

    /** The quote currency of every instrument ever traded. */
    public Map<InstrumentId, Currency> positionCurrencies() {
        return Map.copyOf(positionCurrency);
    }

    /** Positions ever traded, including flat ones that still carry realized P&amp;L. */
    public List<Position> positions() {
        return List.copyOf(positions.values());
    }

    /**
     * Positions ever traded, in instrument order, as a read-only view of the live map rather than a
     * copy: for valuations on the engine thread that must not allocate per call.
     */
    public java.util.Collection<Position> positionsView() {
        return java.util.Collections.unmodifiableCollection(positions.values());
    }

    /** Every currency bucket in currency-code order, as a read-only view (engine thread). */
    public java.util.Collection<CurrencyBalance> balancesView() {
        return java.util.Collections.unmodifiableCollection(balances.values());
    }

    /** The margin terms a position was given, or {@code null}: {@link #margin} without the Optional. */
    public PositionMargin marginTerms(InstrumentId instrument) {
        return margins.get(instrument);
    }

    /** Sum of the signed cost basis of the open lots booked in {@code currency}. */
    public BigDecimal costBasis(Currency currency) {
        BigDecimal total = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            if (positionCurrency(p.instrumentId()).equals(currency)) {
                total = total.add(p.costBasis());
            }
        }
        return total;
    }

    /**
     * Books a fill: the position's lots, realized P&amp;L, cash and fees of the quote-currency bucket
     * move together, and the ledger entries describing the cash movement are returned.
     */
    public List<LedgerEntry> applyFill(Fill fill, Instrument instrument) {
        BigDecimal tradeCash = book(fill, instrument);
        Currency currency = instrument.quoteCurrency();
        BigDecimal fee = fill.fee().amount();
        // The entries' texts ("F12", "BUY 1 ACME@sim @ 100.05") are written when first read.
        LedgerEntry trade = LedgerEntry.ofFill(id, LedgerKind.TRADE, tradeCash, currency, fill);
        if (fee.signum() == 0) {
            return List.of(trade);
        }
        return List.of(trade, LedgerEntry.ofFill(id, LedgerKind.FEE, fee.negate(), currency, fill));
    }

    /**
     * Books a fill exactly as {@link #applyFill} does, without describing it in ledger entries: for
     * the what-if copies of the pre-trade checks, whose ledger nobody reads.
     */
    public void applyHypotheticalFill(Fill fill, Instrument instrument) {
        book(fill, instrument);
    }

    /**
     * What booking {@code fill} would leave, without changing this portfolio: the position and the
     * quote-currency bucket exactly as {@link #applyFill} would leave them (the same checks, values
     * and scales). For what-if checks that value the portfolio with an order booked without copying
     * the portfolio.
     */
    public Booking whatIf(Fill fill, Instrument instrument) {
        return booking(fill, instrument);
    }

    /**
     * A fill's effect on a portfolio: the position it leaves, the bucket of {@code currency} (the
     * instrument's quote currency) it leaves, and the trade's cash flow (fee excluded).
     */
    public record Booking(Position position, Currency currency, CurrencyBalance balance, BigDecimal tradeCash) {}

    private Booking booking(Fill fill, Instrument instrument) {
        if (!fill.portfolioId().equals(id)) {
            throw new IllegalArgumentException("fill " + fill.id() + " belongs to " + fill.portfolioId());
        }
        Currency currency = instrument.quoteCurrency();
        if (!fill.fee().currency().equals(currency)) {
            throw new IllegalStateException(
                    "fill " + fill.id() + " charges its fee in " + fill.fee().currency() + ", not " + currency);
        }
        Currency held = positionCurrency.get(fill.instrumentId());
        if (held != null && !held.equals(currency)) {
            throw new IllegalStateException(fill.instrumentId() + " changed quote currency");
        }
        BigDecimal signedQty =
                fill.quantity().value().multiply(BigDecimal.valueOf(fill.side().sign()));
        Position.Trade trade = position(fill.instrumentId())
                .apply(
                        signedQty,
                        fill.price().value(),
                        instrument.multiplier(),
                        settings.costBasisMethod(),
                        fill.timestamp());
        BigDecimal tradeCash = signedQty.negate().multiply(fill.price().value()).multiply(instrument.multiplier());
        BigDecimal fee = fill.fee().amount();
        return new Booking(
                trade.position(), currency, balance(currency).book(tradeCash, trade.realizedPnl(), fee), tradeCash);
    }

    /** Moves the position, cash, realized P&amp;L and fees of a fill; returns the trade's cash flow. */
    private BigDecimal book(Fill fill, Instrument instrument) {
        revision++;
        Booking b = booking(fill, instrument);
        if (!positionCurrency.containsKey(fill.instrumentId())) {
            ownPositionCurrency().put(fill.instrumentId(), b.currency());
        }
        positions.put(fill.instrumentId(), b.position());
        balances.put(b.currency(), b.balance());
        return b.tradeCash();
    }

    /** Adds money to a currency bucket, tracked apart from P&amp;L; returns its TOP_UP ledger entry. */
    public LedgerEntry topUp(BigDecimal amount, Currency currency, Instant at) {
        revision++;
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a top-up must be positive, not " + amount.toPlainString());
        }
        balances.put(currency, balance(currency).topUp(amount));
        return new LedgerEntry(id, at, LedgerKind.TOP_UP, amount, currency, "", "top-up");
    }

    /**
     * Starts over: every position is wiped, every bucket emptied and the base currency holds the
     * starting balance again. Returns the RESET ledger entries that bring each bucket's cash there,
     * so the ledger still sums to the cash; fills, ledger and journal before the reset are kept.
     */
    public List<LedgerEntry> reset(Instant at) {
        revision++;
        List<LedgerEntry> entries = new ArrayList<>();
        for (CurrencyBalance b : List.copyOf(balances.values())) {
            BigDecimal target = b.currency().equals(baseCurrency) ? startingBalance : BigDecimal.ZERO;
            BigDecimal delta = target.subtract(b.cash());
            if (delta.signum() != 0) {
                entries.add(new LedgerEntry(id, at, LedgerKind.RESET, delta, b.currency(), "", "reset"));
            }
            balances.put(b.currency(), CurrencyBalance.restart(b.currency(), target));
        }
        positions.clear();
        positionCurrency = new TreeMap<>();
        positionCurrencyShared = false;
        margins = new TreeMap<>();
        marginsShared = false;
        termsRevision++;
        riskMarks = RiskMarks.start(at.atZone(java.time.ZoneOffset.UTC).toLocalDate(), startingBalance);
        return entries;
    }

    /**
     * Books a perpetual funding payment on a position (positive received, negative paid) in its
     * currency. An isolated position's margin absorbs the payment.
     */
    public LedgerEntry bookFunding(InstrumentId instrument, BigDecimal signedAmount, Instant at, String note) {
        revision++;
        Currency currency = positionCurrency(instrument);
        balances.put(currency, balance(currency).funding(signedAmount));
        PositionMargin m = margins.get(instrument);
        if (m != null && m.mode() == MarginMode.ISOLATED) {
            ownMargins().put(instrument, m.withIsolatedMargin(m.isolatedMargin().add(signedAmount)));
            termsRevision++;
        }
        return new LedgerEntry(id, at, LedgerKind.FUNDING, signedAmount, currency, instrument.toString(), note);
    }

    /** Books a short borrow fee (a positive amount, debited) on a position's currency. */
    public LedgerEntry bookBorrowFee(InstrumentId instrument, BigDecimal fee, Instant at, String note) {
        revision++;
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("a borrow fee must not be negative");
        }
        Currency currency = positionCurrency(instrument);
        balances.put(currency, balance(currency).borrow(fee));
        return new LedgerEntry(id, at, LedgerKind.BORROW, fee.negate(), currency, instrument.toString(), note);
    }

    /** Books the insurance fund's cover of a liquidation shortfall (a credit). */
    public LedgerEntry bookInsuranceCredit(Currency currency, BigDecimal credit, Instant at, String ref, String note) {
        revision++;
        if (credit.signum() <= 0) {
            throw new IllegalArgumentException("an insurance credit must be positive");
        }
        balances.put(currency, balance(currency).insurance(credit));
        return new LedgerEntry(id, at, LedgerKind.INSURANCE, credit, currency, ref, note);
    }

    /** Books an auto-deleveraging transfer: negative on the deleveraged account, positive on the liquidated one. */
    public LedgerEntry bookAdl(Currency currency, BigDecimal signedAmount, Instant at, String ref, String note) {
        revision++;
        balances.put(currency, balance(currency).adl(signedAmount));
        return new LedgerEntry(id, at, LedgerKind.ADL, signedAmount, currency, ref, note);
    }

    /**
     * An immutable view valued at the given marks (in each instrument's quote currency) and
     * converted to the base currency at {@code fx}. Instruments without a mark are valued at cost;
     * currencies without a rate are left out of the base totals and listed in
     * {@link PortfolioSnapshot#unconvertible()}.
     */
    public PortfolioSnapshot snapshot(
            Function<InstrumentId, BigDecimal> marks, Function<InstrumentId, BigDecimal> multipliers, FxRates fx) {
        return snapshot(marks, multipliers, fx, BigDecimal.ZERO);
    }

    /**
     * The cash in the base currency at {@code fx}: the {@code cash()} of {@link #snapshot(Function,
     * Function, FxRates)} at those rates (value and scale), without valuing the positions. Buckets
     * without a rate are left out, as there.
     */
    public BigDecimal cashIn(FxRates fx) {
        BigDecimal cashBase = BigDecimal.ZERO;
        for (CurrencyBalance b : balances.values()) {
            BigDecimal rate = fx.rate(b.currency(), baseCurrency).orElse(null);
            if (rate != null) {
                cashBase = plus(cashBase, Decimals.times(b.cash(), rate));
            }
        }
        return cashBase;
    }

    /**
     * The equity in the base currency at {@code marks}, {@code multipliers} and {@code fx}: the
     * {@code equity()} of {@link #snapshot(Function, Function, FxRates)} at those (value and scale),
     * by the same expressions, without making the snapshot or its position views.
     */
    public BigDecimal equityIn(
            Function<InstrumentId, BigDecimal> marks, Function<InstrumentId, BigDecimal> multipliers, FxRates fx) {
        BigDecimal marketValueBase = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            BigDecimal rate =
                    fx.rate(positionCurrency(p.instrumentId()), baseCurrency).orElse(null);
            if (rate == null) {
                continue; // left out of the snapshot's sums too
            }
            BigDecimal multiplier = multipliers.apply(p.instrumentId());
            BigDecimal mark = marks.apply(p.instrumentId());
            BigDecimal value = marketValue(p.quantity(), p.costBasis(), mark, multiplier);
            marketValueBase = plus(marketValueBase, Decimals.times(value, rate));
        }
        return plus(cashIn(fx), marketValueBase);
    }

    /**
     * A position's market value in its own currency, at cost without a mark ({@code Position.marketValue}'s
     * expression; × 1 returns its operand, the same value and scale without a new object).
     */
    private static BigDecimal marketValue(
            BigDecimal quantity, BigDecimal cost, BigDecimal mark, BigDecimal multiplier) {
        return mark == null ? cost : Decimals.times(quantity.multiply(mark), multiplier);
    }

    /** {@link #snapshot(Function, Function, FxRates)} with {@code reservedForOrders} held back for working orders. */
    public PortfolioSnapshot snapshot(
            Function<InstrumentId, BigDecimal> marks,
            Function<InstrumentId, BigDecimal> multipliers,
            FxRates fx,
            BigDecimal reservedForOrders) {
        // Made only when a currency has no rate (rarely): most snapshots need neither list nor lambda.
        List<Currency> unconvertible = null;
        PendingView[] pending = new PendingView[positions.size()];
        int n = 0;
        BigDecimal unrealizedBase = BigDecimal.ZERO;
        BigDecimal marketValueBase = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            Currency currency = positionCurrency(p.instrumentId());
            BigDecimal multiplier = multipliers.apply(p.instrumentId());
            BigDecimal mark = marks.apply(p.instrumentId());
            // Quantity and cost read once (each is a sum over the lots); the expression is that of
            // Position.marketValue.
            BigDecimal quantity = p.quantity();
            BigDecimal cost = p.costBasis();
            BigDecimal value = marketValue(quantity, cost, mark, multiplier);
            BigDecimal upnl = value.subtract(cost);
            BigDecimal rate = fx.rate(currency, baseCurrency).orElse(null);
            if (rate == null) {
                unconvertible = noRate(unconvertible, currency);
            }
            BigDecimal upnlBase = rate == null ? null : Decimals.times(upnl, rate);
            if (rate != null) {
                unrealizedBase = plus(unrealizedBase, upnlBase);
                marketValueBase = plus(marketValueBase, Decimals.times(value, rate));
            }
            pending[n++] = new PendingView(p, currency, quantity, cost, multiplier, mark, value, upnl, upnlBase);
        }
        BigDecimal cashBase = BigDecimal.ZERO;
        BigDecimal realizedBase = BigDecimal.ZERO;
        BigDecimal feesBase = BigDecimal.ZERO;
        // Every position's currency has a bucket (fills book cash there), so the buckets cover all rates.
        // One bucket (the usual case) makes an immutable one-entry map, which the snapshot keeps as is.
        Map<Currency, BigDecimal> rates = balances.size() == 1 ? null : new java.util.HashMap<>();
        for (CurrencyBalance b : balances.values()) {
            BigDecimal rate = fx.rate(b.currency(), baseCurrency).orElse(null);
            if (rate == null) {
                unconvertible = noRate(unconvertible, b.currency());
            } else {
                if (rates == null) {
                    rates = Map.of(b.currency(), rate);
                } else {
                    rates.put(b.currency(), rate);
                }
                cashBase = plus(cashBase, Decimals.times(b.cash(), rate));
                realizedBase = plus(realizedBase, Decimals.times(b.realizedPnl(), rate));
                feesBase = plus(feesBase, Decimals.times(b.feesPaid(), rate));
            }
        }
        // The views (an average price is a 34-digit division each) are built when first read.
        int size = n;
        List<PositionView> views = new DeferredPositions(
                size,
                () -> {
                    List<PositionView> out = new ArrayList<>(size);
                    for (PendingView v : pending) {
                        out.add(v.view());
                    }
                    return out;
                },
                java.util.Arrays.asList(pending));
        return new PortfolioSnapshot(
                id,
                name,
                description,
                baseCurrency,
                startingBalance,
                cashBase,
                realizedBase,
                feesBase,
                unrealizedBase,
                plus(cashBase, marketValueBase),
                settings.costBasisMethod(),
                archived,
                createdAt,
                balances(),
                views,
                unconvertible == null ? List.of() : unconvertible,
                rates == null ? Map.of() : rates,
                account(),
                reservedForOrders);
    }

    /**
     * What a position view is made of, captured at the snapshot's instant; immutable. Its figures
     * are the view's, the average price worked out when asked (margin books never ask).
     */
    private record PendingView(
            Position position,
            Currency currency,
            BigDecimal quantity,
            BigDecimal costBasis,
            BigDecimal multiplier,
            BigDecimal mark,
            BigDecimal marketValue,
            BigDecimal unrealizedPnl,
            BigDecimal unrealizedPnlBase)
            implements PositionFigures {
        @Override
        public InstrumentId instrumentId() {
            return position.instrumentId();
        }

        @Override
        public BigDecimal realizedPnl() {
            return position.realizedPnl();
        }

        /** By the expression of {@link Position#averagePrice}. */
        @Override
        public BigDecimal averagePrice() {
            return quantity.signum() == 0
                    ? BigDecimal.ZERO
                    : costBasis.divide(quantity.multiply(multiplier), Decimals.DIVISION);
        }

        PositionView view() {
            return new PositionView(
                    position.instrumentId(),
                    currency,
                    quantity,
                    averagePrice(),
                    costBasis,
                    mark,
                    marketValue,
                    unrealizedPnl,
                    position.realizedPnl(),
                    unrealizedPnlBase);
        }
    }

    /** Single-currency valuation (every rate must be the identity). */
    /**
     * {@code total.add(x)}; while {@code total} is still the sum's starting {@link BigDecimal#ZERO},
     * {@code x} itself when its scale is not negative (0 + x is then x in value and scale), and
     * {@code total} itself when {@code x} is that zero: a one-bucket, one-position valuation makes
     * no copies of its figures.
     */
    private static BigDecimal plus(BigDecimal total, BigDecimal x) {
        if (total == BigDecimal.ZERO && x.scale() >= 0) {
            return x;
        }
        return x == BigDecimal.ZERO && total.scale() >= 0 ? total : total.add(x);
    }

    /** {@code list} (made when {@code null}) with {@code currency} added once: the currencies without a rate. */
    private static List<Currency> noRate(List<Currency> list, Currency currency) {
        List<Currency> out = list == null ? new ArrayList<>(1) : list;
        if (!out.contains(currency)) {
            out.add(currency);
        }
        return out;
    }

    public PortfolioSnapshot snapshot(
            Function<InstrumentId, BigDecimal> marks, Function<InstrumentId, BigDecimal> multipliers) {
        return snapshot(marks, multipliers, FxRates.IDENTITY);
    }
}
