package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.sim.FeeSchedule;
import dev.paperdesk.engine.market.sim.LatencyProfile;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.store.ArbitrageStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spread-arbitrage strategy on perpetual swaps across venues, run on the engine's event loop.
 *
 * <p>It {@linkplain #wrap taps a market data feed}: every event of the feed reaches the strategy
 * before the engine, and the strategy schedules its own work on the same loop: the venue latency
 * poll every 100 ms, and every second the position monitor (exits) then the opportunity scanner
 * (entries). Orders are simulated per leg: a limit order joins the queue at the touch and fills
 * under the queue-position model (20 % of the resting depth it found must trade at or through its
 * price, counted from the venue's trade prints once the order has reached the venue after the
 * venue's measured latency); a market order takes the touch with the size-over-depth slippage.
 *
 * <p>Not thread-safe: everything but {@link #snapshot}, {@link #setRunning} and {@link
 * #updateSettings} runs on the loop thread. Deterministic per seed: the same feed, settings and
 * seed give the same decisions.
 */
public final class ArbitrageStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(ArbitrageStrategy.class);
    private static final long SCAN_NANOS = 1_000_000_000L;
    private static final long QUOTE_FRESH_NANOS = 5_000_000_000L;
    /** How far from the touch the strategy reads a book: depth, imbalance and hedge slippage, in bps. */
    public static final double DEPTH_BAND_BPS = 2;

    private static final int TOP = 20;
    private static final int RECENT = 50;
    private static final int[] LEVERAGES = {10, 20, 50, 100};
    private static final int MONEY_SCALE = 8;
    private static final BigDecimal BPS = new BigDecimal("10000");

    private volatile ArbitrageSettings settings;
    private volatile boolean running;
    private volatile ArbitrageSnapshot snapshot;

    private final Map<String, VenueProfile> venues = new LinkedHashMap<>();
    private volatile ArbitrageStore store;
    private final Map<InstrumentId, ListingState> listings = new LinkedHashMap<>();
    private final Map<InstrumentId, Instrument> instruments = new HashMap<>();
    private final Map<String, List<ListingState>> bySymbol = new LinkedHashMap<>();
    private final Map<InstrumentId, List<LegOrder>> working = new HashMap<>();
    private final LatencyMonitor latency;
    private ArbitragePortfolio portfolio;

    private EventLoop loop;
    private long startNanos = Long.MIN_VALUE;
    private long orderSeq;
    private long tradeSeq;

    private final List<ArbitrageTrade> open = new ArrayList<>();
    private final List<ArbitrageTrade> closed = new ArrayList<>();
    private final List<LegOutEvent> legOuts = new ArrayList<>();
    private final List<LatencyViolation> violations = new ArrayList<>();
    private final Map<RejectReason, Long> rejections = new EnumMap<>(RejectReason.class);
    private final Map<String, String> lastLoggedRejection = new HashMap<>();
    private final Map<String, Long> cooldownUntil = new HashMap<>();
    private final Deque<Decision> recentDecisions = new ArrayDeque<>();
    private long decisionCount;
    private List<Opportunity> top = List.of();
    private long topNanos;

    private final List<ArbitrageStore.DecisionRow> pendingDecisions = new ArrayList<>();
    private final Map<String, ArbitrageTrade> pendingTrades = new LinkedHashMap<>();
    private Consumer<Decision> decisionListener = d -> {};

    /**
     * A strategy for the venues' fees and latency profiles.
     *
     * @param venues the venues to monitor and trade (their perpetual fees and latency)
     * @param store where decisions, trades and opportunities are kept, or {@code null} for nowhere
     */
    public ArbitrageStrategy(ArbitrageSettings settings, List<VenueProfile> venues, ArbitrageStore store) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Map<String, LatencyProfile> profiles = new LinkedHashMap<>();
        for (VenueProfile v : venues) {
            if (v.listsPerpetuals()) {
                this.venues.put(v.name(), v);
                profiles.put(v.name(), v.latency());
            }
        }
        if (this.venues.isEmpty()) {
            throw new IllegalArgumentException("the arbitrage strategy needs venues that list perpetuals");
        }
        this.latency = new LatencyMonitor(profiles, settings.staleLatencyMillis(), settings.seed());
        this.portfolio = new ArbitragePortfolio(settings.startingCapital());
        this.store = store;
    }

    /** A strategy over the eight simulated crypto venues. */
    public static ArbitrageStrategy onCryptoVenues(ArbitrageSettings settings, ArbitrageStore store) {
        return new ArbitrageStrategy(settings, VenueProfile.cryptoVenues(), store);
    }

    static Instant instant(long nanos) {
        return Clock.toInstant(nanos);
    }

    // ------------------------------------------------------------------------------------ wiring

    /**
     * The feed as the engine should see it: the same events, each shown to this strategy first,
     * and the strategy's timers started on the engine's loop with the feed.
     */
    public MarketDataFeed wrap(MarketDataFeed feed) {
        Objects.requireNonNull(feed, "feed");
        return new MarketDataFeed() {
            @Override
            public String name() {
                return feed.name();
            }

            @Override
            public List<Instrument> instruments() {
                return feed.instruments();
            }

            @Override
            public void start(EventLoop loop, MarketDataSink sink) {
                attach(loop, feed.instruments());
                feed.start(loop, new Tap(sink));
            }

            @Override
            public MarketDataFeed origin() {
                return feed.origin();
            }

            @Override
            public void stop() {
                feed.stop();
            }
        };
    }

    /**
     * Keeps decisions, trades and scans in {@code target} from the next engine second on: for a
     * strategy installed on a feed before the workspace it reports to was open (the session's own
     * market). Any thread.
     */
    public void persistTo(ArbitrageStore target) {
        this.store = Objects.requireNonNull(target, "target");
    }

    /** Starts or stops scanning and trading (open trades keep being monitored and exited). */
    public void setRunning(boolean run) {
        this.running = run;
    }

    public boolean isRunning() {
        return running;
    }

    /** Replaces the thresholds from the next scan on; the capital of a running book does not change. */
    public void updateSettings(ArbitrageSettings newSettings) {
        Objects.requireNonNull(newSettings, "newSettings");
        this.settings = newSettings;
    }

    public ArbitrageSettings settings() {
        return settings;
    }

    /** Called for every decision on the loop thread (the command line prints them, tests record them). */
    public void onDecision(Consumer<Decision> listener) {
        this.decisionListener = Objects.requireNonNull(listener, "listener");
    }

    /** The latest published state (once per second); empty before the first scan. */
    public Optional<ArbitrageSnapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    private void attach(EventLoop eventLoop, List<Instrument> feedInstruments) {
        if (loop != null) {
            throw new IllegalStateException("the arbitrage strategy is already attached to a feed");
        }
        loop = eventLoop;
        startNanos = eventLoop.nowNanos();
        for (Instrument i : feedInstruments) {
            if (i instanceof Instrument.Perpetual p && venues.containsKey(p.id().venue())) {
                ListingState s = new ListingState(p.id(), p.fundingIntervalHours());
                listings.put(p.id(), s);
                instruments.put(p.id(), p);
                bySymbol.computeIfAbsent(p.id().symbol(), k -> new ArrayList<>())
                        .add(s);
            }
        }
        long now = eventLoop.nowNanos();
        eventLoop.scheduleEvery(now + LatencyMonitor.POLL_NANOS, LatencyMonitor.POLL_NANOS, this::pollLatency);
        eventLoop.scheduleEvery(now + SCAN_NANOS, SCAN_NANOS, this::tick);
    }

    /** Shows each event to the strategy, then to the engine. */
    private final class Tap implements MarketDataSink {
        private final MarketDataSink next;

        Tap(MarketDataSink next) {
            this.next = next;
        }

        @Override
        public void onQuote(Quote quote) {
            ListingState s = listings.get(quote.instrumentId());
            if (s != null) {
                s.quote = quote;
                s.onQuote(
                        Clock.toNanos(quote.timestamp()),
                        quote.bid().toDouble(),
                        quote.bidSize() == null ? 0 : quote.bidSize().value().doubleValue(),
                        quote.ask().toDouble(),
                        quote.askSize() == null ? 0 : quote.askSize().value().doubleValue());
            }
            next.onQuote(quote);
        }

        @Override
        public void onTrade(TradePrint trade) {
            ListingState s = listings.get(trade.instrumentId());
            if (s != null) {
                double price = trade.price().toDouble();
                double size = trade.size().value().doubleValue();
                long nanos = Clock.toNanos(trade.timestamp());
                s.onTrade(nanos, price, size);
                matchWorking(trade.instrumentId(), nanos, price, size, trade.aggressor());
            }
            next.onTrade(trade);
        }

        @Override
        public void onBook(BookSnapshot book) {
            ListingState s = listings.get(book.instrumentId());
            if (s != null) {
                s.book = book;
            }
            next.onBook(book);
        }

        @Override
        public void onMarkPrice(MarkPrice mark) {
            ListingState s = listings.get(mark.instrumentId());
            if (s != null) {
                s.mark = mark.markPrice().toDouble();
                s.index = mark.indexPrice().toDouble();
                s.estimatedFunding = mark.estimatedFundingRate().doubleValue();
            }
            next.onMarkPrice(mark);
        }

        @Override
        public void onFundingRate(FundingRate funding) {
            ListingState s = listings.get(funding.instrumentId());
            if (s != null) {
                s.settledFunding = funding.rate().doubleValue();
                settleFunding(funding);
            }
            next.onFundingRate(funding);
        }

        @Override
        public void onOpenInterest(OpenInterest oi) {
            ListingState s = listings.get(oi.instrumentId());
            if (s != null) {
                s.onOpenInterest(oi.contracts().value().doubleValue());
            }
            next.onOpenInterest(oi);
        }

        @Override
        public void onBar(Bar bar) {
            next.onBar(bar);
        }
    }

    // ------------------------------------------------------------------------------------ latency

    private void pollLatency() {
        long now = loop.nowNanos();
        for (LatencyMonitor.Transition t : latency.poll(now)) {
            VenueLatency r = t.reading();
            if (t.becameStale()) {
                violations.add(new LatencyViolation(instant(now), r.venue(), r.averageMillis(), latency.staleMillis()));
                decide(
                        now,
                        DecisionKind.LATENCY_VIOLATION,
                        r.venue(),
                        "latency",
                        String.format(
                                java.util.Locale.ROOT,
                                "%s rolling latency %.1f ms > %.0f ms: stale",
                                r.venue(),
                                r.averageMillis(),
                                latency.staleMillis()));
            } else {
                decide(
                        now,
                        DecisionKind.LATENCY_RECOVERED,
                        r.venue(),
                        "latency",
                        String.format(
                                java.util.Locale.ROOT,
                                "%s rolling latency back to %.1f ms",
                                r.venue(),
                                r.averageMillis()));
            }
        }
    }

    // ------------------------------------------------------------------------------------ the 1 s tick

    private void tick() {
        long now = loop.nowNanos();
        monitor(now);
        List<Opportunity> scanned = scan(now);
        if (running) {
            for (Opportunity o : scanned) {
                if (o.tradable() && !holds(o.symbol()) && !coolingDown(o.symbol(), now)) {
                    enter(o, now);
                }
            }
        }
        top = scanned.size() > TOP ? List.copyOf(scanned.subList(0, TOP)) : scanned;
        topNanos = now;
        flush(now);
        publish(now);
    }

    private boolean coolingDown(String symbol, long now) {
        Long until = cooldownUntil.get(symbol);
        return until != null && now < until;
    }

    private void coolDown(String symbol, long now) {
        cooldownUntil.put(symbol, now + settings.cooldownSeconds() * 1_000_000_000L);
    }

    private boolean holds(String symbol) {
        for (ArbitrageTrade t : open) {
            if (t.symbol().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------ scanner

    /**
     * Every symbol's best pair, evaluated and ranked by confidence (tradable ones first on ties).
     * Rejections are counted only while running.
     */
    List<Opportunity> scan(long now) {
        List<Opportunity> out = new ArrayList<>();
        for (Map.Entry<String, List<ListingState>> e : bySymbol.entrySet()) {
            ListingState cheapest = null;
            ListingState dearest = null;
            for (ListingState s : e.getValue()) {
                if (!s.hasQuote() || now - s.quoteNanos > QUOTE_FRESH_NANOS) {
                    continue;
                }
                if (cheapest == null || s.ask < cheapest.ask) {
                    cheapest = s;
                }
                if (dearest == null || s.bid > dearest.bid) {
                    dearest = s;
                }
            }
            if (cheapest == null || dearest == null || cheapest == dearest || dearest.bid <= cheapest.ask) {
                continue;
            }
            Opportunity o = evaluate(e.getKey(), cheapest, dearest, now);
            out.add(o);
            if (running && o.rejection() != null) {
                reject(o, o.rejection(), now);
            } else if (o.rejection() == null) {
                lastLoggedRejection.remove(o.symbol());
            }
        }
        out.sort(Comparator.comparingInt(Opportunity::confidence)
                .reversed()
                .thenComparing(o -> o.rejection() == null ? 0 : 1)
                .thenComparing(Opportunity::spreadBps, Comparator.reverseOrder())
                .thenComparing(Opportunity::symbol));
        return out;
    }

    /** The opportunity of buying on {@code l} and selling on {@code s}, with every filter applied. */
    Opportunity evaluate(String symbol, ListingState l, ListingState s, long now) {
        ArbitrageSettings cfg = settings;
        double mid = (l.mid() + s.mid()) / 2;
        double spreadBps = (s.bid - l.ask) / mid * 10_000;
        FeeSchedule lf = venues.get(l.id.venue()).perpetualFees();
        FeeSchedule sf = venues.get(s.id.venue()).perpetualFees();
        double feesBps = 2 * (Math.max(0, lf.makerBps()) + Math.max(0, sf.makerBps()));
        double longRate = nanToZero(l.estimatedFunding8h());
        double shortRate = nanToZero(s.estimatedFunding8h());
        double fundingCostBps = 10_000 * (Math.max(0, longRate) + Math.max(0, -shortRate));
        double projectedDelta = shortRate - longRate;
        double settledDelta = nanToZero(s.settledFunding8h()) - nanToZero(l.settledFunding8h());
        double depthLong = l.depthUsd(true, DEPTH_BAND_BPS);
        double depthShort = s.depthUsd(false, DEPTH_BAND_BPS);
        double thinner = Math.min(depthLong, depthShort);
        double available = portfolio.available().doubleValue();
        double size = PositionSizer.size(
                spreadBps, feesBps, fundingCostBps, available, cfg.maxTradeShare(), cfg.minTradeUsd(), thinner);
        HardConstraints hard = new HardConstraints(
                thinner >= 2 * size,
                !latency.isStale(l.id.venue()) && !latency.isStale(s.id.venue()),
                projectedDelta > cfg.minFundingDelta8h());
        ConfluenceMetrics metrics = metrics(l, s, settledDelta, projectedDelta, hard);
        boolean otherStale = latency.anyStale();
        int confidence =
                metrics.confidence(cfg.minFundingDelta8h(), otherStale, latency.allStale(), cfg.latencyPenalty());
        double projected = size * (spreadBps - feesBps + projectedDelta * 10_000) / 10_000;
        double slippageBps = Slippage.bps(size, depthLong) + Slippage.bps(size, depthShort);
        double afterSlippage = projected - size * slippageBps / 10_000;

        RejectReason rejection = hard.firstFailure().orElse(null);
        if (rejection == null && (spreadBps <= feesBps + fundingCostBps || spreadBps < cfg.minSpreadBps())) {
            rejection = RejectReason.SPREAD;
        }
        if (rejection == null && confidence < cfg.minConfidence()) {
            rejection = RejectReason.CONFIDENCE;
        }
        if (rejection == null && !(afterSlippage > 0)) {
            rejection = RejectReason.PROFIT;
        }
        if (rejection == null && !(depthLong > cfg.minDepthUsd() && depthShort > cfg.minDepthUsd())) {
            rejection = RejectReason.LIQUIDITY;
        }
        return new Opportunity(
                instant(now),
                symbol,
                l.id.venue(),
                s.id.venue(),
                l.ask,
                s.bid,
                spreadBps,
                feesBps,
                fundingCostBps,
                projectedDelta,
                confidence,
                size,
                projected,
                afterSlippage,
                depthLong,
                depthShort,
                metrics,
                latency.staleVenues(),
                rejection);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private ConfluenceMetrics metrics(
            ListingState l, ListingState s, double settledDelta, double projectedDelta, HardConstraints hard) {
        double obi = (l.imbalance() - s.imbalance()) / 2;
        double oiNow = nanToZero(l.openInterest) + nanToZero(s.openInterest);
        double oiAvg = nanToZero(l.openInterestAverage()) + nanToZero(s.openInterestAverage());
        double oiRatio = oiAvg > 0 ? oiNow / oiAvg : Double.NaN;
        double vwapDev = Math.max(vwapDeviation(l), vwapDeviation(s));
        double atrBps = Math.max(nanToZero(l.atr) / l.mid(), nanToZero(s.atr) / s.mid()) * 10_000;
        boolean falling = l.atrFalling() && s.atrFalling();
        double liq = Math.min(liquidationDistance(l), liquidationDistance(s));
        return new ConfluenceMetrics(
                settledDelta,
                projectedDelta,
                obi,
                oiRatio,
                vwapDev,
                Double.isNaN(l.atr) && Double.isNaN(s.atr) ? Double.NaN : atrBps,
                falling,
                liq,
                hard);
    }

    private static double vwapDeviation(ListingState s) {
        double vwap = s.vwap();
        double sd = s.vwapStd();
        if (Double.isNaN(vwap) || !(sd > 0)) {
            return 0;
        }
        return Math.abs(s.mid() - vwap) / sd;
    }

    /**
     * Distance in % from the mid to the nearest estimated liquidation cluster: positions opened
     * around the VWAP with 10×, 20×, 50× or 100× leverage are liquidated about 1/leverage away.
     */
    private static double liquidationDistance(ListingState s) {
        double vwap = s.vwap();
        if (Double.isNaN(vwap)) {
            return Double.NaN;
        }
        double mid = s.mid();
        double best = Double.MAX_VALUE;
        for (int lev : LEVERAGES) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double cluster = vwap * (1 + sign / (double) lev);
                best = Math.min(best, Math.abs(mid - cluster) / mid * 100);
            }
        }
        return best;
    }

    private void reject(Opportunity o, RejectReason reason, long now) {
        rejections.merge(reason, 1L, Long::sum);
        String key = o.pair() + " " + reason.key();
        // a standing rejection is logged when it starts or changes, and counted every scan
        if (!key.equals(lastLoggedRejection.put(o.symbol(), key))) {
            decide(now, DecisionKind.REJECTION, o.pair(), reason.key(), describe(o, reason));
        }
    }

    private static String describe(Opportunity o, RejectReason reason) {
        return String.format(
                java.util.Locale.ROOT,
                "%s: spread %.2f bps, fees %.2f bps, funding delta %.4f%%/8h, confidence %d, size %.2f, depth"
                        + " %.0f/%.0f",
                reason.key(),
                o.spreadBps(),
                o.feesBps(),
                o.fundingDelta8h() * 100,
                o.confidence(),
                o.sizeUsd(),
                o.depthLongUsd(),
                o.depthShortUsd());
    }

    // ------------------------------------------------------------------------------------ entry

    private void enter(Opportunity o, long now) {
        ListingState l = listing(o.symbol(), o.longVenue());
        ListingState s = listing(o.symbol(), o.shortVenue());
        BigDecimal lot =
                instruments.get(l.id).lotSize().max(instruments.get(s.id).lotSize());
        BigDecimal longPrice = l.quote.ask().value();
        BigDecimal size = BigDecimal.valueOf(o.sizeUsd()).setScale(2, RoundingMode.DOWN);
        BigDecimal units = size.divide(longPrice, 12, RoundingMode.DOWN);
        BigDecimal quantity = units.divide(lot, 0, RoundingMode.DOWN).multiply(lot);
        if (quantity.signum() <= 0 || !portfolio.reserve(size)) {
            rejectEntry(o, RejectReason.CAPITAL, now, quantity.signum() <= 0 ? "size below one lot" : "capital");
            return;
        }
        boolean longHarder = LegDifficulty.harder(o.longVenue(), o.shortVenue()).equals(o.longVenue());
        ArbitrageTrade t =
                new ArbitrageTrade(String.format("T%05d", ++tradeSeq), o, l, s, quantity, size, now, longHarder);
        open.add(t);
        LegOrder first = placeLimit(t, longHarder, "entry", now);
        if (longHarder) {
            t.longEntry = first;
        } else {
            t.shortEntry = first;
        }
        t.stage = ArbitrageTrade.Stage.HARD_LEG;
        t.timer = loop.scheduleAfter(settings.legTimeoutNanos(), () -> hardLegTimeout(t));
        saveTrade(t);
    }

    private void rejectEntry(Opportunity o, RejectReason reason, long now, String why) {
        rejections.merge(reason, 1L, Long::sum);
        decide(now, DecisionKind.REJECTION, o.pair(), reason.key(), reason.key() + ": " + why);
    }

    private ListingState listing(String symbol, String venue) {
        return listings.get(new InstrumentId(symbol, venue));
    }

    /**
     * A limit order at the touch of the leg's side: a buy joins the bid, a sell the ask, behind the
     * size resting there.
     */
    private LegOrder placeLimit(ArbitrageTrade t, boolean longLeg, String purpose, long now) {
        ListingState s = longLeg ? t.longListing : t.shortListing;
        boolean entry = purpose.startsWith("entry");
        Side side = longLeg == entry ? Side.BUY : Side.SELL;
        BigDecimal price =
                side == Side.BUY ? s.quote.bid().value() : s.quote.ask().value();
        double resting = side == Side.BUY ? s.bidSize : s.askSize;
        long delay = Math.round(latency.averageMillis(s.id.venue()) * 1_000_000.0);
        LegOrder o = new LegOrder(
                String.format("O%06d", ++orderSeq),
                t,
                longLeg,
                purpose,
                s.id,
                side,
                false,
                price,
                t.quantity,
                now,
                now + delay,
                new QueuePosition(price.doubleValue(), resting, settings.queueShare()));
        t.orders.add(o);
        working.computeIfAbsent(s.id, k -> new ArrayList<>()).add(o);
        return o;
    }

    /** A market order on the leg: takes the touch with size-over-depth slippage, pays the taker fee. */
    private LegOrder placeMarket(ArbitrageTrade t, boolean longLeg, String purpose, long now) {
        ListingState s = longLeg ? t.longListing : t.shortListing;
        boolean entry = purpose.startsWith("entry");
        Side side = longLeg == entry ? Side.BUY : Side.SELL;
        BigDecimal touch =
                side == Side.BUY ? s.quote.ask().value() : s.quote.bid().value();
        double notional = touch.doubleValue() * t.quantity.doubleValue();
        double depth = s.depthUsd(side == Side.BUY, DEPTH_BAND_BPS);
        double slipBps = Slippage.bps(notional, depth);
        BigDecimal slip = BigDecimal.valueOf(slipBps).divide(BPS, 12, RoundingMode.HALF_EVEN);
        BigDecimal factor = side == Side.BUY ? BigDecimal.ONE.add(slip) : BigDecimal.ONE.subtract(slip);
        BigDecimal fillPrice = touch.multiply(factor).setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        LegOrder o = new LegOrder(
                String.format("O%06d", ++orderSeq),
                t,
                longLeg,
                purpose,
                s.id,
                side,
                true,
                touch,
                t.quantity,
                now,
                now,
                null);
        t.orders.add(o);
        o.slippageBps = slipBps;
        fill(o, fillPrice, now);
        return o;
    }

    private void fill(LegOrder o, BigDecimal price, long now) {
        o.fillPrice = price;
        o.filledNanos = now;
        FeeSchedule fees = venues.get(o.instrument.venue()).perpetualFees();
        BigDecimal bps = BigDecimal.valueOf(o.market ? fees.takerBps() : fees.makerBps());
        o.fee = price.multiply(o.quantity).multiply(bps).divide(BPS, MONEY_SCALE, RoundingMode.HALF_EVEN);
    }

    private void cancel(LegOrder o) {
        if (o != null && o.working()) {
            o.cancelled = true;
            List<LegOrder> w = working.get(o.instrument);
            if (w != null) {
                w.remove(o);
            }
        }
    }

    /** A print on {@code id}: every working limit it trades at or through advances in its queue. */
    private void matchWorking(InstrumentId id, long nanos, double price, double size, Side aggressor) {
        List<LegOrder> w = working.get(id);
        if (w == null || w.isEmpty()) {
            return;
        }
        for (LegOrder o : List.copyOf(w)) {
            if (!o.working() || nanos <= o.activeFromNanos || !o.tradesAgainst(price, aggressor)) {
                continue;
            }
            if (o.queue.traded(size)) {
                w.remove(o);
                fill(o, o.price, nanos);
                onLimitFilled(o, nanos);
            }
        }
    }

    private void onLimitFilled(LegOrder o, long now) {
        ArbitrageTrade t = o.trade;
        switch (t.stage) {
            case HARD_LEG -> {
                t.timer.cancel();
                LegOrder second = placeLimit(t, !t.longIsHarder, "entry", now);
                if (t.longIsHarder) {
                    t.shortEntry = second;
                } else {
                    t.longEntry = second;
                }
                t.stage = ArbitrageTrade.Stage.EASY_LEG;
                t.timer = loop.scheduleAfter(settings.legTimeoutNanos(), () -> easyLegTimeout(t));
            }
            case EASY_LEG -> {
                t.timer.cancel();
                activate(t, now, "both legs filled as limits");
            }
            case EXIT -> {
                if (t.longExit.filled() && t.shortExit.filled()) {
                    t.timer.cancel();
                    close(t, now);
                }
            }
            default -> throw new IllegalStateException(t.id + ": fill in stage " + t.stage);
        }
    }

    private void hardLegTimeout(ArbitrageTrade t) {
        if (t.stage != ArbitrageTrade.Stage.HARD_LEG) {
            return;
        }
        long now = loop.nowNanos();
        LegOrder hard = t.longIsHarder ? t.longEntry : t.shortEntry;
        cancel(hard);
        open.remove(t);
        t.stage = ArbitrageTrade.Stage.DONE;
        portfolio.release(t.size);
        pendingTrades.remove(t.id);
        coolDown(t.symbol(), now);
        rejectEntry(
                t.opportunity,
                RejectReason.HARDER_LEG_UNFILLED,
                now,
                String.format(
                        java.util.Locale.ROOT,
                        "%s leg on %s not filled in %d ms (%.4f of %.4f needed traded); cancelled",
                        hard.longLeg ? "long" : "short",
                        hard.instrument.venue(),
                        settings.legTimeoutMillis(),
                        hard.queue.cumulativeVolumeAtPrice(),
                        hard.queue.restingDepthAtEntry() * hard.queue.fillThreshold()));
    }

    private void easyLegTimeout(ArbitrageTrade t) {
        if (t.stage != ArbitrageTrade.Stage.EASY_LEG) {
            return;
        }
        long now = loop.nowNanos();
        boolean easyIsLong = !t.longIsHarder;
        LegOrder easy = easyIsLong ? t.longEntry : t.shortEntry;
        LegOrder hard = easyIsLong ? t.shortEntry : t.longEntry;
        cancel(easy);
        LegOrder hedge = placeMarket(t, easyIsLong, "entry_hedge", now);
        if (easyIsLong) {
            t.longEntry = hedge;
        } else {
            t.shortEntry = hedge;
        }
        legOut(t, "entry", hard, easy, hedge, now);
        activate(t, now, "second leg hedged with a market order");
    }

    /**
     * Records a leg-out: {@code filled} filled, {@code missed} did not, {@code hedge} replaced it.
     * The loss is what the hedge cost against the missed limit: the worse price and the taker fee
     * in place of the maker fee.
     */
    private void legOut(ArbitrageTrade t, String phase, LegOrder filled, LegOrder missed, LegOrder hedge, long now) {
        BigDecimal priceCost = hedge.side == Side.BUY
                ? hedge.fillPrice.subtract(missed.price)
                : missed.price.subtract(hedge.fillPrice);
        BigDecimal plannedFee = missed.price
                .multiply(missed.quantity)
                .multiply(BigDecimal.valueOf(
                        venues.get(missed.instrument.venue()).perpetualFees().makerBps()))
                .divide(BPS, MONEY_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal loss = priceCost
                .multiply(hedge.quantity)
                .add(hedge.fee)
                .subtract(plannedFee)
                .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN)
                .max(BigDecimal.ZERO);
        LegOutEvent e = new LegOutEvent(
                t.id,
                t.symbol(),
                phase,
                filled.longLeg ? "long" : "short",
                instant(filled.filledNanos),
                missed.longLeg ? "long" : "short",
                true,
                instant(now),
                hedge.fillPrice,
                loss);
        t.legOuts.add(e);
        t.legOutLoss = t.legOutLoss.add(loss);
        legOuts.add(e);
        portfolio.legOut(loss);
        decide(
                now,
                DecisionKind.LEG_OUT,
                t.pair(),
                "leg_out_" + phase,
                String.format(
                        java.util.Locale.ROOT,
                        "%s %s: %s leg filled, %s leg missed its limit %s; hedged at %s (loss %s)",
                        t.id,
                        phase,
                        e.filledLeg(),
                        e.unfilledLeg(),
                        missed.price.toPlainString(),
                        hedge.fillPrice.toPlainString(),
                        loss.setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
    }

    private void activate(ArbitrageTrade t, long now, String how) {
        t.stage = ArbitrageTrade.Stage.OPEN;
        t.status = TradeStatus.ACTIVE;
        t.entryNanos = now;
        t.timer = null;
        decide(
                now,
                DecisionKind.ENTRY,
                t.pair(),
                "entry",
                String.format(
                        java.util.Locale.ROOT,
                        "%s long %s @ %s, short %s @ %s, %s units (%s), spread %.2f bps, confidence %d, %s",
                        t.id,
                        t.opportunity.longVenue(),
                        t.longEntry.fillPrice.toPlainString(),
                        t.opportunity.shortVenue(),
                        t.shortEntry.fillPrice.toPlainString(),
                        t.quantity.toPlainString(),
                        t.size.toPlainString(),
                        t.opportunity.spreadBps(),
                        t.opportunity.confidence(),
                        how));
        saveTrade(t);
    }

    // ------------------------------------------------------------------------------------ funding

    private void settleFunding(FundingRate f) {
        for (ArbitrageTrade t : open) {
            boolean longLeg = t.longListing.id.equals(f.instrumentId());
            boolean shortLeg = t.shortListing.id.equals(f.instrumentId());
            if (!(longLeg || shortLeg) || !holdsLeg(t, longLeg)) {
                continue;
            }
            // longs pay a positive rate to shorts
            BigDecimal payment = f.rate()
                    .multiply(f.markPrice().value())
                    .multiply(t.quantity)
                    .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
            t.fundingPnl = longLeg ? t.fundingPnl.subtract(payment) : t.fundingPnl.add(payment);
        }
    }

    /** Whether the trade holds a position on that leg now: entry filled and exit not yet filled. */
    private static boolean holdsLeg(ArbitrageTrade t, boolean longLeg) {
        LegOrder entry = longLeg ? t.longEntry : t.shortEntry;
        LegOrder exit = longLeg ? t.longExit : t.shortExit;
        return entry != null && entry.filled() && (exit == null || !exit.filled());
    }

    // ------------------------------------------------------------------------------------ monitor and exit

    private void monitor(long now) {
        for (ArbitrageTrade t : List.copyOf(open)) {
            if (t.status != TradeStatus.ACTIVE) {
                continue;
            }
            ListingState l = t.longListing;
            ListingState s = t.shortListing;
            double mid = (l.mid() + s.mid()) / 2;
            t.currentSpreadBps = (s.bid - l.ask) / mid * 10_000;
            // the excursions stay at the mids, funding aside: they describe the spread, not the book's P&L
            double perUnit =
                    (l.mid() - t.longEntry.fillPrice.doubleValue()) + (t.shortEntry.fillPrice.doubleValue() - s.mid());
            t.maxFavourable = Math.max(t.maxFavourable, perUnit);
            t.maxAdverse = Math.max(t.maxAdverse, -perUnit);
            t.unrealized = closeNowPnl(t);
            String reason = exitReason(t, now);
            if (reason != null) {
                exit(t, reason, now);
            }
        }
    }

    /**
     * What closing the trade now would realise if both exit limits filled: the long sold at its ask
     * and the short bought at its bid (where {@link #exit} places them), funding so far, less the
     * entry fees paid and the maker fees those exits would pay. The projected profit it is compared
     * with is net of the round trip's fees too; marking at the mids without fees (the reference
     * design's formula) let a {@code profit_target} exit realise a loss.
     */
    private double closeNowPnl(ArbitrageTrade t) {
        ListingState l = t.longListing;
        ListingState s = t.shortListing;
        double q = t.quantity.doubleValue();
        double legs =
                q * ((l.ask - t.longEntry.fillPrice.doubleValue()) + (t.shortEntry.fillPrice.doubleValue() - s.bid));
        double exitFees = q * (l.ask * makerBps(l) + s.bid * makerBps(s)) / 10_000;
        return legs + t.fundingPnl.doubleValue() - t.fees().doubleValue() - exitFees;
    }

    private double makerBps(ListingState listing) {
        return venues.get(listing.id.venue()).perpetualFees().makerBps();
    }

    /** The first exit condition met, or {@code null}: stop loss, widening, loss limit, target, convergence. */
    private String exitReason(ArbitrageTrade t, long now) {
        ArbitrageSettings cfg = settings;
        double entry = t.opportunity.spreadBps();
        double projected = t.opportunity.projectedProfit();
        if (t.currentSpreadBps > entry + cfg.stopLossBps()) {
            return "stop_loss";
        }
        if (t.currentSpreadBps > entry + cfg.spreadWideningBps()) {
            return "spread_widening";
        }
        if (t.unrealized <= -projected * cfg.lossLimitShare()) {
            return "loss_limit";
        }
        if (t.unrealized >= projected * cfg.profitTargetShare()) {
            return "profit_target";
        }
        double delta = nanToZero(t.shortListing.estimatedFunding8h()) - nanToZero(t.longListing.estimatedFunding8h());
        if (delta < cfg.convergenceDelta8h()) {
            return "funding_convergence";
        }
        return null;
    }

    private void exit(ArbitrageTrade t, String reason, long now) {
        t.status = TradeStatus.EXITING;
        t.stage = ArbitrageTrade.Stage.EXIT;
        t.exitReason = reason;
        t.longExit = placeLimit(t, true, "exit", now);
        t.shortExit = placeLimit(t, false, "exit", now);
        t.timer = loop.scheduleAfter(settings.legTimeoutNanos(), () -> exitTimeout(t));
        saveTrade(t);
    }

    private void exitTimeout(ArbitrageTrade t) {
        if (t.stage != ArbitrageTrade.Stage.EXIT) {
            return;
        }
        long now = loop.nowNanos();
        boolean longFilled = t.longExit.filled();
        boolean shortFilled = t.shortExit.filled();
        if (!longFilled) {
            LegOrder missed = t.longExit;
            cancel(missed);
            t.longExit = placeMarket(t, true, "exit_hedge", now);
            if (shortFilled) {
                legOut(t, "exit", t.shortExit, missed, t.longExit, now);
            }
        }
        if (!shortFilled) {
            LegOrder missed = t.shortExit;
            cancel(missed);
            t.shortExit = placeMarket(t, false, "exit_hedge", now);
            if (longFilled) {
                legOut(t, "exit", t.longExit, missed, t.shortExit, now);
            }
        }
        close(t, now);
    }

    private void close(ArbitrageTrade t, long now) {
        BigDecimal longPnl =
                t.longExit.fillPrice.subtract(t.longEntry.fillPrice).multiply(t.quantity);
        BigDecimal shortPnl =
                t.shortEntry.fillPrice.subtract(t.shortExit.fillPrice).multiply(t.quantity);
        BigDecimal profit = longPnl.add(shortPnl)
                .add(t.fundingPnl)
                .subtract(t.fees())
                .setScale(MONEY_SCALE, RoundingMode.HALF_EVEN);
        t.actualProfit = profit;
        t.status = TradeStatus.CLOSED;
        t.stage = ArbitrageTrade.Stage.DONE;
        t.exitNanos = now;
        t.timer = null;
        portfolio.close(t.size, profit);
        open.remove(t);
        coolDown(t.symbol(), now);
        closed.add(t);
        decide(
                now,
                DecisionKind.EXIT,
                t.pair(),
                t.exitReason,
                String.format(
                        java.util.Locale.ROOT,
                        "%s closed on %s: profit %s (funding %s, fees %s, leg-out %s)",
                        t.id,
                        t.exitReason,
                        profit.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                        t.fundingPnl.setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                        t.fees().setScale(2, RoundingMode.HALF_EVEN).toPlainString(),
                        t.legOutLoss.setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
        saveTrade(t);
    }

    // ------------------------------------------------------------------------------------ log, store, publish

    private void decide(long now, DecisionKind kind, String subject, String reason, String detail) {
        Decision d = new Decision(instant(now), kind, subject, reason, detail);
        decisionCount++;
        recentDecisions.addFirst(d);
        if (recentDecisions.size() > 200) {
            recentDecisions.removeLast();
        }
        if (kind != DecisionKind.REJECTION && LOG.isDebugEnabled()) {
            LOG.debug("{} {} {}: {}", d.time(), kind, subject, detail);
        }
        decisionListener.accept(d);
        if (store != null) {
            pendingDecisions.add(new ArbitrageStore.DecisionRow(d.time(), kind.name(), subject, reason, detail));
        }
    }

    private void saveTrade(ArbitrageTrade t) {
        if (store != null) {
            pendingTrades.put(t.id, t);
        }
    }

    private void flush(long now) {
        ArbitrageStore store = this.store;
        if (store == null) {
            return;
        }
        if (!pendingDecisions.isEmpty()) {
            store.appendDecisions(List.copyOf(pendingDecisions));
            pendingDecisions.clear();
        }
        if (!pendingTrades.isEmpty()) {
            List<ArbitrageStore.TradeRow> rows = new ArrayList<>();
            for (ArbitrageTrade t : pendingTrades.values()) {
                TradeRecord r = t.record();
                rows.add(new ArbitrageStore.TradeRow(
                        r.id(),
                        r.openedAt(),
                        r.symbol(),
                        r.status().name(),
                        r.actualProfit() == null ? null : r.actualProfit().doubleValue(),
                        ArbitrageFiles.json(r)));
            }
            store.saveTrades(rows);
            pendingTrades.clear();
        }
        if (running && !top.isEmpty()) {
            store.saveOpportunities(instant(now), ArbitrageFiles.json(top));
        }
    }

    private void publish(long now) {
        List<TradeRecord> exits = new ArrayList<>();
        for (int i = closed.size() - 1; i >= 0 && exits.size() < RECENT; i--) {
            exits.add(closed.get(i).record());
        }
        snapshot = new ArbitrageSnapshot(
                instant(now),
                running,
                settings,
                metrics(now),
                open.stream().map(ArbitrageTrade::record).toList(),
                exits,
                top,
                latency.readings(),
                rejectionsByReason(),
                List.copyOf(recentDecisions).subList(0, Math.min(RECENT, recentDecisions.size())));
    }

    // ------------------------------------------------------------------------------------ read-outs (loop thread)

    /** Portfolio figures now; days are counted from the start of the feed. */
    public PortfolioMetrics metrics(long now) {
        double days = startNanos == Long.MIN_VALUE ? 0 : (now - startNanos) / 86_400e9;
        int active = (int) open.stream()
                .filter(t -> t.status == TradeStatus.ACTIVE || t.status == TradeStatus.EXITING)
                .count();
        return portfolio.metrics(active, days);
    }

    public ArbitragePortfolio portfolio() {
        return portfolio;
    }

    /** Every trade that got at least one fill, closed ones first, then the open ones. */
    public List<TradeRecord> trades() {
        List<TradeRecord> out = new ArrayList<>();
        closed.forEach(t -> out.add(t.record()));
        open.stream().filter(t -> t.orders.stream().anyMatch(LegOrder::filled)).forEach(t -> out.add(t.record()));
        return out;
    }

    public List<TradeRecord> closedTrades() {
        return closed.stream().map(ArbitrageTrade::record).toList();
    }

    public List<TradeRecord> openTrades() {
        return open.stream().map(ArbitrageTrade::record).toList();
    }

    public List<LegOutEvent> legOutEvents() {
        return List.copyOf(legOuts);
    }

    public List<LatencyViolation> latencyViolations() {
        return List.copyOf(violations);
    }

    /** Rejection counts by reason key, in reason order, zeros included. */
    public Map<String, Long> rejectionsByReason() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (RejectReason r : RejectReason.values()) {
            out.put(r.key(), rejections.getOrDefault(r, 0L));
        }
        return out;
    }

    public long decisionCount() {
        return decisionCount;
    }

    /** The last scan's ranked opportunities (top 20) and when it ran. */
    public List<Opportunity> topOpportunities() {
        return top;
    }

    public Instant topOpportunitiesTime() {
        return instant(topNanos);
    }

    public LatencyMonitor latencyMonitor() {
        return latency;
    }

    /** The loop the strategy runs on, once attached. */
    Optional<EventLoop> loop() {
        return Optional.ofNullable(loop);
    }

    /** Writes pending history to the store now (the end of a run). */
    public void flushStore() {
        if (loop != null) {
            flush(loop.nowNanos());
        }
    }
}
