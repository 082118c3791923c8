package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulation core: advances every underlying, venue basis, book and tape of a {@link
 * MarketUniverse} in fixed time steps and reports what happened to a {@link
 * PrimitiveMarketListener}, in primitives.
 *
 * <p>One step at time {@code t}: draw the factor shocks; advance each underlying (Heston variance
 * with jumps, full-truncation Euler, in its own business-time clock); advance each venue's basis or
 * premium (Ornstein–Uhlenbeck plus dislocations) and the perpetual indices; then, for each selected
 * listing in order: re-centre its book on the new mid and refill it, print the trades of the step's
 * market orders against it, publish the BBO if it changed, and for perpetuals update mark price,
 * premium average, funding and open interest. Every event of a step carries the step's time.
 *
 * <p>Deterministic: the output depends only on the universe, the configuration, the seed and the
 * start time. Random numbers come from {@link RandomStream}s named after what they drive.
 *
 * <p>Not thread-safe; drive it from one thread (the event loop, via {@link SimulatedMarket}).
 */
public final class MarketSimulator implements OrderBook.LevelTaken {
    private static final double BPS = 1e-4;
    private static final double LN2 = StrictMath.log(2.0);
    private static final double CALENDAR_YEAR_SECONDS = 365.0 * 86_400;

    private final MarketUniverse universe;
    private final SimulationConfig config;
    private final long stepNanos;
    private final double dt;
    private long timeNanos;
    private long stepCount;

    private final SessionTracker[] sessions;

    // Factors.
    private final int factorCount;
    private final RandomStream[] factorRandom;
    private final double[] factorJumpProbability;
    private final double[] factorJumpMean;
    private final double[] factorJumpStd;
    private final double[] factorShock;
    private final double[] factorJump;

    // Underlyings (structure of arrays: this loop runs for every underlying every step).
    private final int underlyingCount;
    private final Underlying[] underlyingSpecs;
    private final boolean[] composite;
    private final double[] logPrice;
    private final double[] logStart;
    private final double[] variance;
    private final double[] price;
    private final double[] volRatio;
    private final double[] stepSd;
    private final HestonJumpDynamics[] dynamics;
    private final VarianceClock[] clocks;
    private final SessionTracker[] underlyingSession;
    private final int[][] loadingFactor;
    private final double[][] loadingWeight;
    private final double[] idiosyncraticWeight;
    private final RandomStream[] underlyingRandom;
    private final int[][] componentIndex;
    private final double[][] componentWeight;

    // Perpetual premium common to all venues, per underlying (NaN-free only where perps exist).
    private final boolean[] hasPremium;
    private final double[] commonPremium;
    private final double[] commonMean;
    private final double[] commonDecay;
    private final double[] commonNoise;
    private final RandomStream[] premiumRandom;
    private final double[] indexPrice;
    private final int[][] spotModelsOf;
    private final double[][] spotWeightsOf;

    // Venue basis (spot) or fast premium (perpetual) of every catalogue listing.
    private final VenueModel[] models;

    // Selected listings.
    private final Listing[] listings;
    private final List<ListingSpec> listingSpecs;
    private final Map<InstrumentId, Integer> listingIndex = new HashMap<>();

    private final double replenishFraction;
    private final long bookEvery;
    private final long markEvery;
    private final long openInterestEvery;

    // Trade walking state: the simulator is its own LevelTaken to avoid a lambda per trade.
    private PrimitiveMarketListener tradeListener;
    private Listing tradeListing;
    private boolean tradeBuy;

