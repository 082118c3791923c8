package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
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
    private final String name;
    private final String description;
    private final Currency baseCurrency;
    private final BigDecimal startingBalance;
    private final CostBasisMethod costBasisMethod;
    private final Instant createdAt;
    private final boolean archived;
    private final Map<Currency, CurrencyBalance> balances =
            new TreeMap<>((a, b) -> a.code().compareTo(b.code()));
    private final Map<InstrumentId, Position> positions = new TreeMap<>();
    private final Map<InstrumentId, Currency> positionCurrency = new TreeMap<>();

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
                costBasisMethod,
                createdAt,
                false,
                List.of(CurrencyBalance.empty(baseCurrency).deposit(startingBalance)),
                List.of(),
                Map.of());
    }

    /** Restores a portfolio exactly as persisted. */
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
        this.id = Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("portfolio name must not be blank");
        }
        if (startingBalance.signum() < 0) {
            throw new IllegalArgumentException("starting balance must not be negative");
        }
        this.name = name.strip();
        this.description = description == null ? "" : description;
        this.baseCurrency = Objects.requireNonNull(baseCurrency, "baseCurrency");
        this.startingBalance = startingBalance;
        this.costBasisMethod = Objects.requireNonNull(costBasisMethod, "costBasisMethod");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.archived = archived;
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
        return new Portfolio(
                id,
                name,
                description,
                baseCurrency,
                startingBalance,
                costBasisMethod,
                createdAt,
                archived,
                balances(),
                positions(),
                positionCurrency);
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
        return costBasisMethod;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean archived() {
        return archived;
    }

    /** Every currency bucket, base currency included, in currency-code order. */
    public List<CurrencyBalance> balances() {
        return List.copyOf(balances.values());
    }

    public CurrencyBalance balance(Currency currency) {
        return balances.getOrDefault(currency, CurrencyBalance.empty(currency));
    }

    /** Cash in the base currency's bucket (other currencies are in {@link #balances}). */
    public BigDecimal cash() {
        return balance(baseCurrency).cash();
    }

    public Position position(InstrumentId instrument) {
        return positions.getOrDefault(instrument, Position.flat(instrument));
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
        if (!fill.portfolioId().equals(id)) {
            throw new IllegalArgumentException("fill " + fill.id() + " belongs to " + fill.portfolioId());
        }
        Currency currency = instrument.quoteCurrency();
        if (!fill.fee().currency().equals(currency)) {
            throw new IllegalStateException(
                    "fill " + fill.id() + " charges its fee in " + fill.fee().currency() + ", not " + currency);
        }
        Currency held = positionCurrency.putIfAbsent(fill.instrumentId(), currency);
        if (held != null && !held.equals(currency)) {
            throw new IllegalStateException(fill.instrumentId() + " changed quote currency");
        }
        BigDecimal signedQty =
                fill.quantity().value().multiply(BigDecimal.valueOf(fill.side().sign()));
        Position.Trade trade = position(fill.instrumentId())
                .apply(signedQty, fill.price().value(), instrument.multiplier(), costBasisMethod, fill.timestamp());
        positions.put(fill.instrumentId(), trade.position());
        BigDecimal tradeCash = signedQty.negate().multiply(fill.price().value()).multiply(instrument.multiplier());
        BigDecimal fee = fill.fee().amount();
        balances.put(currency, balance(currency).book(tradeCash, trade.realizedPnl(), fee));
        List<LedgerEntry> entries = new ArrayList<>(2);
        String ref = fill.id().toString();
        String what = fill.side() + " " + fill.quantity() + " " + fill.instrumentId() + " @ " + fill.price();
        entries.add(new LedgerEntry(id, fill.timestamp(), LedgerKind.TRADE, tradeCash, currency, ref, what));
        if (fee.signum() != 0) {
            entries.add(new LedgerEntry(id, fill.timestamp(), LedgerKind.FEE, fee.negate(), currency, ref, "fee"));
        }
        return entries;
    }

    /**
     * An immutable view valued at the given marks (in each instrument's quote currency) and
     * converted to the base currency at {@code fx}. Instruments without a mark are valued at cost;
     * currencies without a rate are left out of the base totals and listed in
     * {@link PortfolioSnapshot#unconvertible()}.
     */
    public PortfolioSnapshot snapshot(
            Function<InstrumentId, BigDecimal> marks, Function<InstrumentId, BigDecimal> multipliers, FxRates fx) {
        List<Currency> unconvertible = new ArrayList<>();
        Function<Currency, BigDecimal> toBase = c -> {
            BigDecimal r = fx.rate(c, baseCurrency).orElse(null);
            if (r == null && !unconvertible.contains(c)) {
                unconvertible.add(c);
            }
            return r;
        };
        List<PositionView> views = new ArrayList<>();
        BigDecimal unrealizedBase = BigDecimal.ZERO;
        BigDecimal marketValueBase = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            Currency currency = positionCurrency(p.instrumentId());
            BigDecimal multiplier = multipliers.apply(p.instrumentId());
            BigDecimal mark = marks.apply(p.instrumentId());
            BigDecimal value = mark == null ? p.costBasis() : p.marketValue(mark, multiplier);
            BigDecimal upnl = value.subtract(p.costBasis());
            BigDecimal rate = toBase.apply(currency);
            if (rate != null) {
                unrealizedBase = unrealizedBase.add(upnl.multiply(rate));
                marketValueBase = marketValueBase.add(value.multiply(rate));
            }
            views.add(new PositionView(
                    p.instrumentId(),
                    currency,
                    p.quantity(),
                    p.averagePrice(multiplier),
                    p.costBasis(),
                    mark,
                    value,
                    upnl,
                    p.realizedPnl(),
                    rate == null ? null : upnl.multiply(rate)));
        }
        BigDecimal cashBase = BigDecimal.ZERO;
        BigDecimal realizedBase = BigDecimal.ZERO;
        BigDecimal feesBase = BigDecimal.ZERO;
        for (CurrencyBalance b : balances.values()) {
            BigDecimal rate = toBase.apply(b.currency());
            if (rate != null) {
                cashBase = cashBase.add(b.cash().multiply(rate));
                realizedBase = realizedBase.add(b.realizedPnl().multiply(rate));
                feesBase = feesBase.add(b.feesPaid().multiply(rate));
            }
        }
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
                cashBase.add(marketValueBase),
                costBasisMethod,
                archived,
                createdAt,
                balances(),
                views,
                unconvertible);
    }

    /** Single-currency valuation (every rate must be the identity). */
    public PortfolioSnapshot snapshot(
            Function<InstrumentId, BigDecimal> marks, Function<InstrumentId, BigDecimal> multipliers) {
        return snapshot(marks, multipliers, FxRates.IDENTITY);
    }
}
