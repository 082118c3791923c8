package dev.paperdesk.desktop.options;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.desktop.options.StrategyLegRow.Kind;
import dev.paperdesk.engine.execution.orders.OrderEstimate;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.pricing.strategy.Bound;
import dev.paperdesk.engine.pricing.strategy.LegPrice;
import dev.paperdesk.engine.pricing.strategy.OptionStrategy;
import dev.paperdesk.engine.pricing.strategy.PayoffCurve;
import dev.paperdesk.engine.pricing.strategy.StrategyAnalysis;
import dev.paperdesk.engine.pricing.strategy.StrategyAnalyzer;
import dev.paperdesk.engine.pricing.strategy.StrategyGreeks;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg;
import dev.paperdesk.engine.pricing.strategy.StrategyMarket;
import dev.paperdesk.engine.pricing.strategy.StrategyTemplate;
import dev.paperdesk.engine.pricing.strategy.TemplateInputs;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * State and commands of the strategy builder: a template or hand-made legs (at most
 * {@value OptionStrategy#MAX_LEGS}) on the chain's underlying, priced from the live chain (asks for
 * buys, bids for sells), analysed off the UI thread — net debit or credit, payoff at expiry, today and
 * on a scenario date with a volatility shift, breakevens, max profit and loss, probability of profit,
 * Greeks — and sent as one combo order.
 */
public final class StrategyBuilderViewModel {
    private static final String UI_KEY = "strategy-builder";
    private static final int CURVE_POINTS = 241;

    private final TradingSession session;
    private final UiExecutor ui;
    private final OptionChainViewModel chain;
    private final ObjectProperty<PortfolioId> portfolio;
    private final ExecutorService worker;

    private final ObservableList<StrategyTemplate> templates =
            FXCollections.observableArrayList(StrategyTemplate.values());
    private final ObjectProperty<StrategyTemplate> template = new SimpleObjectProperty<>(StrategyTemplate.IRON_CONDOR);
    private final IntegerProperty width = new SimpleIntegerProperty(1);
    private final IntegerProperty contracts = new SimpleIntegerProperty(1);
    private final ObservableList<StrategyLegRow> legs =
            FXCollections.observableArrayList(r -> new javafx.beans.Observable[] {
                r.sideProperty(), r.quantityProperty(), r.kindProperty(), r.strikeProperty(), r.expiryProperty()
            });
    private final ObservableList<BigDecimal> strikes = FXCollections.observableArrayList();
    private final IntegerProperty scenarioDays = new SimpleIntegerProperty(0);
    private final DoubleProperty volShiftPoints = new SimpleDoubleProperty(0);

    private final ObjectProperty<StrategyAnalysis> analysis = new SimpleObjectProperty<>();
    private final ObjectProperty<PayoffData> payoff = new SimpleObjectProperty<>();
    private final StringProperty net = new SimpleStringProperty("");
    private final StringProperty touchNote = new SimpleStringProperty("");
    private final BooleanProperty credit = new SimpleBooleanProperty();
    private final StringProperty maxProfit = new SimpleStringProperty("");
    private final StringProperty maxLoss = new SimpleStringProperty("");
    private final StringProperty breakevens = new SimpleStringProperty("");
    private final StringProperty probability = new SimpleStringProperty("");
    private final StringProperty greeks = new SimpleStringProperty("");
    private final StringProperty limit = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty canSend = new SimpleBooleanProperty();
    private final BooleanProperty sending = new SimpleBooleanProperty();
    private final ObjectProperty<List<Order>> lastOrders = new SimpleObjectProperty<>(List.of());

    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile Request pending;
    private volatile boolean closed;
    /** The natural net price per combo unit of the last analysis, to prefill the limit. */
    private BigDecimal lastNatural;

    public StrategyBuilderViewModel(
            TradingSession session, UiExecutor ui, OptionChainViewModel chain, ObjectProperty<PortfolioId> portfolio) {
        this(session, ui, chain, portfolio, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "paperdesk-strategy-builder");
            t.setDaemon(true);
            return t;
        }));
    }

    public StrategyBuilderViewModel(
            TradingSession session,
            UiExecutor ui,
            OptionChainViewModel chain,
            ObjectProperty<PortfolioId> portfolio,
            ExecutorService worker) {
        this.session = session;
        this.ui = ui;
        this.chain = chain;
        this.portfolio = portfolio;
        this.worker = worker;
        session.addListener(comboListener);
        legs.addListener((ListChangeListener<StrategyLegRow>) c -> {
            lastNatural = null; // a new position: the limit follows its natural price again
            generation++;
            recompute();
        });
        scenarioDays.addListener((o, a, b) -> recompute());
        volShiftPoints.addListener((o, a, b) -> recompute());
        chain.snapshotProperty().addListener((o, a, b) -> {
            if (b != null) {
                strikes.setAll(b.lines().stream().map(ChainLine::strike).toList());
            }
            recompute();
        });
        chain.underlyingProperty().addListener((o, a, b) -> legs.clear());
        chain.onBuilder(this::addLeg);
    }

    // ---------------------------------------------------------------- commands

    /** Replaces the legs with the chosen template around the money of the chain's expiry. */
    public void applyTemplate() {
        ChainSnapshot near = chain.snapshotProperty().get();
        StrategyTemplate t = template.get();
        if (near == null || t == null) {
            status.set("Open a chain first: the template is placed around its at-the-money strike.");
            return;
        }
        LocalDate farExpiry = null;
        List<Double> farStrikes = List.of();
        if (t.needsFarExpiry()) {
            farExpiry = chain.expiries().stream()
                    .filter(d -> !d.isBefore(near.expiry().plusDays(28)))
                    .findFirst()
                    .orElse(chain.expiries().stream()
                            .filter(d -> d.isAfter(near.expiry()))
                            .findFirst()
                            .orElse(null));
            if (farExpiry != null) {
                farStrikes = chain.source()
                        .chain(near.underlying(), farExpiry)
                        .map(ChainSnapshot::strikes)
                        .orElse(List.of());
            }
        }
        OptionStrategy s;
        try {
            TemplateInputs in = new TemplateInputs(
                    near.spot(),
                    near.expiry(),
                    near.strikes(),
                    farExpiry,
                    farStrikes,
                    Math.max(1, width.get()),
                    Math.max(1, contracts.get()),
                    near.multiplier());
            // strikes and expiries only: prices come from the live chain in the analysis
            s = t.build(in, (right, strike, expiry, buy) -> new LegPrice(0.0, 0.0));
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        List<StrategyLegRow> rows = new ArrayList<>();
        for (StrategyLeg leg : s.legs()) {
            Side side = leg.quantity() > 0 ? Side.BUY : Side.SELL;
            int q = Math.abs(leg.quantity());
            rows.add(
                    switch (leg) {
                        case StrategyLeg.OptionLeg o -> new StrategyLegRow(
                                side,
                                q,
                                o.right() == OptionRight.CALL ? Kind.CALL : Kind.PUT,
                                strikeOf(near, o.strike()),
                                o.expiry());
                        case StrategyLeg.UnderlyingLeg u -> new StrategyLegRow(side, q, Kind.STOCK, null, null);
                    });
        }
        status.set(t.label() + " around " + Formats.price(near.atmStrike()) + ", " + near.expiry());
        legs.setAll(rows);
        // the scenario curve starts half way to the first expiry, between "today" and "at expiry"
        scenarioDays.set(daysToHorizon() / 2);
    }

    private static BigDecimal strikeOf(ChainSnapshot near, double strike) {
        return near.lines().stream()
                .map(ChainLine::strike)
                .filter(k -> k.doubleValue() == strike)
                .findFirst()
                .orElse(BigDecimal.valueOf(strike));
    }

    /** Adds a contract picked in the chain; refused beyond the leg limit. */
    public void addLeg(ContractPick pick) {
        if (!addable()) {
            return;
        }
        legs.add(new StrategyLegRow(
                pick.side(),
                Math.max(1, contracts.get()),
                pick.right() == OptionRight.CALL ? Kind.CALL : Kind.PUT,
                pick.strike(),
                pick.expiry()));
    }

    /** Adds a leg in the underlying: one multiplier of units per contract. */
    public void addUnderlyingLeg() {
        if (legs.stream().anyMatch(r -> r.kindProperty().get() == Kind.STOCK)) {
            status.set("A strategy has at most one underlying leg.");
            return;
        }
        ChainSnapshot near = chain.snapshotProperty().get();
        int units = near == null ? 100 : (int) Math.round(near.multiplier());
        if (addable()) {
            legs.add(new StrategyLegRow(Side.BUY, units * Math.max(1, contracts.get()), Kind.STOCK, null, null));
        }
    }

    /** Adds an at-the-money call of the chain's expiry, to edit in place. */
    public void addOptionLeg() {
        ChainSnapshot near = chain.snapshotProperty().get();
        if (near == null) {
            status.set("Open a chain first.");
            return;
        }
        if (addable()) {
            legs.add(new StrategyLegRow(
                    Side.BUY, Math.max(1, contracts.get()), Kind.CALL, near.atmStrike(), near.expiry()));
        }
    }

    private boolean addable() {
        if (legs.size() >= OptionStrategy.MAX_LEGS) {
            status.set("A strategy has at most " + OptionStrategy.MAX_LEGS + " legs.");
            return false;
        }
        return true;
    }

    public void removeLeg(StrategyLegRow row) {
        legs.remove(row);
    }

    public void clear() {
        legs.clear();
        status.set("");
    }

    // ---------------------------------------------------------------- analysis

    /** What the worker needs, copied on the UI thread. */
    private record LegSpec(Side side, int quantity, Kind kind, BigDecimal strike, LocalDate expiry) {}

    private record Request(
            long generation,
            InstrumentId underlying,
            ChainSnapshot near,
            List<LegSpec> legs,
            int scenarioDays,
            double volShiftPoints,
            PortfolioId portfolio) {}

    /** The priced legs and everything derived from them. */
    private record Result(
            long generation,
            List<Resolved> legs,
            OptionStrategy strategy,
            StrategyAnalysis analysis,
            PayoffData payoff,
            BigDecimal natural,
            String problem,
            BigDecimal touchNatural) {
        /** A result without an analysis: why there is none. */
        static Result none(long generation, List<Resolved> legs, String problem) {
            return new Result(generation, legs, null, null, null, null, problem, null);
        }
    }

    private record Resolved(InstrumentId instrument, BigDecimal price, double volatility, String problem) {}

    /** Bumped on every change of the legs: an answer computed for older legs is dropped. */
    private long generation;
    /** True while the status line shows why the legs cannot be analysed. */
    private boolean problemShown;

    /** Reprices and reanalyses off the UI thread; requests made meanwhile collapse into the latest. */
    public void recompute() {
        if (closed) {
            return;
        }
        ChainSnapshot near = chain.snapshotProperty().get();
        List<LegSpec> specs = legs.stream()
                .map(r -> new LegSpec(
                        r.sideProperty().get(),
                        r.quantityProperty().get(),
                        r.kindProperty().get(),
                        r.strikeProperty().get(),
                        r.expiryProperty().get()))
                .toList();
        pending = new Request(
                generation,
                chain.underlyingProperty().get(),
                near,
                specs,
                scenarioDays.get(),
                volShiftPoints.get(),
                portfolio.get());
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            queued.set(false);
            Request r = pending;
            Result result;
            try {
                result = analyse(r);
            } catch (RuntimeException e) {
                result = Result.none(r.generation(), List.of(), e.getMessage());
            }
            Result done = result;
            ui.coalesce(UI_KEY, () -> show(done));
        });
    }

    private Result analyse(Request r) {
        if (r.near() == null || r.underlying() == null || !r.near().underlying().equals(r.underlying())) {
            return Result.none(r.generation(), List.of(), r.legs().isEmpty() ? "" : "No chain.");
        }
        if (r.legs().isEmpty()) {
            return Result.none(r.generation(), List.of(), "");
        }
        Map<LocalDate, Optional<ChainSnapshot>> chains = new HashMap<>();
        chains.put(r.near().expiry(), Optional.of(r.near()));
        Optional<Quote> quote = session.quote(r.underlying());
        List<Resolved> resolved = new ArrayList<>();
        List<StrategyLeg> strategyLegs = new ArrayList<>();
        BigDecimal natural = BigDecimal.ZERO;
        BigDecimal touchNatural = BigDecimal.ZERO;
        String problem = null;
        for (LegSpec leg : r.legs()) {
            int signed = leg.side() == Side.BUY ? leg.quantity() : -leg.quantity();
            if (leg.quantity() <= 0) {
                resolved.add(new Resolved(null, null, Double.NaN, "quantity must be positive"));
                problem = problem == null ? "Every leg needs a positive quantity." : problem;
                continue;
            }
            if (leg.kind() == Kind.STOCK) {
                BigDecimal touch = quote.map(q -> (leg.side() == Side.BUY ? q.ask() : q.bid()).value())
                        .orElse(BigDecimal.valueOf(r.near().spot()));
                BigDecimal px = executable(r, r.underlying(), leg, touch);
                resolved.add(new Resolved(r.underlying(), px, Double.NaN, ""));
                strategyLegs.add(new StrategyLeg.UnderlyingLeg(signed, px.doubleValue()));
                natural = natural.add(px.multiply(BigDecimal.valueOf(signed)));
                touchNatural = touchNatural.add(touch.multiply(BigDecimal.valueOf(signed)));
                continue;
            }
            if (leg.strike() == null || leg.expiry() == null) {
                resolved.add(new Resolved(null, null, Double.NaN, "choose a strike and an expiry"));
                problem = problem == null ? "Every option leg needs a strike and an expiry." : problem;
                continue;
            }
            ChainSnapshot snap = chains.computeIfAbsent(
                            leg.expiry(), e -> chain.source().chain(r.underlying(), e))
                    .orElse(null);
            OptionRight right = leg.kind() == Kind.CALL ? OptionRight.CALL : OptionRight.PUT;
            Optional<ChainSide> side = snap == null
                    ? Optional.empty()
                    : snap.side(right, leg.strike().doubleValue());
            if (side.isEmpty()) {
                resolved.add(new Resolved(null, null, Double.NaN, "not listed"));
                problem = problem == null
                        ? leg.kind() + " " + Formats.price(leg.strike()) + " " + leg.expiry() + " is not listed."
                        : problem;
                continue;
            }
            ChainSide s = side.get();
            BigDecimal touch = leg.side() == Side.BUY ? s.ask() : s.bid();
            BigDecimal px = executable(r, s.contract(), leg, touch);
            resolved.add(new Resolved(s.contract(), px, s.iv(), ""));
            strategyLegs.add(new StrategyLeg.OptionLeg(
                    right, leg.strike().doubleValue(), leg.expiry(), signed, px.doubleValue(), s.iv()));
            natural = natural.add(px.multiply(BigDecimal.valueOf(signed)));
            touchNatural = touchNatural.add(touch.multiply(BigDecimal.valueOf(signed)));
        }
        if (problem != null) {
            return Result.none(r.generation(), resolved, problem);
        }
        ChainSnapshot near = r.near();
        OptionStrategy strategy = new OptionStrategy("strategy", strategyLegs, near.multiplier());
        StrategyMarket market =
                new StrategyMarket(near.spot(), near.valuationDate(), near.rate(), near.dividendYield(), near.style());
        StrategyAnalyzer analyzer = StrategyAnalyzer.DEFAULT;
        LocalDate horizon = analyzer.horizon(strategy, market);
        double popVol = atmVolatility(
                chains.computeIfAbsent(horizon, e -> chain.source().chain(r.underlying(), e))
                        .orElse(near),
                StrategyAnalyzer.meanVolatility(strategy));
        StrategyAnalysis a = analyzer.analyse(strategy, market, popVol);
        double[] range = analyzer.chartRange(strategy, market, popVol);
        LocalDate scenarioDate = near.valuationDate().plusDays(Math.max(0, r.scenarioDays()));
        if (scenarioDate.isAfter(horizon)) {
            scenarioDate = horizon;
        }
        double shift = r.volShiftPoints() / 100.0;
        PayoffCurve atExpiry = analyzer.curve(strategy, market, horizon, 0.0, range[0], range[1], CURVE_POINTS);
        PayoffCurve today =
                analyzer.curve(strategy, market, near.valuationDate(), 0.0, range[0], range[1], CURVE_POINTS);
        PayoffCurve scenario = analyzer.curve(strategy, market, scenarioDate, shift, range[0], range[1], CURVE_POINTS);
        PayoffData data = new PayoffData(
                atExpiry.spots(),
                atExpiry.profits(),
                today.profits(),
                scenario.profits(),
                horizon,
                scenarioDate,
                r.volShiftPoints(),
                a.breakevens(),
                near.spot());
        // per combo unit: the legs' common factor is the unit count
        BigDecimal perUnit = natural.divide(BigDecimal.valueOf(units(r.legs())), 8, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        BigDecimal touchPerUnit = touchNatural
                .divide(BigDecimal.valueOf(units(r.legs())), 8, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return new Result(r.generation(), resolved, strategy, a, data, perUnit, null, touchPerUnit);
    }

    /**
     * What a market order for the leg would pay or receive on average now, by the session's estimate
     * (the book walked for the leg's size, the slippage model), which is how the combo is filled:
     * a thin touch (a crypto option's fraction of a contract) makes it worse than the touch itself.
     * The touch price when there is no portfolio or no estimate.
     */
    private BigDecimal executable(Request r, InstrumentId instrument, LegSpec leg, BigDecimal touch) {
        if (r.portfolio() == null || instrument == null) {
            return touch;
        }
        OrderEstimate e = session.estimate(
                OrderRequest.market(r.portfolio(), instrument, leg.side(), Quantity.of(leg.quantity())));
        return e.available() && e.price() != null ? e.price().value() : touch;
    }

    /** The at-the-money implied volatility of a chain (mean of call and put), or {@code fallback}. */
    static double atmVolatility(ChainSnapshot c, double fallback) {
        int i = c.atmIndex();
        if (i < 0) {
            return fallback;
        }
        ChainLine line = c.lines().get(i);
        double v = (line.call().iv() + line.put().iv()) / 2.0;
        return Double.isFinite(v) && v > 0 ? v : fallback;
    }

    private static int units(List<LegSpec> legs) {
        int g = 0;
        for (LegSpec l : legs) {
            g = gcd(g, Math.abs(l.quantity()));
        }
        return Math.max(1, g);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private void show(Result r) {
        if (r.generation() != generation) {
            return; // computed for legs since changed: the answer for the current ones is on its way
        }
        for (int i = 0; i < r.legs().size() && i < legs.size(); i++) {
            Resolved x = r.legs().get(i);
            StrategyLegRow row = legs.get(i);
            row.instrumentProperty().set(x.instrument());
            row.priceProperty().set(x.price());
            row.volatilityProperty().set(x.volatility());
            row.problemProperty().set(x.problem());
        }
        analysis.set(r.analysis());
        payoff.set(r.payoff());
        canSend.set(r.analysis() != null && !sending.get() && legs.size() >= 2);
        if (r.analysis() == null) {
            net.set("");
            touchNote.set("");
            maxProfit.set("");
            maxLoss.set("");
            breakevens.set("");
            probability.set("");
            greeks.set("");
            if (r.problem() != null && !r.problem().isEmpty()) {
                status.set(r.problem());
                problemShown = true;
            }
            return;
        }
        StrategyAnalysis a = r.analysis();
        credit.set(a.isCredit());
        net.set((a.isCredit() ? "Credit " : "Debit ") + Formats.money(BigDecimal.valueOf(Math.abs(a.netPremium()))));
        touchNote.set(touchNote(a.netPremium(), r.natural(), r.touchNatural()));
        maxProfit.set(bound(a.maxProfit()));
        maxLoss.set(bound(a.maxLoss()));
        breakevens.set(
                a.breakevens().isEmpty()
                        ? "none"
                        : a.breakevens().stream()
                                .map(b -> String.format(Locale.US, "%,.2f", b))
                                .collect(Collectors.joining("  ")));
        probability.set(String.format(Locale.US, "%.1f%%", a.probabilityOfProfit() * 100));
        StrategyGreeks g = a.greeks();
        greeks.set(String.format(
                Locale.US,
                "Δ %+.2f   Γ %+.4f   Θ %+.2f/day   V %+.2f/pt   ρ %+.2f/pt",
                g.delta(),
                g.gamma(),
                g.thetaPerDay(),
                g.vegaPerPoint(),
                g.rhoPerPoint()));
        if (lastNatural == null || limit.get().isBlank()) {
            limit.set(r.natural().toPlainString());
        }
        lastNatural = r.natural();
        if (problemShown && !sending.get()) {
            status.set("");
            problemShown = false;
        }
    }

    /**
     * Where the executable net (the legs' estimated fills, which the analysis and the limit use)
     * differs from the net at the touch: {@code "at the touch: credit 553.00 (legs priced as they fill)"}
     * in the units of the net premium shown; empty where they agree.
     */
    static String touchNote(double netPremium, BigDecimal natural, BigDecimal touchNatural) {
        if (natural == null || touchNatural == null || natural.signum() == 0 || natural.compareTo(touchNatural) == 0) {
            return "";
        }
        double atTouch = netPremium * touchNatural.doubleValue() / natural.doubleValue();
        if (Math.abs(atTouch - netPremium) < 0.005) {
            return "";
        }
        return "at the touch: " + (atTouch < 0 ? "credit " : "debit ")
                + Formats.money(BigDecimal.valueOf(Math.abs(atTouch))) + " (legs priced as they fill)";
    }

    private static String bound(Bound b) {
        return b.unlimited() ? "Unlimited" : Formats.money(BigDecimal.valueOf(b.amount()));
    }

    // ---------------------------------------------------------------- sending

    /**
     * Sends the legs as one combo: market legs filled together or not at all, the net price per combo
     * unit bounded by the limit field (blank: no bound). Positive limits are debits, negative credits.
     */
    public CompletableFuture<List<Order>> send() {
        PortfolioId p = portfolio.get();
        if (p == null) {
            status.set("Choose a portfolio first.");
            return CompletableFuture.completedFuture(List.of());
        }
        if (legs.size() < 2) {
            status.set("A combo needs at least two legs.");
            return CompletableFuture.completedFuture(List.of());
        }
        List<OrderRequest> requests = new ArrayList<>();
        int units = 0;
        for (StrategyLegRow row : legs) {
            InstrumentId id = row.instrumentProperty().get();
            if (id == null) {
                status.set("Every leg must be priced before sending.");
                return CompletableFuture.completedFuture(List.of());
            }
            units = gcd(units, row.quantityProperty().get());
            requests.add(OrderRequest.builder(
                            p,
                            id,
                            row.sideProperty().get(),
                            Quantity.of(row.quantityProperty().get()))
                    .timeInForce(TimeInForce.DAY)
                    .tag("strategy")
                    .build());
        }
        Price netLimit;
        try {
            netLimit = limit.get().isBlank() ? null : Price.of(limit.get().strip());
        } catch (NumberFormatException e) {
            status.set("Limit: not a number: '" + limit.get() + "'");
            return CompletableFuture.completedFuture(List.of());
        }
        OrderPlacement.Combo combo;
        try {
            combo = new OrderPlacement.Combo(requests, Quantity.of(Math.max(1, units)), netLimit, TimeInForce.DAY);
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return CompletableFuture.completedFuture(List.of());
        }
        sending.set(true);
        canSend.set(false);
        status.set("Sending " + legs.size() + " legs as one combo\u2026");
        return session.place(combo)
                .whenComplete((orders, error) -> ui.post(() -> {
                    sending.set(false);
                    canSend.set(analysis.get() != null);
                    if (error != null) {
                        Throwable cause = error.getCause() == null ? error : error.getCause();
                        status.set("Combo refused: " + cause.getMessage());
                        return;
                    }
                    lastOrders.set(orders);
                    following = orders.stream().map(Order::id).collect(Collectors.toUnmodifiableSet());
                    followCombo();
                }));
    }

    /** The orders of the combo sent last, whose updates the status follows (engine thread reads it). */
    private volatile java.util.Set<dev.paperdesk.engine.model.OrderId> following = java.util.Set.of();

    private final dev.paperdesk.engine.session.EngineListener comboListener = this::onEngineEvent;

    private void onEngineEvent(dev.paperdesk.engine.session.EngineEvent e) {
        if (e instanceof dev.paperdesk.engine.session.EngineEvent.OrderUpdated u
                && following.contains(u.order().id())) {
            followCombo();
        }
    }

    /**
     * Works out the combo's status on the worker (the journal it reads is the workspace's, not for
     * the FX thread) and shows it; updates in a burst collapse into the latest on the FX thread.
     */
    private void followCombo() {
        if (closed) {
            return;
        }
        try {
            worker.execute(() -> {
                String text = comboStatus();
                if (text != null) {
                    ui.coalesce(COMBO_KEY, () -> status.set(text));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
            // the builder closed between the check and the hand-over: nobody to show it to
        }
    }

    private static final String COMBO_KEY = "strategy-builder-combo";

    /**
     * The status of the combo sent last, as its legs are now (null while they are not all known): a
     * waiting combo says why (the net price
     * against the limit, a leg's market closed), and the line follows it until it fills or ends.
     */
    private String comboStatus() {
        java.util.Set<dev.paperdesk.engine.model.OrderId> ids = following;
        if (ids.isEmpty()) {
            return null;
        }
        List<Order> now =
                session.orders().stream().filter(o -> ids.contains(o.id())).toList();
        if (now.size() != ids.size()) {
            return null;
        }
        String text = describe(now);
        if (now.stream().anyMatch(o -> !o.status().isTerminal())) {
            String why = session.journal(now.get(0).id()).stream()
                    .map(dev.paperdesk.engine.store.JournalEntry::reason)
                    .filter(r -> r != null && r.startsWith("combo waiting"))
                    .reduce((a, b) -> b)
                    .orElse("");
            if (!why.isEmpty()) {
                text += " " + Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".";
            }
        }
        return text;
    }

    static String describe(List<Order> orders) {
        long filled =
                orders.stream().filter(o -> o.status() == OrderStatus.FILLED).count();
        long rejected =
                orders.stream().filter(o -> o.status() == OrderStatus.REJECTED).count();
        if (rejected > 0) {
            String reason = orders.stream()
                    .filter(o -> o.status() == OrderStatus.REJECTED)
                    .map(o -> o.rejection() == null ? "" : o.rejection().toString())
                    .findFirst()
                    .orElse("");
            return "Combo rejected: " + reason;
        }
        if (filled == orders.size()) {
            return "Combo filled: " + filled + " legs.";
        }
        return "Combo working: " + orders.size() + " legs, " + filled + " filled.";
    }

    public void close() {
        closed = true;
        session.removeListener(comboListener);
        worker.shutdownNow();
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<StrategyTemplate> templates() {
        return templates;
    }

    public ObjectProperty<StrategyTemplate> templateProperty() {
        return template;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public IntegerProperty contractsProperty() {
        return contracts;
    }

    public ObservableList<StrategyLegRow> legs() {
        return legs;
    }

    /** The strikes of the chain's expiry, for the legs' strike editor. */
    public ObservableList<BigDecimal> strikes() {
        return strikes;
    }

    /** The chain's expiries, for the legs' expiry editor. */
    public ObservableList<LocalDate> expiries() {
        return chain.expiries();
    }

    /** Days from today to the scenario curve's date (capped at the first expiry). */
    public IntegerProperty scenarioDaysProperty() {
        return scenarioDays;
    }

    /** Volatility shift of the scenario curve, in volatility points (+5 = every IV 5 points higher). */
    public DoubleProperty volShiftPointsProperty() {
        return volShiftPoints;
    }

    /** Days from the chain's valuation date to the strategy's first expiry, or 0. */
    public int daysToHorizon() {
        ChainSnapshot near = chain.snapshotProperty().get();
        LocalDate first = legs.stream()
                .map(r -> r.expiryProperty().get())
                .filter(d -> d != null)
                .min(LocalDate::compareTo)
                .orElse(near == null ? null : near.expiry());
        return near == null || first == null ? 0 : (int) ChronoUnit.DAYS.between(near.valuationDate(), first);
    }

    public ObjectProperty<StrategyAnalysis> analysisProperty() {
        return analysis;
    }

    public ObjectProperty<PayoffData> payoffProperty() {
        return payoff;
    }

    /** "Debit 123.00" or "Credit 200.00": what opening the position costs or brings in. */
    /** What the legs' touches alone would net, where their fills walk past them; empty otherwise. */
    public StringProperty touchNoteProperty() {
        return touchNote;
    }

    public StringProperty netProperty() {
        return net;
    }

    public BooleanProperty creditProperty() {
        return credit;
    }

    public StringProperty maxProfitProperty() {
        return maxProfit;
    }

    public StringProperty maxLossProperty() {
        return maxLoss;
    }

    public StringProperty breakevensProperty() {
        return breakevens;
    }

    public StringProperty probabilityProperty() {
        return probability;
    }

    public StringProperty greeksProperty() {
        return greeks;
    }

    /** The combo's net limit per unit (positive debit, negative credit); prefilled with the natural price. */
    public StringProperty limitProperty() {
        return limit;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty canSendProperty() {
        return canSend;
    }

    public BooleanProperty sendingProperty() {
        return sending;
    }

    /** The orders of the last combo sent. */
    public ObjectProperty<List<Order>> lastOrdersProperty() {
        return lastOrders;
    }
}