    /** A simulator whose state is at the step-grid point at or before {@code startNanos}. */
    public MarketSimulator(MarketUniverse universe, SimulationConfig config, long seed, long startNanos) {
        this.universe = universe;
        this.config = config;
        this.stepNanos = config.step().toNanos();
        this.dt = stepNanos / 1e9;
        this.timeNanos = Math.floorDiv(startNanos, stepNanos) * stepNanos;
        this.replenishFraction = 1.0
                - StrictMath.exp(-LN2 * stepNanos / config.replenishHalfLife().toNanos());
        this.bookEvery = config.bookInterval().isZero() ? 0 : config.everySteps(config.bookInterval());
        this.markEvery = config.everySteps(config.markInterval());
        this.openInterestEvery = config.everySteps(config.openInterestInterval());

        Map<TradingHours, SessionTracker> trackers = new LinkedHashMap<>();

        List<FactorSpec> factors = universe.factors();
        factorCount = factors.size();
        factorRandom = new RandomStream[factorCount];
        factorJumpProbability = new double[factorCount];
        factorJumpMean = new double[factorCount];
        factorJumpStd = new double[factorCount];
        factorShock = new double[factorCount];
        factorJump = new double[factorCount];
        Map<String, Integer> factorIndex = new HashMap<>();
        for (int k = 0; k < factorCount; k++) {
            FactorSpec f = factors.get(k);
            factorIndex.put(f.name(), k);
            factorRandom[k] = new RandomStream(seed, "factor:" + f.name());
            factorJumpProbability[k] = f.jumpsPerYear() * dt / CALENDAR_YEAR_SECONDS;
            factorJumpMean[k] = f.jumpMean();
            factorJumpStd[k] = f.jumpStd();
        }

        List<Underlying> us = universe.underlyings();
        underlyingCount = us.size();
        underlyingSpecs = us.toArray(new Underlying[0]);
        composite = new boolean[underlyingCount];
        logPrice = new double[underlyingCount];
        logStart = new double[underlyingCount];
        variance = new double[underlyingCount];
        price = new double[underlyingCount];
        volRatio = new double[underlyingCount];
        stepSd = new double[underlyingCount];
        dynamics = new HestonJumpDynamics[underlyingCount];
        clocks = new VarianceClock[underlyingCount];
        underlyingSession = new SessionTracker[underlyingCount];
        loadingFactor = new int[underlyingCount][];
        loadingWeight = new double[underlyingCount][];
        idiosyncraticWeight = new double[underlyingCount];
        underlyingRandom = new RandomStream[underlyingCount];
        componentIndex = new int[underlyingCount][];
        componentWeight = new double[underlyingCount][];
        Map<String, Integer> underlyingIndex = new HashMap<>();
        for (int i = 0; i < underlyingCount; i++) {
            Underlying u = us.get(i);
            underlyingIndex.put(u.name(), i);
            logStart[i] = StrictMath.log(u.startPrice());
            logPrice[i] = logStart[i];
            price[i] = u.startPrice();
            volRatio[i] = 1.0;
            switch (u) {
                case Underlying.Stochastic s -> {
                    dynamics[i] = s.dynamics();
                    clocks[i] = s.clock();
                    underlyingSession[i] = trackers.computeIfAbsent(s.clock().hours(), SessionTracker::new);
                    variance[i] = s.dynamics().initialVol() * s.dynamics().initialVol();
                    underlyingRandom[i] = new RandomStream(seed, "underlying:" + u.name());
                    int n = s.loadings().size();
                    loadingFactor[i] = new int[n];
                    loadingWeight[i] = new double[n];
                    double sum = 0;
                    for (int j = 0; j < n; j++) {
                        FactorLoading l = s.loadings().get(j);
                        loadingFactor[i][j] = factorIndex.get(l.factor());
                        loadingWeight[i][j] = l.weight();
                        sum += l.weight() * l.weight();
                    }
                    idiosyncraticWeight[i] = Math.sqrt(Math.max(0.0, 1.0 - sum));
                }
                case Underlying.Composite c -> {
                    composite[i] = true;
                    int n = c.components().size();
                    componentIndex[i] = new int[n];
                    componentWeight[i] = new double[n];
                    for (int j = 0; j < n; j++) {
                        componentIndex[i][j] =
                                underlyingIndex.get(c.components().get(j).underlying());
                        componentWeight[i][j] = c.components().get(j).weight();
                    }
                }
            }
        }

        // Venue models for the whole catalogue, so indices do not depend on the selection.
        List<ListingSpec> catalogue = universe.catalogue();
        models = new VenueModel[catalogue.size()];
        Map<ListingSpec, VenueModel> modelOf = new HashMap<>();
        List<List<Integer>> spots = new ArrayList<>();
        for (int i = 0; i < underlyingCount; i++) {
            spots.add(new ArrayList<>());
        }
        for (int c = 0; c < catalogue.size(); c++) {
            ListingSpec spec = catalogue.get(c);
            int u = underlyingIndex.get(spec.underlying());
            models[c] = new VenueModel(spec, u, universe.premiums().get(spec.underlying()), dt, seed);
            modelOf.put(spec, models[c]);
            if (spec.kind() == ListingKind.SPOT) {
                spots.get(u).add(c);
            }
        }
        hasPremium = new boolean[underlyingCount];
        commonPremium = new double[underlyingCount];
        commonMean = new double[underlyingCount];
        commonDecay = new double[underlyingCount];
        commonNoise = new double[underlyingCount];
        premiumRandom = new RandomStream[underlyingCount];
        indexPrice = new double[underlyingCount];
        spotModelsOf = new int[underlyingCount][];
        spotWeightsOf = new double[underlyingCount][];
        for (int i = 0; i < underlyingCount; i++) {
            PremiumDynamics p = universe.premiums().get(underlyingSpecs[i].name());
            if (p != null) {
                hasPremium[i] = true;
                double decay = StrictMath.exp(-LN2 * dt / (p.commonHalfLifeHours() * 3600));
                double sd = p.commonStdBps() * p.scale() * BPS;
                commonMean[i] = p.meanBps() * p.scale() * BPS;
                commonDecay[i] = decay;
                commonNoise[i] = sd * Math.sqrt(1 - decay * decay);
                premiumRandom[i] = new RandomStream(seed, "premium:" + underlyingSpecs[i].name());
                commonPremium[i] = commonMean[i] + sd * premiumRandom[i].gaussian();
            }
            List<Integer> s = spots.get(i);
            spotModelsOf[i] = s.stream().mapToInt(Integer::intValue).toArray();
            spotWeightsOf[i] = s.stream()
                    .mapToDouble(c -> catalogue.get(c).venue().depthScale())
                    .toArray();
            indexPrice[i] = price[i];
        }

        listingSpecs = universe.listings();
        listings = new Listing[listingSpecs.size()];
        for (int l = 0; l < listings.length; l++) {
            ListingSpec spec = listingSpecs.get(l);
            listings[l] = new Listing(
                    l,
                    spec,
                    modelOf.get(spec),
                    trackers.computeIfAbsent(spec.hours(), SessionTracker::new),
                    seed,
                    timeNanos,
                    dt,
                    config.tradeIntensity(),
                    openInterestEvery);
            listingIndex.put(spec.instrument().id(), l);
        }
        sessions = trackers.values().toArray(new SessionTracker[0]);
        for (SessionTracker s : sessions) {
            s.update(timeNanos);
        }
        for (int i = 0; i < underlyingCount; i++) {
            if (composite[i]) {
                updateComposite(i);
            }
        }
        updateIndices();
    }

