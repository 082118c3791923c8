package dev.paperdesk.engine.session;

import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.portfolio.FxRates;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.Position;
import dev.paperdesk.engine.portfolio.PositionFigures;
import dev.paperdesk.engine.portfolio.PositionMargin;
import dev.paperdesk.engine.portfolio.RiskMarks;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import dev.paperdesk.engine.portfolio.margin.AccountRecord.PortfolioEventKind;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.portfolio.margin.AutoDeleveraging;
import dev.paperdesk.engine.portfolio.margin.CarryCharges;
import dev.paperdesk.engine.portfolio.margin.InsuranceFund;
import dev.paperdesk.engine.portfolio.margin.LiquidationPlanner;
import dev.paperdesk.engine.portfolio.margin.LiquidationStep;
import dev.paperdesk.engine.portfolio.margin.MarginBook;
import dev.paperdesk.engine.portfolio.margin.MarginCalculator;
import dev.paperdesk.engine.portfolio.margin.MarginSchedule;
import dev.paperdesk.engine.portfolio.margin.PositionMarginView;
import dev.paperdesk.engine.portfolio.margin.PreTradeFigures;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import dev.paperdesk.engine.risk.OrderIntent;
import dev.paperdesk.engine.risk.PositionSizer;
import dev.paperdesk.engine.risk.PreTradeChecks;
import dev.paperdesk.engine.risk.ReturnCorrelations;
import dev.paperdesk.engine.risk.RiskVerdict;
import dev.paperdesk.engine.store.ChangeSet;
import dev.paperdesk.engine.store.WorkspaceStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The account side of the engine: pre-trade margin and risk checks, margin terms of new positions,
 * mark prices, funding settlement, short borrow fees, margin warnings, liquidation with its
 * insurance fund and auto-deleveraging, and the portfolio commands (create, reset, top up,
 * archive, clone, delete, settings).
 *
 * <p>Engine-thread methods are called by {@link TradingEngine} on the event loop; each of their
 * steps is committed as one {@link ChangeSet} through the {@link Host} before it becomes visible.
 * {@link #account}, {@link #history} and {@link #fundBalances} may be called from any thread.
 */
public final class AccountService {
    /** What the account service needs from the engine that owns the state. */
    public interface Host {
        Instant now();

        /** Whole seconds of {@link #now()} since the epoch (floor); a host may give them without an {@code Instant}. */
        default long nowEpochSecond() {
            return now().getEpochSecond();
        }

        /** The live portfolios (engine thread only), deleted ones excluded. */
        Map<PortfolioId, Portfolio> portfolios();

        /**
         * {@code portfolios().get(id)}: asked on every price of a held instrument, so a host may
         * answer without going through the read-only view.
         */
        default Portfolio portfolio(PortfolioId id) {
            return portfolios().get(id);
        }

        Map<InstrumentId, Instrument> instruments();

        /** The latest quote (engine thread). */
        Optional<Quote> quote(InstrumentId id);

        /**
         * Whether anyone takes the order path's warnings ({@link EngineListener#followsAccounts()}):
         * the funds check then evaluates the limits that only warn and writes their texts.
         */
        default boolean publishing() {
            return true;
        }

        /** The mid of the latest quote, or {@code null} without one (engine thread). */
        default BigDecimal mid(InstrumentId id) {
            return quote(id).map(q -> q.mid().value()).orElse(null);
        }

        FxRates fx();

        /** Values a portfolio at the engine's marks and rates. */
        PortfolioSnapshot value(Portfolio p);

        /** {@link #value(Portfolio)} with {@code reservedForOrders} held back instead of what is reserved now. */
        PortfolioSnapshot value(Portfolio p, BigDecimal reservedForOrders);

        /** What the working orders of a portfolio hold back now (as {@link #value} includes it). */
        BigDecimal reservedForOrders(PortfolioId id);

        /** The published snapshot of a portfolio; safe from any thread. */
        Optional<PortfolioSnapshot> published(PortfolioId id);

        /** The equity of the published snapshot, engine thread; a host may give it without a snapshot. */
        default Optional<BigDecimal> publishedEquity(PortfolioId id) {
            return published(id).map(PortfolioSnapshot::equity);
        }

        /** The published quote of an instrument; safe from any thread. */
        Optional<Quote> publishedQuote(InstrumentId id);

        OrderId nextOrderId();

        FillId nextFillId();

        PortfolioId nextPortfolioId();

        /**
         * Commits {@code changes}, then makes them live: portfolios (deleted ones removed), orders
         * and fills; refreshes the views, publishes PortfolioChanged for each portfolio, then
         * {@code events}.
         */
        void apply(ChangeSet changes, List<EngineEvent> events);

        /** Recomputes the published snapshots of these portfolios and announces them. */
        void refresh(Collection<PortfolioId> ids);

        void publish(EngineEvent event);

        /** Submits an order through the normal pipeline. */
        Order submit(OrderRequest request);
    }

    /** Tag of the orders the liquidation engine books. */
    public static final String LIQUIDATION_TAG = "LIQUIDATION";

    private static final String CROSS_POOL = "cross";

    private final Host host;
    private final WorkspaceStore store;
    private final MarginCalculator calculator = MarginCalculator.DEFAULT;
    private final Map<InstrumentId, MarkPrice> marks = new ConcurrentHashMap<>();
    private final Map<PortfolioId, Map<String, WarningLevel>> levels = new HashMap<>();
    private final Map<PortfolioId, Cached> cache = new ConcurrentHashMap<>();
    private final ReturnCorrelations correlations;
    /** Exact running valuations, re-valued tick by tick; rebuilt when their portfolio changes. */
    private final Map<PortfolioId, MarginBook> books = new HashMap<>();
    /** The book whose build-time levels are the recorded ones, per portfolio. */
    private final Map<PortfolioId, MarginBook> supervised = new HashMap<>();

    private volatile InsuranceFund fund = new InsuranceFund();
    private LocalDate accrualDay;

    private record Cached(PortfolioSnapshot source, AccountSnapshot account) {}

    // The engine's lookups as functions, made once: a method reference is a new object per
    // evaluation, and the pre-trade checks pass four of them per pass, two passes per order.
    private final Function<InstrumentId, BigDecimal> currentMarks = this::currentMark;
    private final Function<InstrumentId, BigDecimal> multipliers = this::multiplier;
    private final Function<InstrumentId, BigDecimal> mids = this::mid;
    private final Function<InstrumentId, Instrument> instrumentLookup = this::instrument;

    public AccountService(Host host, WorkspaceStore store, Duration correlationInterval, int correlationWindow) {
        this.host = host;
        this.store = store;
        this.correlations = new ReturnCorrelations(correlationInterval, correlationWindow);
    }

    /** One-minute returns over the last two hours. */
    public AccountService(Host host, WorkspaceStore store) {
        this(host, store, Duration.ofMinutes(1), 120);
    }

    /** Rebuilds the insurance fund from the workspace's history; call once after the engine restored. */
    public void restore() {
        fund = InsuranceFund.replay(store.accountHistory());
        accrualDay = day(host.now());
    }

    // --------------------------------------------------------------------------- read side

    /** The margin account of a portfolio as last published; computed on the caller's thread. */
    public Optional<AccountSnapshot> account(PortfolioId id) {
        return host.published(id).map(s -> {
            Cached c = cache.get(id);
            if (c != null && c.source == s) {
                return c.account;
            }
            AccountSnapshot a = calculator.compute(s, host.instruments()::get, this::publishedMid);
            cache.put(id, new Cached(s, a));
            return a;
        });
    }

    /** Account history of one portfolio, oldest first per kind; read from the workspace. */
    public List<AccountRecord> history(PortfolioId id) {
        return store.accountHistory().stream()
                .filter(r -> r.portfolioId().equals(id))
                .toList();
    }

    /** Insurance fund movements of the workspace, oldest first. */
    public List<AccountRecord.InsuranceFundEntry> fundHistory() {
        return store.accountHistory().stream()
                .filter(r -> r instanceof AccountRecord.InsuranceFundEntry)
                .map(r -> (AccountRecord.InsuranceFundEntry) r)
                .toList();
    }

    /** The insurance fund's balance per currency. */
    public Map<Currency, BigDecimal> fundBalances() {
        return fund.balances();
    }

    /** The latest mark price of a perpetual, if its market publishes one. */
    public Optional<MarkPrice> markPrice(InstrumentId id) {
        return Optional.ofNullable(marks.get(id));
    }

    /** The valuation mark: the mark price for perpetuals that have one, {@code mid} otherwise. */
    public BigDecimal valuationMark(InstrumentId id, BigDecimal mid) {
        MarkPrice m = marks.get(id);
        return m != null ? m.markPrice().value() : mid;
    }

    private BigDecimal publishedMid(InstrumentId id) {
        return host.publishedQuote(id).map(q -> q.mid().value()).orElse(null);
    }

    private BigDecimal mid(InstrumentId id) {
        return host.mid(id);
    }

    private AccountSnapshot compute(Portfolio p) {
        return calculator.compute(host.value(p), host.instruments()::get, this::mid);
    }

    // ----------------------------------------------------------------------- order pipeline

    /**
     * The pre-trade checks of an order that passed structural validation: margin (replacing the
     * cash-account funds check) and the portfolio's advisory limits. Warnings are published as
     * {@link AccountEvent.RiskWarnings}; a margin shortfall or a blocking limit is the rejection.
     * While nobody receives published events ({@link Host#publishing()}), limits that only warn are
     * not evaluated and the verdict carries no warnings.
     */
    public RiskVerdict checkOrder(OrderRequest request, Instrument instrument, Price expectedPrice, Money fee) {
        return checkOrder(request, instrument, expectedPrice, fee, BigDecimal.ZERO);
    }

    /**
     * The same checks, with {@code claimed} units of the position already promised to working orders
     * on the order's side: the order is judged as if those had closed their part at the mark first,
     * so that two orders that each close the position do not open a short unreserved.
     */
    public RiskVerdict checkOrder(
            OrderRequest request, Instrument instrument, Price expectedPrice, Money fee, BigDecimal claimed) {
        Portfolio actual = host.portfolio(request.portfolioId());
        Portfolio live = withClaimed(actual, request, instrument, claimed);
        BigDecimal held = live.position(request.instrumentId()).quantity();
        BigDecimal opening =
                OrderIntent.opening(held, request.side(), request.quantity().value());
        if (request.reduceOnly() || opening.signum() == 0) {
            return RiskVerdict.PASS;
        }
        BigDecimal rate =
                host.fx().rate(instrument.quoteCurrency(), live.baseCurrency()).orElse(null);
        if (rate == null) {
            return RiskVerdict.reject(new Rejection(
                    RejectReason.NO_MARKET_PRICE,
                    "no exchange rate from " + instrument.quoteCurrency() + " to " + live.baseCurrency() + " yet"));
        }
        Trial trial = trial(live, request, instrument, expectedPrice, fee, held);
        // Only the figures the checks read, not full margin accounts (MarginCalculator.preTrade
        // equals compute's figures exactly): the order path builds no snapshot and no position view.
        BigDecimal reserved = host.reservedForOrders(live.id());
        BigDecimal price = expectedPrice.value();
        PreTradeFigures before = figures(live, instrument.id(), price, reserved);
        PreTradeFigures after = figures(live, trial, instrument.id(), price, reserved);
        Map<InstrumentId, Double> rho = Map.of(); // a map only when another position correlates
        for (Position p : live.positionsView()) {
            if (!p.isFlat() && !p.instrumentId().equals(instrument.id())) {
                java.util.OptionalDouble c = correlations.correlation(instrument.id(), p.instrumentId());
                if (c.isPresent()) {
                    if (rho.isEmpty()) {
                        rho = new LinkedHashMap<>();
                    }
                    rho.put(
                            p.instrumentId(),
                            c.getAsDouble()
                                    * request.side().sign()
                                    * p.quantity().signum());
                }
            }
        }
        OrderIntent intent = new OrderIntent(
                instrument,
                request.side(),
                request.quantity().value(),
                opening,
                expectedPrice.value(),
                request.stopPrice() == null ? null : request.stopPrice().value(),
                rate);
        // At the order's own price: the initial margin and fee of the opening part, without the credit
        // a limit below the market (or a stop above it) would get from, or the loss it would take by,
        // being marked at the touch at once. This is what a working order reserves.
        BigDecimal atPrice = before.freeMarginAtPrice().subtract(after.freeMarginAtPrice());
        BigDecimal requirement =
                before.freeMargin().subtract(after.freeMargin()).max(atPrice);
        // The requirement is measured from the claimed state, but what is free is what is free now:
        // closing the claimed part releases margin only once those other orders fill.
        PreTradeFigures now = live == actual ? before : figures(actual, instrument.id(), null, reserved);
        RiskVerdict verdict = PreTradeChecks.check(
                intent, now, after.positionNotional(), after.openPositions(), rho, requirement, host.publishing());
        if (verdict.rejection().isEmpty()) {
            // While it works the order holds what it needs at its own price; a loss against the
            // current mark (a stop above the market) only matters if it filled now, which the check
            // above covers.
            verdict = new RiskVerdict(Optional.empty(), verdict.warnings(), atPrice.max(BigDecimal.ZERO));
        }
        if (!verdict.warnings().isEmpty()) {
            host.publish(new EngineEvent.Account(
                    new AccountEvent.RiskWarnings(live.id(), instrument.id(), verdict.warnings())));
        }
        return verdict;
    }

    /**
     * {@code live} with {@code request} booked in full at {@code price} and {@code fee}, as the
     * position and bucket the fill would leave and the margin terms the position would get: what a
     * copy of the portfolio with the fill booked would hold, without copying the portfolio.
     */
    private record Trial(Portfolio.Booking booking, PositionMargin terms) {}

    private Trial trial(
            Portfolio live, OrderRequest request, Instrument instrument, Price price, Money fee, BigDecimal held) {
        Fill fill = new Fill(
                new FillId(Long.MAX_VALUE),
                new OrderId(Long.MAX_VALUE),
                live.id(),
                instrument.id(),
                request.side(),
                request.quantity(),
                price,
                fee,
                Liquidity.TAKER,
                BigDecimal.ZERO,
                host.now());
        Portfolio.Booking booking = live.whatIf(fill, instrument);
        return new Trial(booking, marginAfter(live, fill, instrument, held, booking.position()));
    }

    /**
     * What an already accepted order reserves (its opening part's margin and fee at {@code price}),
     * without checking or warning: for orders restored after a restart. Zero when it only reduces.
     */
    public BigDecimal reservation(
            OrderRequest request, Instrument instrument, Price price, Money fee, BigDecimal claimed) {
        Portfolio live = withClaimed(host.portfolio(request.portfolioId()), request, instrument, claimed);
        BigDecimal held = live.position(request.instrumentId()).quantity();
        if (request.reduceOnly()
                || OrderIntent.opening(held, request.side(), request.quantity().value())
                                .signum()
                        == 0) {
            return BigDecimal.ZERO;
        }
        Trial trial = trial(live, request, instrument, price, fee, held);
        BigDecimal before =
                figures(live, instrument.id(), price.value(), BigDecimal.ZERO).freeMarginAtPrice();
        BigDecimal after = figures(live, trial, instrument.id(), price.value(), BigDecimal.ZERO)
                .freeMarginAtPrice();
        return before.subtract(after).max(BigDecimal.ZERO);
    }

    /** {@code p}, or a copy in which the claimed part of the position was closed at the mark without fee. */
    private Portfolio withClaimed(Portfolio p, OrderRequest request, Instrument instrument, BigDecimal claimed) {
        BigDecimal held = p.position(instrument.id()).quantity();
        if (claimed.signum() <= 0
                || held.signum() == 0
                || held.signum() == request.side().sign()) {
            return p;
        }
        BigDecimal mark = valuationMark(instrument.id(), mid(instrument.id()));
        if (mark == null) {
            return p;
        }
        Portfolio copy = p.copy();
        copy.applyHypotheticalFill(
                new Fill(
                        new FillId(Long.MAX_VALUE),
                        new OrderId(Long.MAX_VALUE),
                        p.id(),
                        instrument.id(),
                        request.side(),
                        new Quantity(claimed.min(held.abs())),
                        new Price(mark),
                        Money.zero(instrument.quoteCurrency()),
                        Liquidity.TAKER,
                        BigDecimal.ZERO,
                        host.now()),
                instrument);
        return copy;
    }

    /** The engine's valuation mark of an instrument now (the same as the published snapshots use). */
    private BigDecimal currentMark(InstrumentId id) {
        return valuationMark(id, mid(id));
    }

    /**
     * The pre-trade figures of {@code p} at the engine's marks, multipliers and rates; with {@code
     * price}, also its free margin with {@code focus} valued at that price and nothing reserved.
     */
    private PreTradeFigures figures(Portfolio p, InstrumentId focus, BigDecimal price, BigDecimal reserved) {
        return calculator.preTrade(
                p, focus, price, currentMarks, multipliers, host.fx(), instrumentLookup, mids, reserved);
    }

    /** The pre-trade figures of {@code live} with {@code trial} booked, as {@link #figures} of such a copy. */
    private PreTradeFigures figures(
            Portfolio live, Trial trial, InstrumentId focus, BigDecimal price, BigDecimal reserved) {
        return calculator.preTrade(
                live,
                trial.booking(),
                trial.terms(),
                focus,
                price,
                currentMarks,
                multipliers,
                host.fx(),
                instrumentLookup,
                mids,
                reserved);
    }

    /**
     * Gives the position a fill touched its margin terms, on the portfolio copy the fill was booked
     * into (so they commit together): isolated margin grows with the opening part at the position's
     * initial rate, is released pro rata on reductions and restarts on a flip.
     */
    public void afterFill(Portfolio booked, Fill fill, Instrument instrument) {
        BigDecimal signed =
                fill.quantity().value().multiply(BigDecimal.valueOf(fill.side().sign()));
        BigDecimal before = booked.position(fill.instrumentId()).quantity().subtract(signed);
        assignMargin(booked, fill, instrument, before);
    }

    private void assignMargin(Portfolio p, Fill fill, Instrument instrument, BigDecimal before) {
        p.setMargin(instrument.id(), marginAfter(p, fill, instrument, before, p.position(instrument.id())));
    }

    /**
     * The margin terms of the position in {@code instrument} after {@code fill} left it at {@code
     * pos} (from {@code before} units), given the terms {@code p} holds for it now.
     */
    private PositionMargin marginAfter(Portfolio p, Fill fill, Instrument instrument, BigDecimal before, Position pos) {
        PositionMargin terms = p.marginTerms(instrument.id());
        if (terms == null) { // the defaults are made only for a position without terms of its own
            terms = MarginCalculator.defaultMargin(p.settings(), instrument);
        }
        BigDecimal after = pos.quantity();
        if (terms.mode() == MarginMode.CROSS) {
            return terms;
        }
        BigDecimal margin;
        if (after.signum() == 0) {
            margin = BigDecimal.ZERO;
        } else if (before.signum() == 0 || before.signum() != after.signum()) {
            margin = initialMargin(
                    instrument, terms, pos.costBasis().abs(), pos.costBasis().abs());
        } else if (after.abs().compareTo(before.abs()) > 0) {
            BigDecimal added = after.abs()
                    .subtract(before.abs())
                    .multiply(fill.price().value())
                    .multiply(instrument.multiplier());
            BigDecimal entry = pos.costBasis().abs();
            margin = terms.isolatedMargin().add(initialMargin(instrument, terms, entry, added));
            if (rate(instrument, terms, entry).compareTo(rate(instrument, terms, entry.subtract(added))) > 0) {
                // The addition moved the position into a tier with a higher initial rate, which then applies
                // to the whole position (its maintenance rate rose with it): the margin posted for the part
                // held before is topped up, so an order never leaves its own pool below maintenance.
                margin = margin.max(initialMargin(instrument, terms, entry, entry));
            }
        } else {
            margin = terms.isolatedMargin().multiply(after.abs()).divide(before.abs(), Decimals.DIVISION);
        }
        return terms.withIsolatedMargin(margin);
    }

    /** The initial-margin rate of a position of {@code entryNotional} under {@code terms}. */
    private BigDecimal rate(Instrument i, PositionMargin terms, BigDecimal entryNotional) {
        return calculator
                .schedule()
                .rates(i.assetClass(), terms.leverage(), entryNotional)
                .initialRate();
    }

    private BigDecimal initialMargin(
            Instrument i, PositionMargin terms, BigDecimal entryNotional, BigDecimal notional) {
        MarginSchedule.Rates r = calculator.schedule().rates(i.assetClass(), terms.leverage(), entryNotional);
        return notional.multiply(r.initialRate());
    }

    // ----------------------------------------------------------------------------- market data

    /** A quote: samples returns for correlations, rolls the day and supervises the affected accounts. */
    public void onQuote(Quote quote) {
        onQuote(quote, null);
    }

    /**
     * {@link #onQuote(Quote)} when the caller has just listed the portfolios holding the instrument
     * ({@code null}: listed here); the list is only read.
     */
    public void onQuote(Quote quote, List<PortfolioId> holders) {
        correlations.onPrice(
                quote.instrumentId(), quote.timestamp(), quote.mid().toDouble());
        rollDay();
        supervise(holders != null ? holders : holders(quote.instrumentId()));
    }

    /**
     * The equity of {@code live} from its running book when that book is current and values only
     * the one position {@code instrument} (so every mark it holds is the engine's latest): equal,
     * value and scale, to the snapshot's equity; {@code null} otherwise. Engine thread.
     */
    public BigDecimal bookEquity(Portfolio live, InstrumentId instrument) {
        MarginBook book = equityBook(live, instrument);
        return book == null ? null : book.equity();
    }

    /**
     * The running book whose {@link MarginBook#equity()} {@link #bookEquity} reads (the book of
     * {@code live} when it is current and values only the one position {@code instrument}), or
     * {@code null}: for a reader that takes the equity as a scaled long. Engine thread; the book is
     * only read.
     */
    public MarginBook equityBook(Portfolio live, InstrumentId instrument) {
        MarginBook book = books.get(live.id());
        if (book == null || book.positionCount() != 1 || !book.isFor(live, host.fx()) || !book.values(instrument)) {
            return null;
        }
        return book;
    }

    /**
     * Re-values the books of {@code holders} at the instrument's new valuation mark: O(positions in
     * the instrument) per portfolio. Call on every price change of an instrument, before publishing.
     */
    public void remark(InstrumentId instrument, Collection<PortfolioId> holders) {
        BigDecimal mark = valuationMark(instrument, mid(instrument));
        if (holders instanceof List<PortfolioId> list) {
            for (int k = 0, n = list.size(); k < n; k++) { // no iterator per price
                remark(instrument, mark, list.get(k));
            }
        } else {
            for (PortfolioId id : holders) {
                remark(instrument, mark, id);
            }
        }
    }

    /**
     * Re-values the book of holder {@code id} at {@code mark}, the instrument's valuation mark now
     * ({@link #valuationMark}), as {@link #remark(InstrumentId, Collection)} does for each holder, and
     * gives that book, now current for the portfolio ({@code null} when the portfolio is gone): a
     * caller that reads it at once looks nothing up again. Engine thread.
     */
    public MarginBook remark(InstrumentId instrument, BigDecimal mark, PortfolioId id) {
        MarginBook book = books.get(id);
        Portfolio live = host.portfolio(id);
        if (live == null) {
            books.remove(id);
            valued.remove(id);
            return null;
        } else if (book != null && book.isFor(live, host.fx())) {
            book.remark(instrument, mark);
            return book;
        } else {
            // Missing or stale (the portfolio or a rate changed since): built now, at the marks
            // that already include this price, so that the ticks that follow re-value it.
            books.remove(id);
            return book(live);
        }
    }

    /**
     * {@link #equityBook}'s answer for a {@code book} that {@link #remark(InstrumentId, BigDecimal,
     * PortfolioId)} has just given for the same portfolio (so current for it): the book when it
     * values only the one position {@code instrument}, else {@code null}.
     */
    public static MarginBook equityBookOf(MarginBook book, InstrumentId instrument) {
        return book == null || book.positionCount() != 1 || !book.values(instrument) ? null : book;
    }

    /**
     * The portfolio's snapshot at the engine's marks and rates. From its running book while that is
     * current (position views built when first read); after a change of the portfolio (a fill, a
     * command) the exact reference valuation itself, and the book is built only when a price of one
     * of its instruments moves or the margin is supervised: a burst of fills between two ticks pays
     * one valuation each, not a book and a full margin account each.
     */
    public PortfolioSnapshot valuation(Portfolio live, BigDecimal reservedForOrders) {
        MarginBook book = books.get(live.id());
        if (book != null && book.isFor(live, host.fx())) {
            return book.snapshot(live.riskMarks(), reservedForOrders);
        }
        books.remove(live.id());
        PortfolioSnapshot s = host.value(live, reservedForOrders);
        valued.put(live.id(), new Valued(live, live.revision(), s));
        return s;
    }

    /**
     * The exact valuation {@link #valuation} made of a portfolio's revision that had no current book
     * (after a fill or a command), at the marks and rates of that moment: the book is built from it
     * when first needed, re-marked to the prices that moved since, instead of valuing the portfolio a
     * second time.
     */
    private record Valued(Portfolio source, long revision, PortfolioSnapshot snapshot) {}

    private final Map<PortfolioId, Valued> valued = new HashMap<>();

    /** The current book of {@code live}, built from an exact valuation when missing or stale. */
    private MarginBook book(Portfolio live) {
        MarginBook book = books.get(live.id());
        if (book != null && book.isFor(live, host.fx())) {
            return book;
        }
        book = fromValuation(live, valued.remove(live.id()));
        if (book == null) {
            book = bookOf(live, host.value(live));
        }
        books.put(live.id(), book);
        return book;
    }

    /**
     * The book of {@code live} valued as {@code s}, with only the margin terms it reads; its full
     * account is computed when first read. An account with short options (whose maintenance reads
     * the underlyings' prices now) gets it at once.
     */
    private MarginBook bookOf(Portfolio live, PortfolioSnapshot s) {
        MarginBook.Pools terms = calculator.pools(s, host.instruments()::get, this::mid);
        boolean shortOptions = false;
        for (MarginBook.Pool p : terms.positions()) {
            shortOptions |= p.assetClass() == dev.paperdesk.engine.model.AssetClass.OPTION
                    && p.quantity().signum() < 0;
        }
        if (shortOptions) {
            AccountSnapshot a = calculator.compute(s, host.instruments()::get, this::mid);
            return MarginBook.of(live, s, a, this::multiplier, host.fx());
        }
        return MarginBook.of(
                live,
                s,
                terms,
                () -> calculator.compute(s, host.instruments()::get, this::mid),
                this::multiplier,
                host.fx());
    }

    /**
     * The book of {@code live} from the valuation made of its current revision, re-marked to the
     * engine's marks now: equal to one built from a new valuation (the book re-values exactly), or
     * {@code null} when that valuation is of another revision, or was made at other exchange rates or
     * with another amount reserved for orders (then valued anew).
     */
    private MarginBook fromValuation(Portfolio live, Valued v) {
        if (v == null || v.source() != live || v.revision() != live.revision()) {
            return null;
        }
        PortfolioSnapshot s = v.snapshot();
        BigDecimal reserved = host.reservedForOrders(live.id());
        if (reserved.compareTo(s.reservedForOrders()) != 0
                || reserved.scale() != s.reservedForOrders().scale()) {
            return null;
        }
        FxRates fx = host.fx();
        for (int k = 0, n = s.balances().size(); k < n; k++) {
            Currency c = s.balances().get(k).currency();
            if (!java.util.Objects.equals(
                    s.rates().get(c), fx.rate(c, s.baseCurrency()).orElse(null))) {
                return null;
            }
        }
        for (Currency c : s.unconvertible()) {
            if (fx.rate(c, s.baseCurrency()).isPresent()) {
                return null;
            }
        }
        MarginBook book = bookOf(live, s);
        // Read as figures: the valuation's position views (an average price each) are not built here.
        List<? extends PositionFigures> views = s.positionFigures();
        for (int k = 0, n = views.size(); k < n; k++) {
            PositionFigures view = views.get(k);
            BigDecimal now = currentMark(view.instrumentId());
            if (!java.util.Objects.equals(now, view.mark())) {
                book.remark(view.instrumentId(), now);
            }
        }
        return book;
    }

    private Instrument instrument(InstrumentId id) {
        return host.instruments().get(id);
    }

    private BigDecimal multiplier(InstrumentId id) {
        Instrument i = host.instruments().get(id);
        return i == null ? BigDecimal.ONE : i.multiplier();
    }

    /** A perpetual's mark price: it now values the position; supervises the affected accounts. */
    public void onMarkPrice(MarkPrice mark) {
        marks.put(mark.instrumentId(), mark);
        List<PortfolioId> affected = holders(mark.instrumentId());
        if (!affected.isEmpty()) {
            remark(mark.instrumentId(), affected);
            host.refresh(affected);
        }
        rollDay();
        supervise(affected);
    }

    /**
     * A funding settlement: every position in the perpetual pays or receives {@code quantity ×
     * multiplier × mark × rate}, one FUNDING ledger entry and one funding record each.
     */
    public void onFundingRate(FundingRate funding) {
        Instrument instrument = host.instruments().get(funding.instrumentId());
        List<PortfolioId> affected = holders(funding.instrumentId());
        if (instrument == null || affected.isEmpty()) {
            return;
        }
        ChangeSet changes = new ChangeSet();
        List<EngineEvent> events = new ArrayList<>();
        BigDecimal mark = funding.markPrice().value();
        for (PortfolioId id : affected) {
            Portfolio copy = host.portfolio(id).copy();
            BigDecimal qty = copy.position(funding.instrumentId()).quantity();
            BigDecimal amount = CarryCharges.funding(qty, instrument.multiplier(), mark, funding.rate());
            if (amount.signum() == 0) {
                continue;
            }
            String note = (amount.signum() > 0 ? "funding received" : "funding paid") + " at rate "
                    + funding.rate().toPlainString() + " on " + qty.toPlainString() + " @ mark " + mark.toPlainString();
            LedgerEntry entry = copy.bookFunding(funding.instrumentId(), amount, funding.fundingTime(), note);
            AccountRecord.FundingPayment payment = new AccountRecord.FundingPayment(
                    id,
                    funding.fundingTime(),
                    funding.instrumentId(),
                    funding.rate(),
                    mark,
                    qty,
                    amount,
                    entry.currency());
            changes.portfolio(copy).ledger(List.of(entry)).account(payment);
            events.add(new EngineEvent.Account(new AccountEvent.FundingSettled(id, payment)));
        }
        if (!changes.isEmpty()) {
            apply(changes, events);
        }
        supervise(affected);
    }

    private List<PortfolioId> holders(InstrumentId instrument) {
        List<PortfolioId> out = null; // most prices reach no holder: no list for them
        for (Portfolio p : host.portfolios().values()) {
            if (!p.position(instrument).isFlat()) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(p.id());
            }
        }
        return out == null ? List.of() : out;
    }

    /**
     * At the first price event of a new UTC day: books one day's borrow fee on every short stock,
     * ETF and crypto-spot position per elapsed day, and starts the day's loss reference.
     */
    private void rollDay() {
        LocalDate today = today();
        if (accrualDay == null) {
            accrualDay = today;
            return;
        }
        if (!today.isAfter(accrualDay)) {
            return;
        }
        long days = accrualDay.until(today, java.time.temporal.ChronoUnit.DAYS);
        ChangeSet changes = new ChangeSet();
        for (Portfolio live : host.portfolios().values()) {
            Portfolio copy = live.copy();
            List<LedgerEntry> entries = new ArrayList<>();
            for (Position pos : live.positions()) {
                Instrument i = host.instruments().get(pos.instrumentId());
                BigDecimal mark = mid(pos.instrumentId());
                if (i == null
                        || mark == null
                        || !borrows(i.assetClass())
                        || pos.quantity().signum() >= 0) {
                    continue;
                }
                BigDecimal rate = copy.settings().borrowRate(i.symbol());
                BigDecimal fee = CarryCharges.dailyBorrowFee(
                                pos.quantity(), i.multiplier(), mark, rate, i.quoteCurrency())
                        .multiply(BigDecimal.valueOf(days));
                if (fee.signum() > 0) {
                    entries.add(copy.bookBorrowFee(
                            pos.instrumentId(),
                            fee,
                            host.now(),
                            "borrow " + days + " day(s) at " + rate.toPlainString() + "/yr on "
                                    + pos.quantity().toPlainString() + " @ " + mark.toPlainString()));
                }
            }
            copy.setRiskMarks(copy.riskMarks().observe(today, host.value(live).equity()));
            changes.portfolio(copy).ledger(entries);
        }
        accrualDay = today;
        if (!changes.isEmpty()) {
            apply(changes, List.of());
        }
    }

    private static boolean borrows(AssetClass ac) {
        return ac == AssetClass.EQUITY || ac == AssetClass.ETF || ac == AssetClass.CRYPTO_SPOT;
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }

    // The UTC day of the engine's latest time and the epoch seconds it spans: every price asks for
    // it (day roll, risk marks) and it changes once a day.
    private LocalDate today;
    private long todayFrom = Long.MAX_VALUE;
    private long todayUntil = Long.MIN_VALUE;

    /** {@link #day} of the engine's time now. */
    private LocalDate today() {
        long second = host.nowEpochSecond();
        if (second < todayFrom || second >= todayUntil) {
            long epochDay = Math.floorDiv(second, 86_400L);
            today = LocalDate.ofEpochDay(epochDay);
            todayFrom = epochDay * 86_400L;
            todayUntil = todayFrom + 86_400L;
        }
        return today;
    }

    // ------------------------------------------------------------------- warnings, liquidation

    /**
     * Checks the accounts' pools: publishes and records level changes (warnings at 80/90/95% of
     * maintenance, breach, restore), raises equity peaks, and liquidates breached pools step by step.
     */
    void supervise(List<PortfolioId> ids) {
        for (int k = 0, count = ids.size(); k < count; k++) { // no iterator per price
            PortfolioId id = ids.get(k);
            Portfolio live = host.portfolio(id);
            if (live == null) {
                continue;
            }
            MarginBook book = book(live);
            if (supervised.get(id) == book && !book.levelsChanged()) {
                // Exact: no pool changed level since the last full check.
                observe(live, book);
                continue;
            }
            Map<String, WarningLevel> recorded = levels.get(id);
            if (supervised.get(id) != book
                    && book.quietAtBuild()
                    && (recorded == null || recorded.isEmpty())
                    && !book.levelsChanged()) {
                // A new book (after a fill) of an account whose one pool was at NONE when it was built
                // and still is at the marks now, with nothing recorded: the account at these marks
                // would record nothing either, so it is neither rebuilt nor divided.
                observe(live, book.equity());
                supervised.put(id, book);
                continue;
            }
            if (book.moved()) {
                books.remove(id);
                book = book(live);
            }
            AccountSnapshot a = book.builtAccount();
            observe(live, a.equity());
            // A new book (after a fill) of an account with one pool at NONE, where nothing else is
            // recorded: recording the levels would change nothing, so its division is not made.
            boolean breached =
                    book.quietAtBuild() && (recorded == null || recorded.isEmpty()) ? false : recordLevels(live, a);
            supervised.put(id, book);
            if (breached) {
                liquidate(id);
                Portfolio after = host.portfolio(id);
                if (after == null) {
                    supervised.remove(id);
                } else {
                    // liquidate() recorded the levels of the account after its last step.
                    books.remove(id);
                    supervised.put(id, book(after));
                }
            }
        }
    }

    /**
     * {@link #observe(Portfolio, BigDecimal)} of the book's equity: without making it when the book
     * holds it as a scaled long at the scale of the peak, the day has not rolled and the equity is not
     * above the peak (the marks would stay the very same object).
     */
    private void observe(Portfolio live, MarginBook book) {
        RiskMarks marks = live.riskMarks();
        if (book.equityInLongs() && !today().isAfter(marks.day())) {
            BigDecimal peak = marks.peakEquity();
            if (peak != peakSeen) {
                // once per new peak: its unscaled digits when it has at most 18
                peakFits = peak.scale() >= 0 && peak.precision() <= 18;
                peakUnscaled = peakFits ? peak.unscaledValue().longValue() : 0;
                peakSeen = peak;
            }
            if (peakFits && peak.scale() == book.equityScale() && book.equityUnscaled() <= peakUnscaled) {
                return;
            }
        }
        observe(live, book.equity());
    }

    /** The last peak {@link #observe(Portfolio, MarginBook)} compared with, and its unscaled digits. */
    private BigDecimal peakSeen;

    private boolean peakFits;
    private long peakUnscaled;

    /** Raises the equity peak and rolls the day of the risk marks. */
    private void observe(Portfolio live, BigDecimal equity) {
        RiskMarks observed = live.riskMarks().observe(today(), equity);
        if (observed != live.riskMarks() && !observed.equals(live.riskMarks())) {
            // A running statistic, not accounting: kept in place and persisted with the next commit.
            live.setRiskMarks(observed);
        }
    }

    private boolean recordLevels(Portfolio live, AccountSnapshot a) {
        Map<String, WarningLevel> known = levels.computeIfAbsent(live.id(), k -> new HashMap<>());
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        ratios.put(CROSS_POOL, marginRatio(a.crossMaintenance(), a.crossEquity()));
        for (PositionMarginView p : a.positions()) {
            if (p.mode() == MarginMode.ISOLATED) {
                ratios.put(p.instrumentId().toString(), p.maintenanceRatio());
            }
        }
        known.keySet().retainAll(ratios.keySet());
        boolean breached = false;
        ChangeSet records = new ChangeSet();
        List<EngineEvent> events = new ArrayList<>();
        for (var e : ratios.entrySet()) {
            WarningLevel level = WarningLevel.of(e.getValue());
            WarningLevel previous = known.getOrDefault(e.getKey(), WarningLevel.NONE);
            breached |= level == WarningLevel.LIQUIDATION;
            if (level == previous) {
                continue;
            }
            known.put(e.getKey(), level);
            InstrumentId instrument = e.getKey().equals(CROSS_POOL) ? null : InstrumentId.parse(e.getKey());
            AccountRecord.MarginEventKind kind = level == WarningLevel.LIQUIDATION
                    ? AccountRecord.MarginEventKind.BREACH
                    : level == WarningLevel.NONE
                            ? AccountRecord.MarginEventKind.RESTORED
                            : AccountRecord.MarginEventKind.WARNING;
            if (level.compareTo(previous) > 0 || level == WarningLevel.NONE) {
                records.account(new AccountRecord.MarginEvent(
                        live.id(),
                        host.now(),
                        kind,
                        level,
                        instrument,
                        a.equity(),
                        a.usedMargin(),
                        a.maintenanceMargin(),
                        e.getValue()));
            }
            events.add(new EngineEvent.Account(
                    new AccountEvent.MarginWarning(live.id(), instrument, level, previous, e.getValue())));
        }
        if (!records.isEmpty()) {
            store.commit(records);
        }
        events.forEach(host::publish);
        return breached;
    }

    private static BigDecimal marginRatio(BigDecimal maintenance, BigDecimal equity) {
        if (maintenance.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (equity.signum() <= 0) {
            return MarginCalculator.RATIO_CAP;
        }
        return maintenance.divide(equity, Decimals.DIVISION).min(MarginCalculator.RATIO_CAP);
    }

    /** Liquidates a breached account step by step until no pool is breached. */
    private void liquidate(PortfolioId id) {
        for (int i = 0; i < 1000; i++) {
            Portfolio live = host.portfolio(id);
            if (live == null) {
                return;
            }
            AccountSnapshot a = compute(live);
            Optional<LiquidationStep> step = LiquidationPlanner.next(a, host.instruments()::get);
            if (step.isEmpty()) {
                break;
            }
            execute(live, a, step.get());
        }
        Portfolio live = host.portfolio(id);
        if (live != null) {
            recordLevels(live, compute(live));
        }
    }

    /**
     * Books one liquidation step: a LIQUIDATION-tagged market order filled at the mark, its fee to
     * the insurance fund, and any loss beyond the position's margin covered by the fund, then by
     * auto-deleveraging, the rest left with the account.
     */
    private void execute(Portfolio live, AccountSnapshot account, LiquidationStep step) {
        Instrument instrument = host.instruments().get(step.instrumentId());
        PositionMarginView view = account.position(step.instrumentId()).orElseThrow();
        Instant now = host.now();
        Currency currency = instrument.quoteCurrency();
        Side side = view.quantity().signum() > 0 ? Side.SELL : Side.BUY;
        BigDecimal mark = view.mark();
        BigDecimal notional = step.quantity().multiply(mark).multiply(instrument.multiplier());
        BigDecimal fee = LiquidationPlanner.fee(notional);
        OrderRequest request = new OrderRequest(
                live.id(),
                instrument.id(),
                side,
                OrderType.MARKET,
                Quantity.of(step.quantity()),
                null,
                null,
                TimeInForce.IOC,
                null,
                false,
                true,
                LIQUIDATION_TAG);
        OrderId orderId = host.nextOrderId();
        Order order = Order.create(orderId, request, now);
        String why = step.kind() + " liquidation at maintenance ratio "
                + step.ratioBefore().setScale(4, RoundingMode.HALF_EVEN).toPlainString();
        OrderEvent created = new OrderEvent.Created(orderId, now, why);
        order = order.transition(OrderStatus.ACCEPTED, now);
        OrderEvent accepted = new OrderEvent.Accepted(orderId, now, "liquidation engine");
        Fill fill = new Fill(
                host.nextFillId(),
                orderId,
                live.id(),
                instrument.id(),
                side,
                Quantity.of(step.quantity()),
                Price.of(mark),
                Money.of(fee, currency),
                Liquidity.TAKER,
                BigDecimal.ZERO,
                now);
        Portfolio copy = live.copy();
        BigDecimal realizedBefore = live.position(instrument.id()).realizedPnl();
        List<LedgerEntry> ledger = new ArrayList<>();
        for (LedgerEntry e : copy.applyFill(fill, instrument)) {
            ledger.add(
                    e.kind() == LedgerKind.FEE
                            ? new LedgerEntry(
                                    e.portfolioId(),
                                    e.timestamp(),
                                    LedgerKind.LIQUIDATION_FEE,
                                    e.amount(),
                                    e.currency(),
                                    e.reference(),
                                    "liquidation fee to the insurance fund")
                            : e);
        }
        BigDecimal realized = copy.position(instrument.id()).realizedPnl().subtract(realizedBefore);
        order = order.fill(fill.quantity(), fill.price(), now);
        OrderEvent filled = new OrderEvent.Filled(orderId, now, order.status(), fill);
        boolean full = copy.position(instrument.id()).isFlat();

        BigDecimal shortfall = BigDecimal.ZERO;
        if (view.mode() == MarginMode.ISOLATED) {
            PositionMargin terms = live.margin(instrument.id()).orElseThrow();
            BigDecimal residual = terms.isolatedMargin().add(realized).subtract(fee);
            if (full) {
                shortfall = residual.negate().max(BigDecimal.ZERO);
                copy.setMargin(instrument.id(), terms.withIsolatedMargin(BigDecimal.ZERO));
            } else {
                copy.setMargin(instrument.id(), terms.withIsolatedMargin(residual));
            }
        } else if (full) {
            AccountSnapshot after = compute(copy);
            boolean crossLeft = after.positions().stream()
                    .anyMatch(p -> p.mode() == MarginMode.CROSS
                            && p.maintenanceMargin().signum() > 0);
            BigDecimal rate = view.rate();
            if (!crossLeft && after.crossEquity().signum() < 0 && rate != null && rate.signum() > 0) {
                shortfall = after.crossEquity()
                        .negate()
                        .divide(rate, Decimals.DIVISION)
                        .setScale(Decimals.MONEY_SCALE, RoundingMode.CEILING);
            }
        }

        InsuranceFund next = fund.copy();
        ChangeSet changes = new ChangeSet();
        String ref = fill.id().toString();
        BigDecimal fundAfterFee = next.receive(currency, fee);
        changes.account(new AccountRecord.InsuranceFundEntry(
                live.id(), now, AccountRecord.FundEntryKind.FEE, currency, fee, fundAfterFee, ref));
        BigDecimal cover = BigDecimal.ZERO;
        BigDecimal adl = BigDecimal.ZERO;
        if (shortfall.signum() > 0) {
            cover = next.cover(currency, shortfall);
            if (cover.signum() > 0) {
                ledger.add(copy.bookInsuranceCredit(currency, cover, now, ref, "insurance fund covers the shortfall"));
                changes.account(new AccountRecord.InsuranceFundEntry(
                        live.id(),
                        now,
                        AccountRecord.FundEntryKind.COVER,
                        currency,
                        cover.negate(),
                        next.balance(currency),
                        ref));
            }
            BigDecimal remaining = shortfall.subtract(cover);
            if (remaining.signum() > 0) {
                adl = deleverage(
                        live.id(), instrument, view.quantity().signum(), remaining, copy, ledger, changes, ref);
            }
        }
        BigDecimal uncovered = shortfall.subtract(cover).subtract(adl);
        AccountRecord.Liquidation record = new AccountRecord.Liquidation(
                live.id(),
                now,
                instrument.id(),
                full ? AccountRecord.LiquidationKind.FULL : AccountRecord.LiquidationKind.PARTIAL,
                view.mode(),
                step.quantity().multiply(BigDecimal.valueOf(side.sign())),
                mark,
                notional,
                fee,
                realized,
                shortfall,
                cover,
                adl,
                uncovered,
                currency,
                step.ratioBefore(),
                fill.id().value());
        changes.order(order)
                .event(created)
                .event(accepted)
                .event(filled)
                .fill(fill)
                .ledger(ledger)
                .portfolio(copy)
                .account(record);
        apply(
                changes,
                List.of(
                        new EngineEvent.FillBooked(fill),
                        new EngineEvent.OrderUpdated(order, filled),
                        new EngineEvent.Account(new AccountEvent.Liquidated(live.id(), record))));
        fund = next;
    }

    /**
     * Auto-deleveraging: takes {@code amount} from the profitable opposing positions in the same
     * instrument, ranked by profit × leverage, as ADL ledger transfers. Returns what it raised.
     */
    private BigDecimal deleverage(
            PortfolioId liquidated,
            Instrument instrument,
            int liquidatedSign,
            BigDecimal amount,
            Portfolio liquidatedCopy,
            List<LedgerEntry> liquidatedLedger,
            ChangeSet changes,
            String ref) {
        List<AutoDeleveraging.Candidate> candidates = new ArrayList<>();
        for (Portfolio p : host.portfolios().values()) {
            if (p.id().equals(liquidated)) {
                continue;
            }
            Position pos = p.position(instrument.id());
            if (pos.isFlat() || pos.quantity().signum() == liquidatedSign) {
                continue;
            }
            compute(p)
                    .position(instrument.id())
                    .ifPresent(v -> candidates.add(new AutoDeleveraging.Candidate(
                            p.id(), v.unrealizedPnl(), BigDecimal.valueOf(v.leverage()))));
        }
        List<AutoDeleveraging.Transfer> transfers = AutoDeleveraging.allocate(amount, candidates);
        BigDecimal raised = BigDecimal.ZERO;
        Instant now = host.now();
        for (AutoDeleveraging.Transfer t : transfers) {
            Portfolio winner = host.portfolio(t.from()).copy();
            List<LedgerEntry> debit = List.of(winner.bookAdl(
                    instrument.quoteCurrency(),
                    t.amount().negate(),
                    now,
                    ref,
                    "auto-deleveraging for the liquidation of portfolio " + liquidated.value()));
            changes.portfolio(winner).ledger(debit);
            liquidatedLedger.add(liquidatedCopy.bookAdl(
                    instrument.quoteCurrency(),
                    t.amount(),
                    now,
                    ref,
                    "auto-deleveraging of portfolio " + t.from().value()));
            raised = raised.add(t.amount());
        }
        return raised;
    }

    /** Risk-based position size for {@code instrument} in portfolio {@code id} at current equity and rates. */
    public PositionSizer.Sizing size(
            PortfolioId id, InstrumentId instrument, BigDecimal riskPercent, BigDecimal entry, BigDecimal stop) {
        Portfolio p = live(id);
        Instrument i = host.instruments().get(instrument);
        if (i == null) {
            throw new IllegalArgumentException("no instrument " + instrument + " in this market");
        }
        BigDecimal rate = host.fx()
                .rate(i.quoteCurrency(), p.baseCurrency())
                .orElseThrow(() -> new IllegalArgumentException(
                        "no exchange rate from " + i.quoteCurrency() + " to " + p.baseCurrency() + " yet"));
        return PositionSizer.size(compute(p).equity(), riskPercent, entry, stop, i, rate);
    }

    /** Commits through the host; the books of the portfolios touched are rebuilt when next read. */
    private void apply(ChangeSet changes, List<EngineEvent> events) {
        host.apply(changes, events);
    }

    // ------------------------------------------------------------------------ portfolio commands

    /** Creates a portfolio funded with its starting balance (a DEPOSIT ledger entry). */
    public Portfolio createPortfolio(PortfolioSpec spec) {
        checkNameFree(spec.name(), null);
        Instant now = host.now();
        Portfolio p = new Portfolio(
                host.nextPortfolioId(),
                spec.name(),
                spec.description(),
                spec.baseCurrency(),
                spec.startingBalance(),
                spec.settings(),
                now);
        AccountRecord.PortfolioEvent event = new AccountRecord.PortfolioEvent(
                p.id(),
                now,
                PortfolioEventKind.CREATED,
                "created with " + spec.startingBalance().toPlainString() + " " + spec.baseCurrency());
        commit(
                new ChangeSet()
                        .portfolio(p)
                        .ledger(List.of(new LedgerEntry(
                                p.id(),
                                now,
                                LedgerKind.DEPOSIT,
                                spec.startingBalance(),
                                spec.baseCurrency(),
                                "",
                                "starting balance"))),
                event);
        return p;
    }

    /** Wipes positions and restores the starting balance; the ledger, fills and journal are kept. */
    public Portfolio reset(PortfolioId id) {
        Portfolio copy = live(id).copy();
        List<LedgerEntry> entries = copy.reset(host.now());
        levels.remove(id);
        commit(
                new ChangeSet().portfolio(copy).ledger(entries),
                event(
                        id,
                        PortfolioEventKind.RESET,
                        "reset to " + copy.startingBalance().toPlainString() + " " + copy.baseCurrency()));
        return copy;
    }

    /** Adds money to the base currency, tracked apart from P&amp;L (a TOP_UP ledger entry). */
    public Portfolio topUp(PortfolioId id, BigDecimal amount) {
        Portfolio copy = live(id).copy();
        LedgerEntry entry = copy.topUp(amount, copy.baseCurrency(), host.now());
        copy.setRiskMarks(copy.riskMarks().toppedUp(amount));
        commit(
                new ChangeSet().portfolio(copy).ledger(List.of(entry)),
                event(
                        id,
                        PortfolioEventKind.TOPPED_UP,
                        "topped up " + amount.toPlainString() + " " + copy.baseCurrency()));
        return copy;
    }

    /** Archives (hides, keeps everything) or restores a portfolio. */
    public Portfolio archive(PortfolioId id, boolean archived) {
        Portfolio copy = live(id).copy();
        copy.setArchived(archived);
        commit(
                new ChangeSet().portfolio(copy),
                event(
                        id,
                        archived ? PortfolioEventKind.ARCHIVED : PortfolioEventKind.UNARCHIVED,
                        archived ? "archived" : "restored from the archive"));
        return copy;
    }

    /** A new portfolio with the settings, base currency, starting balance and description of {@code id}. */
    public Portfolio clonePortfolio(PortfolioId id, String newName) {
        Portfolio source = live(id);
        Portfolio created = createPortfolio(new PortfolioSpec(
                newName, source.description(), source.baseCurrency(), source.startingBalance(), source.settings()));
        commit(
                new ChangeSet(),
                event(created.id(), PortfolioEventKind.CLONED, "settings cloned from '" + source.name() + "'"));
        return created;
    }

    /**
     * Deletes an archived portfolio: it disappears from the workspace's views, its name is freed,
     * and its ledger, fills and journal stay in the file (they are append-only).
     */
    public void delete(PortfolioId id) {
        Portfolio copy = live(id).copy();
        if (!copy.archived()) {
            throw new IllegalStateException("archive portfolio '" + copy.name() + "' before deleting it");
        }
        String name = copy.name();
        copy.rename(name + " (deleted #" + id.value() + ")", copy.description());
        copy.markDeleted();
        levels.remove(id);
        cache.remove(id);
        commit(new ChangeSet().portfolio(copy), event(id, PortfolioEventKind.DELETED, "deleted '" + name + "'"));
    }

    /** Renames and reconfigures a portfolio; a new cost-basis method applies to later closes. */
    public Portfolio updateSettings(PortfolioId id, String name, String description, PortfolioSettings settings) {
        checkNameFree(name, id);
        Portfolio copy = live(id).copy();
        copy.rename(name, description);
        copy.setSettings(settings);
        commit(new ChangeSet().portfolio(copy), event(id, PortfolioEventKind.SETTINGS_CHANGED, describe(settings)));
        return copy;
    }

    /**
     * Sets the margin mode and leverage a perpetual position uses. The mode can only change while
     * the position is flat; the leverage of an open isolated position cannot change either.
     */
    public Portfolio setPositionMargin(PortfolioId id, InstrumentId instrument, MarginMode mode, int leverage) {
        Instrument i = host.instruments().get(instrument);
        if (i == null) {
            throw new IllegalArgumentException("no instrument " + instrument + " in this market");
        }
        int max = calculator.schedule().maxLeverage(i.assetClass());
        if (leverage < 1 || leverage > max) {
            throw new IllegalArgumentException(
                    "leverage for " + instrument + " must lie between 1 and " + max + ", not " + leverage);
        }
        if (mode == MarginMode.ISOLATED && !(i instanceof Instrument.Perpetual)) {
            throw new IllegalArgumentException("only perpetual positions can be isolated");
        }
        Portfolio copy = live(id).copy();
        PositionMargin current = copy.margin(instrument).orElse(MarginCalculator.defaultMargin(copy.settings(), i));
        boolean open = !copy.position(instrument).isFlat();
        if (open && (current.mode() != mode || (mode == MarginMode.ISOLATED && current.leverage() != leverage))) {
            throw new IllegalStateException("close the " + instrument + " position before changing its margin mode"
                    + (mode == MarginMode.ISOLATED ? " or isolated leverage" : ""));
        }
        copy.setMargin(instrument, new PositionMargin(mode, leverage, current.isolatedMargin()));
        commit(
                new ChangeSet().portfolio(copy),
                event(id, PortfolioEventKind.MARGIN_TERMS_CHANGED, instrument + ": " + mode + " " + leverage + "x"));
        return copy;
    }

    /** Closes every open position of a portfolio with market orders; returns the orders. */
    public List<Order> closeAll(PortfolioId id) {
        List<Order> out = new ArrayList<>();
        for (Position p : live(id).positions()) {
            if (!p.isFlat()) {
                Side side = p.quantity().signum() > 0 ? Side.SELL : Side.BUY;
                out.add(host.submit(OrderRequest.market(
                        id, p.instrumentId(), side, Quantity.of(p.quantity().abs()))));
            }
        }
        return out;
    }

    private Portfolio live(PortfolioId id) {
        Portfolio p = host.portfolio(id);
        if (p == null) {
            throw new IllegalArgumentException("no portfolio " + id.value());
        }
        return p;
    }

    private void checkNameFree(String name, PortfolioId except) {
        for (Portfolio p : host.portfolios().values()) {
            if (!p.id().equals(except) && p.name().equalsIgnoreCase(name.strip())) {
                throw new IllegalArgumentException("a portfolio named '" + name.strip() + "' already exists");
            }
        }
    }

    private AccountRecord.PortfolioEvent event(PortfolioId id, PortfolioEventKind kind, String note) {
        return new AccountRecord.PortfolioEvent(id, host.now(), kind, note);
    }

    private void commit(ChangeSet changes, AccountRecord.PortfolioEvent event) {
        changes.account(event);
        apply(changes, List.of(new EngineEvent.Account(new AccountEvent.PortfolioUpdated(event.portfolioId(), event))));
    }

    private static String describe(PortfolioSettings s) {
        return "cost basis " + s.costBasisMethod() + ", leverage " + s.leverage() + ", perpetuals "
                + s.perpetualMarginMode() + ", limits " + s.limits();
    }
}
