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
 * A paper account: cash, positions and running totals. Mutable, and owned by the engine thread;
 * everyone else sees it through {@link #snapshot}.
 *
 * <p>Invariant (exact): {@code cash + Σ costBasis = startingBalance + topUps + realizedPnl − fees}.
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
    private BigDecimal cash;
    private BigDecimal realizedPnl;
    private BigDecimal feesPaid;
    private final Map<InstrumentId, Position> positions = new TreeMap<>();

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
                startingBalance,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                List.of());
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
            BigDecimal cash,
            BigDecimal realizedPnl,
            BigDecimal feesPaid,
            List<Position> positions) {
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
        this.cash = cash;
        this.realizedPnl = realizedPnl;
        this.feesPaid = feesPaid;
        for (Position p : positions) {
            this.positions.put(p.instrumentId(), p);
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
                cash,
                realizedPnl,
                feesPaid,
                positions());
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

    public BigDecimal cash() {
        return cash;
    }

    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    public BigDecimal feesPaid() {
        return feesPaid;
    }

    public Position position(InstrumentId instrument) {
        return positions.getOrDefault(instrument, Position.flat(instrument));
    }

    /** Positions ever traded, including flat ones that still carry realized P&amp;L. */
    public List<Position> positions() {
        return List.copyOf(positions.values());
    }

    /** Sum of the signed cost basis of every open lot. */
    public BigDecimal costBasis() {
        BigDecimal total = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            total = total.add(p.costBasis());
        }
        return total;
    }

    /**
     * Books a fill: the position's lots, realized P&amp;L, cash and fees move together, and the
     * ledger entries describing the cash movement are returned.
     */
    public List<LedgerEntry> applyFill(Fill fill, Instrument instrument) {
        if (!fill.portfolioId().equals(id)) {
            throw new IllegalArgumentException("fill " + fill.id() + " belongs to " + fill.portfolioId());
        }
        if (!fill.fee().currency().equals(baseCurrency)
                || !instrument.quoteCurrency().equals(baseCurrency)) {
            throw new IllegalStateException(
                    "fill " + fill.id() + " is in " + instrument.quoteCurrency() + ", portfolio is in " + baseCurrency);
        }
        BigDecimal signedQty =
                fill.quantity().value().multiply(BigDecimal.valueOf(fill.side().sign()));
        Position.Trade trade = position(fill.instrumentId())
                .apply(signedQty, fill.price().value(), instrument.multiplier(), costBasisMethod, fill.timestamp());
        positions.put(fill.instrumentId(), trade.position());
        BigDecimal tradeCash = signedQty.negate().multiply(fill.price().value()).multiply(instrument.multiplier());
        BigDecimal fee = fill.fee().amount();
        cash = cash.add(tradeCash).subtract(fee);
        realizedPnl = realizedPnl.add(trade.realizedPnl());
        feesPaid = feesPaid.add(fee);
        List<LedgerEntry> entries = new ArrayList<>(2);
        String ref = fill.id().toString();
        String what = fill.side() + " " + fill.quantity() + " " + fill.instrumentId() + " @ " + fill.price();
        entries.add(new LedgerEntry(id, fill.timestamp(), LedgerKind.TRADE, tradeCash, baseCurrency, ref, what));
        if (fee.signum() != 0) {
            entries.add(new LedgerEntry(id, fill.timestamp(), LedgerKind.FEE, fee.negate(), baseCurrency, ref, "fee"));
        }
        return entries;
    }

    /**
     * An immutable view valued at the given marks; instruments without a mark are valued at cost.
     */
    public PortfolioSnapshot snapshot(
            Function<InstrumentId, BigDecimal> marks, Function<InstrumentId, BigDecimal> multipliers) {
        List<PositionView> views = new ArrayList<>();
        BigDecimal unrealized = BigDecimal.ZERO;
        for (Position p : positions.values()) {
            BigDecimal multiplier = multipliers.apply(p.instrumentId());
            BigDecimal mark = marks.apply(p.instrumentId());
            BigDecimal value = mark == null ? p.costBasis() : p.marketValue(mark, multiplier);
            BigDecimal upnl = value.subtract(p.costBasis());
            unrealized = unrealized.add(upnl);
            views.add(new PositionView(
                    p.instrumentId(),
                    p.quantity(),
                    p.averagePrice(multiplier),
                    p.costBasis(),
                    mark,
                    value,
                    upnl,
                    p.realizedPnl()));
        }
        BigDecimal equity = cash.add(costBasis()).add(unrealized);
        return new PortfolioSnapshot(
                id,
                name,
                description,
                baseCurrency,
                startingBalance,
                cash,
                realizedPnl,
                feesPaid,
                unrealized,
                equity,
                costBasisMethod,
                archived,
                createdAt,
                views);
    }
}