    public MarketUniverse universe() {
        return universe;
    }

    public SimulationConfig config() {
        return config;
    }

    /** The selected listings; a listing's position here is its index in listener callbacks. */
    public List<ListingSpec> listings() {
        return listingSpecs;
    }

    /** Position of a listing in {@link #listings()}, or -1. */
    public int indexOf(InstrumentId id) {
        Integer i = listingIndex.get(id);
        return i == null ? -1 : i;
    }

    /** The time of the last step (the state's time). */
    public long timeNanos() {
        return timeNanos;
    }

    public long nextStepNanos() {
        return timeNanos + stepNanos;
    }

    public long stepNanos() {
        return stepNanos;
    }

    /** The live book of a selected listing. */
    public OrderBook book(int listing) {
        return listings[listing].book;
    }

    public Optional<OrderBook> book(InstrumentId id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(listings[i].book);
    }

    /** The current fair value of an underlying (before any venue's basis). */
    public double fairPrice(String underlying) {
        for (int i = 0; i < underlyingCount; i++) {
            if (underlyingSpecs[i].name().equals(underlying)) {
                return price[i];
            }
        }
        throw new IllegalArgumentException("no underlying " + underlying);
    }

    /** The modelled mid of a selected listing (fair value with the venue's basis or premium). */
    public double modelMid(int listing) {
        return mid(listings[listing].model);
    }

    /** Steps until {@link #timeNanos()} reaches {@code endNanos}, reporting to {@code listener}. */
    public void runUntil(long endNanos, PrimitiveMarketListener listener) {
        while (timeNanos + stepNanos <= endNanos) {
            step(listener);
        }
    }

    /** Advances one step and reports its events. */
    public void step(PrimitiveMarketListener listener) {
        long t = timeNanos + stepNanos;
        timeNanos = t;
        stepCount++;
        for (SessionTracker s : sessions) {
            s.update(t);
        }
        stepFactors();
        for (int i = 0; i < underlyingCount; i++) {
            if (composite[i]) {
                updateComposite(i);
            } else {
                stepUnderlying(i);
            }
        }
        for (int i = 0; i < underlyingCount; i++) {
            if (hasPremium[i]) {
                double x = commonPremium[i];
                commonPremium[i] = commonMean[i]
                        + (x - commonMean[i]) * commonDecay[i]
                        + commonNoise[i] * premiumRandom[i].gaussian();
            }
        }
        for (VenueModel m : models) {
            m.step();
        }
        updateIndices();
        for (Listing l : listings) {
            stepListing(l, t, listener);
        }
    }

    private void stepFactors() {
        for (int k = 0; k < factorCount; k++) {
            RandomStream r = factorRandom[k];
            factorShock[k] = r.gaussian();
            factorJump[k] =
                    r.uniform() < factorJumpProbability[k] ? factorJumpMean[k] + factorJumpStd[k] * r.gaussian() : 0.0;
        }
    }

    private void stepUnderlying(int i) {
        HestonJumpDynamics d = dynamics[i];
        VarianceClock clock = clocks[i];
        RandomStream r = underlyingRandom[i];
        double years = dt * (underlyingSession[i].isOpen() ? 1.0 : clock.closedSpeed()) / clock.secondsPerYear();
        int[] lf = loadingFactor[i];
        double[] lw = loadingWeight[i];
        double z = idiosyncraticWeight[i] * r.gaussian();
        double jump = 0;
        for (int j = 0; j < lf.length; j++) {
            z += lw[j] * factorShock[lf[j]];
            jump += lw[j] * factorJump[lf[j]];
        }
        if (r.uniform() < d.jumpsPerYear() * years) {
            jump += d.jumpMean() + d.jumpStd() * r.gaussian();
        }
        double v = variance[i];
        double vp = v > 0 ? v : 0;
        double sd = Math.sqrt(vp * years);
        double rho = d.correlation();
        double zv = rho * z + Math.sqrt(1 - rho * rho) * r.gaussian();
        logPrice[i] += -0.5 * vp * years + sd * z + jump;
        variance[i] = v + d.meanReversion() * (d.longRunVariance() - vp) * years + d.volOfVol() * sd * zv;
        price[i] = StrictMath.exp(logPrice[i]);
        stepSd[i] = sd;
        double ratio = Math.sqrt(vp) / d.longRunVol();
        volRatio[i] = ratio < 0.25 ? 0.25 : (ratio > 4 ? 4 : ratio);
    }

    private void updateComposite(int i) {
        int[] ci = componentIndex[i];
        double[] cw = componentWeight[i];
        double lp = logStart[i];
        double ratio = 0;
        double weights = 0;
        double sd2 = 0;
        for (int j = 0; j < ci.length; j++) {
            int c = ci[j];
            lp += cw[j] * (logPrice[c] - logStart[c]);
            double w = Math.abs(cw[j]);
            ratio += w * volRatio[c];
            weights += w;
            sd2 += cw[j] * cw[j] * stepSd[c] * stepSd[c];
        }
        logPrice[i] = lp;
        price[i] = StrictMath.exp(lp);
        volRatio[i] = ratio / weights;
        stepSd[i] = Math.sqrt(sd2);
    }

    private void updateIndices() {
        for (int i = 0; i < underlyingCount; i++) {
            int[] spots = spotModelsOf[i];
            if (spots.length == 0) {
                indexPrice[i] = price[i];
                continue;
            }
            // A depth-weighted average of the spot venues, as index providers weight constituents.
            double[] w = spotWeightsOf[i];
            double sum = 0;
            double weights = 0;
            for (int j = 0; j < spots.length; j++) {
                sum += w[j] * models[spots[j]].factor;
                weights += w[j];
            }
            indexPrice[i] = price[i] * sum / weights;
        }
    }

    private double mid(VenueModel m) {
        return switch (m.kind) {
            case SPOT -> price[m.underlying] * m.factor;
            case PERPETUAL -> indexPrice[m.underlying] * (1.0 + commonPremium[m.underlying] + m.value + m.bias);
            case DIRECT -> price[m.underlying];
        };
    }

    private void stepListing(Listing l, long t, PrimitiveMarketListener listener) {
        OrderBook book = l.book;
        double mid = mid(l.model);
        if (l.session.isOpen()) {
            stepBook(l, t, mid, listener);
        } else if (book.isLive()) {
            book.close();
            l.quoted = false;
        }
        if (l.perp != null) {
            stepPerpetual(l, t, mid, listener);
        }
    }

    private void stepBook(Listing l, long t, double mid, PrimitiveMarketListener listener) {
        OrderBook book = l.book;
        int u = l.model.underlying;
        double activity = volRatio[u];
        double midTicks = mid / l.tick;
        double half = midTicks * l.halfSpread * (0.6 + 0.4 * activity);
        long sp = l.spacing;
        long bid = (long) Math.floor((midTicks - half) / sp) * sp;
        long ask = (long) Math.ceil((midTicks + half) / sp) * sp;
        long floor = (long) book.levels() * sp;
        if (bid < floor) {
            bid = floor;
        }
        if (ask <= bid) {
            ask = bid + sp;
        }
        RandomStream r = l.random;
        if (!book.isLive()) {
            book.rebuild(bid, ask, r);
            l.previousMid = mid;
        } else {
            book.recenter(bid, ask, r);
            book.replenish(replenishFraction, r);
        }

        // Market orders arrive as a Poisson process in "activity time" (faster when volatile): keep
        // the exponential wait to the next arrival rather than drawing a count every step.
        l.tradeClock += l.tradesPerStep * activity;
        if (l.tradeClock >= l.nextTradeAt) {
            // Order flow leans with the move: buyers chase a rising mid, sellers a falling one.
            double move = StrictMath.log(mid / l.previousMid) / Math.max(stepSd[u], 1e-12);
            double lean = move > 1 ? 1 : (move < -1 ? -1 : move);
            double buyProbability = 0.5 + 0.3 * lean;
            tradeListener = listener;
            tradeListing = l;
            while (l.tradeClock >= l.nextTradeAt) {
                l.nextTradeAt += r.exponential();
                tradeBuy = r.uniform() < buyProbability;
                long lots = Math.max(1L, (long) (l.medianTradeLots * StrictMath.exp(r.gaussian())));
                book.consumeLots(tradeBuy ? Side.BUY : Side.SELL, Math.min(lots, l.maxTradeLots), this);
            }
            tradeListener = null;
        }
        l.previousMid = mid;

        int b = book.bestBidLevel();
        int a = book.bestAskLevel();
        if (b >= 0 && a >= 0) {
            long bidTicks = book.bidPriceTicks(b);
            long bidLots = book.bidLots(b);
            long askTicks = book.askPriceTicks(a);
            long askLots = book.askLots(a);
            if (!l.quoted
                    || bidTicks != l.bidTicks
                    || askTicks != l.askTicks
                    || bidLots != l.bidLots
                    || askLots != l.askLots) {
                l.quoted = true;
                l.bidTicks = bidTicks;
                l.askTicks = askTicks;
                l.bidLots = bidLots;
                l.askLots = askLots;
                listener.quote(l.index, t, bidTicks, bidLots, askTicks, askLots);
            }
        }
        if (bookEvery > 0 && (stepCount + l.index) % bookEvery == 0) {
            listener.book(l.index, t, book);
        }
    }

    @Override
    public void taken(long priceTicks, long lots) {
        Listing l = tradeListing;
        l.lastTradePrice = priceTicks * l.tick;
        tradeListener.trade(l.index, timeNanos, priceTicks, lots, tradeBuy);
    }

    private void stepPerpetual(Listing l, long t, double mid, PrimitiveMarketListener listener) {
        PerpetualState p = l.perp;
        double index = indexPrice[l.model.underlying];
        p.basisAverage += p.basisAlpha * ((mid - index) - p.basisAverage);
        double last = Double.isNaN(l.lastTradePrice) ? mid : l.lastTradePrice;
        double fractionLeft = (double) (p.nextFundingNanos - t) / p.intervalNanos;
        double mark = PremiumIndexFundingModel.markPrice(index, p.lastFundingRate, fractionLeft, p.basisAverage, last);
        p.samples++;
        p.weightedPremium += p.samples * ((mark - index) / index);
        p.weights += p.samples;
        double estimate = PremiumIndexFundingModel.DEFAULT.rate(p.weightedPremium / p.weights, p.intervalHours, p.cap);
        if (t >= p.nextFundingNanos) {
            listener.funding(l.index, t, p.nextFundingNanos, estimate, mark);
            p.lastFundingRate = estimate;
            p.nextFundingNanos += p.intervalNanos;
            p.samples = 0;
            p.weightedPremium = 0;
            p.weights = 0;
        }
        p.openInterestDeviation =
                p.openInterestDeviation * p.openInterestDecay + p.openInterestNoise * l.random.gaussian();
        if ((stepCount + l.index) % markEvery == 0) {
            listener.mark(l.index, t, mark, index, estimate, p.nextFundingNanos);
        }
        if ((stepCount + l.index) % openInterestEvery == 0) {
            listener.openInterest(
                    l.index, t, (long) Math.rint(p.openInterestBase * StrictMath.exp(p.openInterestDeviation)));
        }
    }

    /** The basis (spot) or fast premium (perpetual) of one venue listing: an OU with dislocations. */
    private static final class VenueModel {
        final ListingKind kind;
        final int underlying;
        final double decay;
        final double noise;
        final double dislocationProbability;
        final double dislocationStd;
        final double bias;
        final RandomStream random;
        double value;
        double factor = 1.0;

        VenueModel(ListingSpec spec, int underlying, PremiumDynamics premium, double dt, long seed) {
            this.kind = spec.kind();
            this.underlying = underlying;
            VenueProfile v = spec.venue();
            double scale = kind == ListingKind.PERPETUAL ? premium.scale() : 1.0;
            double halfLife =
                    kind == ListingKind.PERPETUAL ? premium.fastHalfLifeMinutes() * 60 : v.dispersionHalfLifeSeconds();
            double sd = kind == ListingKind.DIRECT ? 0 : v.dispersionBps() * scale * BPS;
            this.decay = StrictMath.exp(-LN2 * dt / halfLife);
            this.noise = sd * Math.sqrt(1 - decay * decay);
            this.dislocationProbability = kind == ListingKind.DIRECT ? 0 : v.dislocationsPerHour() * dt / 3600;
            // Perpetual premia already swing with sentiment; their dislocations are milder than spot's.
            this.dislocationStd = (kind == ListingKind.PERPETUAL ? 3 : 5) * sd;
            this.bias = kind == ListingKind.PERPETUAL ? v.premiumBiasBps() * scale * BPS : 0;
            this.random = kind == ListingKind.DIRECT
                    ? null
                    : new RandomStream(seed, "basis:" + spec.instrument().id());
            if (random != null) {
                value = sd * random.gaussian();
                factor = 1.0 + value * (1.0 + value * (0.5 + value * (1.0 / 6.0)));
            }
        }

        void step() {
            if (random == null) {
                return;
            }
            double x = value * decay + noise * random.gaussian();
            if (random.uniform() < dislocationProbability) {
                x += dislocationStd * random.gaussian();
            }
            value = x;
            if (kind == ListingKind.SPOT) {
                // e^x for a basis of a few bps: the cubic Taylor term is already below 1e-12.
                factor = 1.0 + x * (1.0 + x * (0.5 + x * (1.0 / 6.0)));
            }
        }
    }

    /** Per-listing microstructure state. */
    private static final class Listing {
        final int index;
        final VenueModel model;
        final SessionTracker session;
        final OrderBook book;
        final RandomStream random;
        final double tick;
        final long spacing;
        final double halfSpread;
        final double tradesPerStep;
        final double medianTradeLots;
        final long maxTradeLots;
        final PerpetualState perp;
        double previousMid;
        double tradeClock;
        double nextTradeAt;
        double lastTradePrice = Double.NaN;
        boolean quoted;
        long bidTicks;
        long askTicks;
        long bidLots;
        long askLots;

        Listing(
                int index,
                ListingSpec spec,
                VenueModel model,
                SessionTracker session,
                long seed,
                long startNanos,
                double dt,
                double tradeIntensity,
                long openInterestEvery) {
            this.index = index;
            this.model = model;
            this.session = session;
            Microstructure m = spec.microstructure();
            this.book = new OrderBook(spec.instrument(), m.levels(), m.levelSpacingTicks(), m.levelLots());
            this.random = new RandomStream(seed, "listing:" + spec.instrument().id());
            this.tick = spec.instrument().tickSize().doubleValue();
            this.spacing = m.levelSpacingTicks();
            this.halfSpread = m.spreadBps() * BPS / 2;
            this.tradesPerStep = m.tradesPerSecond() * dt * tradeIntensity;
            this.medianTradeLots = m.medianTradeLots();
            this.maxTradeLots = (long) (m.medianTradeLots() * 25);
            this.perp = spec.instrument() instanceof Instrument.Perpetual p
                    ? new PerpetualState(p, spec, startNanos, dt, dt * openInterestEvery, random)
                    : null;
            this.nextTradeAt = random.exponential();
        }
    }

    /** Funding, mark and open-interest state of one perpetual listing. */
    private static final class PerpetualState {
        private static final double BASIS_WINDOW_SECONDS = 300;
        private static final double OPEN_INTEREST_HALF_LIFE_SECONDS = 6 * 3600;
        private static final double OPEN_INTEREST_SD = 0.15;

        final int intervalHours;
        final long intervalNanos;
        final double cap;
        final double basisAlpha;
        final double openInterestBase;
        final double openInterestDecay;
        final double openInterestNoise;
        long nextFundingNanos;
        double lastFundingRate;
        double basisAverage;
        long samples;
        double weightedPremium;
        double weights;
        double openInterestDeviation;

        PerpetualState(
                Instrument.Perpetual instrument,
                ListingSpec spec,
                long startNanos,
                double dt,
                double openInterestDt,
                RandomStream random) {
            this.intervalHours = instrument.fundingIntervalHours();
            this.intervalNanos = intervalHours * 3_600_000_000_000L;
            this.cap = spec.venue().fundingCap();
            this.nextFundingNanos = (Math.floorDiv(startNanos, intervalNanos) + 1) * intervalNanos;
            // An EMA whose mean age matches Binance's 5-minute moving average of the basis.
            this.basisAlpha = 1 - StrictMath.exp(-dt / BASIS_WINDOW_SECONDS);
            this.openInterestBase = spec.openInterestLots();
            this.openInterestDecay = StrictMath.exp(-LN2 * openInterestDt / OPEN_INTEREST_HALF_LIFE_SECONDS);
            this.openInterestNoise = OPEN_INTEREST_SD * Math.sqrt(1 - openInterestDecay * openInterestDecay);
            this.openInterestDeviation = OPEN_INTEREST_SD * random.gaussian();
            this.lastFundingRate = PremiumIndexFundingModel.DEFAULT.interestPer8h() * intervalHours / 8.0;
        }
    }
}
