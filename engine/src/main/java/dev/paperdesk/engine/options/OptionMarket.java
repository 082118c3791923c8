package dev.paperdesk.engine.options;

import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Instrument.OptionContract;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.pricing.option.PriceAndGreeks;
import dev.paperdesk.engine.pricing.surface.SviParameters;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The options market of a session: which underlyings list options, their daily listings, chains
 * priced on demand from the live underlying price, and quotes with depth for the contracts the
 * venue must trade (those with orders or positions).
 *
 * <p>Reads ({@link #chain}, {@link #expiries}, {@link #contract}, {@link #greeks}) are safe from any
 * thread: a listing is immutable and pricing is a pure function of the underlying's latest quote and
 * the time. {@link #activate} and {@link #requote} belong to the engine's loop thread.
 */
public final class OptionMarket {
    /** Default auto-exercise threshold: intrinsic value per unit of underlying at expiry. */
    public static final BigDecimal DEFAULT_EXERCISE_THRESHOLD = new BigDecimal("0.01");
    /** Price levels per side in the depth published for an active contract. */
    static final int DEPTH_LEVELS = 5;

    private static final DateTimeFormatter SYMBOL_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Map<InstrumentId, OptionUnderlying> underlyings;
    private final long seed;
    private final Function<InstrumentId, Optional<Quote>> quotes;
    private final Map<InstrumentId, OptionListing> listings = new ConcurrentHashMap<>();
    private final Map<InstrumentId, Price> lastTrades = new ConcurrentHashMap<>();
    private final Map<InstrumentId, OptionContract> known = new ConcurrentHashMap<>();
    // loop thread only
    private final Map<InstrumentId, Set<OptionContract>> active = new HashMap<>();
    private final Map<InstrumentId, long[]> lastPublished = new HashMap<>();
    private volatile BigDecimal exerciseThreshold = DEFAULT_EXERCISE_THRESHOLD;

    /**
     * A market listing options on {@code underlyings}, quoting from {@code quotes} (the engine's
     * thread-safe latest quotes), with quoting noise and open interest drawn from {@code seed}.
     */
    public OptionMarket(
            Collection<OptionUnderlying> underlyings, long seed, Function<InstrumentId, Optional<Quote>> quotes) {
        Map<InstrumentId, OptionUnderlying> m = new LinkedHashMap<>();
        for (OptionUnderlying u : underlyings) {
            m.put(u.id(), u);
        }
        this.underlyings = java.util.Collections.unmodifiableMap(m);
        this.seed = seed;
        this.quotes = Objects.requireNonNull(quotes, "quotes");
    }

    /** A market without underlyings (feeds that are not the simulator). */
    public static OptionMarket none() {
        return new OptionMarket(List.of(), 0, id -> Optional.empty());
    }

    public List<InstrumentId> underlyings() {
        return List.copyOf(underlyings.keySet());
    }

    public Optional<OptionUnderlying> underlying(InstrumentId id) {
        return Optional.ofNullable(underlyings.get(id));
    }

    public BigDecimal exerciseThreshold() {
        return exerciseThreshold;
    }

    /** Sets the intrinsic value per unit of underlying from which options are exercised at expiry (≥ 0). */
    public void exerciseThreshold(BigDecimal threshold) {
        if (threshold == null || threshold.signum() < 0) {
            throw new IllegalArgumentException("the exercise threshold must be a number ≥ 0");
        }
        this.exerciseThreshold = threshold;
    }

    /** The underlying's mid, if it has been quoted. */
    public Optional<BigDecimal> spot(InstrumentId underlying) {
        return quotes.apply(underlying).map(q -> q.mid().value());
    }

    // ---------------------------------------------------------------------------- listings

    private Optional<OptionListing> listing(InstrumentId underlyingId, Instant now) {
        OptionUnderlying u = underlyings.get(underlyingId);
        if (u == null) {
            return Optional.empty();
        }
        LocalDate today = now.atZone(u.zone()).toLocalDate();
        OptionListing l = listings.get(underlyingId);
        if (l != null
                && l.date.equals(today)
                && l.slices.stream().allMatch(s -> s.expiry.expiresAt().isAfter(now))) {
            return Optional.of(l);
        }
        Optional<BigDecimal> spot = spot(underlyingId);
        if (spot.isEmpty()) {
            return Optional.ofNullable(l);
        }
        OptionListing fresh = OptionListing.list(u, spot.get().doubleValue(), now, seed);
        listings.put(underlyingId, fresh);
        for (OptionListing.Slice s : fresh.slices) {
            for (int i = 0; i < s.calls.length; i++) {
                known.putIfAbsent(s.calls[i].id(), s.calls[i]);
                known.putIfAbsent(s.puts[i].id(), s.puts[i]);
            }
        }
        return Optional.of(fresh);
    }

    /** The listed expiries of an underlying, nearest first; empty before its first quote. */
    public List<OptionExpiry> expiries(InstrumentId underlying, Instant now) {
        return listing(underlying, now)
                .map(l -> l.slices.stream()
                        .map(s -> s.expiry)
                        .filter(e -> e.expiresAt().isAfter(now))
                        .toList())
                .orElse(List.of());
    }

    /** The chain of one expiry priced at the underlying's latest mid and {@code now}. */
    public Optional<OptionChainView> chain(InstrumentId underlying, LocalDate expiry, Instant now) {
        Optional<OptionListing> listing = listing(underlying, now);
        Optional<BigDecimal> spot = spot(underlying);
        if (listing.isEmpty() || spot.isEmpty()) {
            return Optional.empty();
        }
        for (OptionListing.Slice s : listing.get().slices) {
            if (s.expiry.date().equals(expiry) && s.expiry.expiresAt().isAfter(now)) {
                return Optional.of(price(listing.get().underlying, s, spot.get(), now));
            }
        }
        return Optional.empty();
    }

    /** Prices every contract of a slice: the chain refresh (public for the benchmark through {@link #chain}). */
    static OptionChainView price(OptionUnderlying u, OptionListing.Slice s, BigDecimal spotDecimal, Instant now) {
        double spot = spotDecimal.doubleValue();
        double t = time(s.expiry.expiresAt(), now);
        double r = u.rate();
        double q = u.dividendYield();
        double forward = spot * Math.exp((r - q) * t);
        SviParameters slice = u.surfaceShape().slice(t).parameters();
        boolean american = u.style() == Instrument.OptionStyle.AMERICAN;
        BigDecimal tick = u.tick();
        double tickValue = tick.doubleValue();
        double[] out = new double[ContractPricing.SLOTS];
        PriceAndGreeks work = new PriceAndGreeks();
        double halfWidth = halfWidth(u, t);
        List<OptionChainRow> rows = new ArrayList<>(s.strikes.length);
        BigDecimal atm = s.strikes[0];
        double best = Double.MAX_VALUE;
        for (int i = 0; i < s.strikes.length; i++) {
            double k = s.strikeValues[i];
            double vol = ContractPricing.volatility(slice, k, forward, t);
            double distance = Math.abs(Math.log(k / forward)) / halfWidth;
            ContractPricing.price(true, american, spot, k, t, r, q, vol, work, out);
            OptionQuoteView call =
                    view(s.calls[i], out, distance, s.callNoise[i], tickValue, tick, s.callOi[i], spot > k);
            ContractPricing.price(false, american, spot, k, t, r, q, vol, work, out);
            OptionQuoteView put = view(s.puts[i], out, distance, s.putNoise[i], tickValue, tick, s.putOi[i], spot < k);
            rows.add(new OptionChainRow(s.strikes[i], call, put));
            if (Math.abs(k - spot) < best) {
                best = Math.abs(k - spot);
                atm = s.strikes[i];
            }
        }
        return new OptionChainView(
                u.id(),
                s.expiry.date(),
                s.expiry.kind(),
                s.expiry.expiresAt(),
                u.style(),
                u.cashSettled(),
                u.multiplier(),
                u.currency(),
                spotDecimal,
                t,
                now,
                atm,
                rows);
    }

    private static OptionQuoteView view(
            OptionContract c,
            double[] v,
            double distance,
            double noise,
            double tickValue,
            BigDecimal tick,
            long oi,
            boolean itm) {
        long[] ba = ContractPricing.bidAskTicks(v[ContractPricing.VALUE], distance, noise, tickValue);
        return new OptionQuoteView(
                c.id(),
                c.right(),
                new Price(ContractPricing.ticksToPrice(ba[0], tick)),
                new Price(ContractPricing.ticksToPrice(ba[1], tick)),
                null,
                v[ContractPricing.VOL],
                v[ContractPricing.DELTA],
                v[ContractPricing.GAMMA],
                v[ContractPricing.THETA_YEAR] / 365.0,
                v[ContractPricing.VEGA_UNIT] / 100.0,
                v[ContractPricing.RHO_UNIT] / 100.0,
                oi,
                itm);
    }

    static double time(Instant expiresAt, Instant now) {
        double seconds = (expiresAt.toEpochMilli() - now.toEpochMilli()) / 1000.0;
        return Math.max(ContractPricing.MIN_TIME, seconds / ContractPricing.SECONDS_PER_YEAR);
    }

    /** Adds the last traded prices of this workspace to a chain. */
    public OptionChainView withLastTrades(OptionChainView chain) {
        List<OptionChainRow> rows = new ArrayList<>(chain.rows().size());
        for (OptionChainRow r : chain.rows()) {
            rows.add(new OptionChainRow(r.strike(), withLast(r.call()), withLast(r.put())));
        }
        return new OptionChainView(
                chain.underlying(),
                chain.expiry(),
                chain.kind(),
                chain.expiresAt(),
                chain.style(),
                chain.cashSettled(),
                chain.multiplier(),
                chain.currency(),
                chain.underlyingPrice(),
                chain.timeToExpiry(),
                chain.asOf(),
                chain.atmStrike(),
                rows);
    }

    private OptionQuoteView withLast(OptionQuoteView v) {
        Price last = lastTrades.get(v.instrumentId());
        if (last == null) {
            return v;
        }
        return new OptionQuoteView(
                v.instrumentId(),
                v.right(),
                v.bid(),
                v.ask(),
                last,
                v.impliedVolatility(),
                v.delta(),
                v.gamma(),
                v.theta(),
                v.vega(),
                v.rho(),
                v.openInterest(),
                v.inTheMoney());
    }

    /** Remembers the price of a fill (the chain's "last"). */
    public void recordTrade(InstrumentId contract, Price price) {
        lastTrades.put(contract, price);
    }

    // --------------------------------------------------------------------------- contracts

    /**
     * The contract of an id such as {@code ORBZ-20261218-C-185@nasdaq}: listed today or earlier, or
     * rebuilt from the id (a workspace reopened after its listing day still knows its positions).
     */
    public Optional<OptionContract> contract(InstrumentId id) {
        OptionContract c = known.get(id);
        if (c != null) {
            return Optional.of(c);
        }
        String[] parts = id.symbol().split("-");
        if (parts.length < 4) {
            return Optional.empty();
        }
        String underlyingSymbol = String.join("-", java.util.Arrays.copyOf(parts, parts.length - 3));
        OptionUnderlying u = underlyings.get(new InstrumentId(underlyingSymbol, id.venue()));
        if (u == null) {
            return Optional.empty();
        }
        try {
            LocalDate expiry = LocalDate.parse(parts[parts.length - 3], SYMBOL_DATE);
            OptionRight right =
                    switch (parts[parts.length - 2]) {
                        case "C" -> OptionRight.CALL;
                        case "P" -> OptionRight.PUT;
                        default -> null;
                    };
            BigDecimal strike = new BigDecimal(parts[parts.length - 1]);
            if (right == null || strike.signum() <= 0) {
                return Optional.empty();
            }
            OptionContract built = OptionListing.contract(u, expiry, right, strike);
            if (!built.id().equals(id)) {
                return Optional.empty();
            }
            known.putIfAbsent(id, built);
            return Optional.of(built);
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A contract's value and Greeks per unit of underlying at the underlying's latest mid. */
    public Optional<double[]> valuation(OptionContract c, Instant now) {
        OptionUnderlying u = underlyings.get(c.underlying());
        Optional<BigDecimal> spot = spot(c.underlying());
        if (u == null || spot.isEmpty()) {
            return Optional.empty();
        }
        double[] out = new double[ContractPricing.SLOTS];
        price(u, c, spot.get().doubleValue(), now, out);
        return Optional.of(out);
    }

    private static void price(OptionUnderlying u, OptionContract c, double spot, Instant now, double[] out) {
        double t = time(u.expiresAt(c.expiry()), now);
        double r = u.rate();
        double q = u.dividendYield();
        double forward = spot * Math.exp((r - q) * t);
        double k = c.strike().doubleValue();
        double vol = ContractPricing.volatility(u.surfaceShape().slice(t).parameters(), k, forward, t);
        ContractPricing.price(
                c.right() == OptionRight.CALL,
                c.style() == Instrument.OptionStyle.AMERICAN,
                spot,
                k,
                t,
                r,
                q,
                vol,
                out);
    }

    // ------------------------------------------------------------------- venue quotes (loop)

    /** A quote and its depth for the venue. */
    public record Update(Quote quote, BookSnapshot book) {}

    /** Starts quoting a contract to the venue; returns its first quote when the underlying has a price. */
    public Optional<Update> activate(OptionContract c, Instant now) {
        active.computeIfAbsent(c.underlying(), k -> new LinkedHashSet<>()).add(c);
        lastPublished.remove(c.id());
        return requote(c, now);
    }

    /** Stops quoting a contract (it expired). */
    public void deactivate(OptionContract c) {
        Set<OptionContract> set = active.get(c.underlying());
        if (set != null) {
            set.remove(c);
        }
        lastPublished.remove(c.id());
    }

    /** The contracts quoted to the venue. */
    public List<OptionContract> activeContracts() {
        List<OptionContract> out = new ArrayList<>();
        active.values().forEach(out::addAll);
        return out;
    }

    /** New quotes of the active contracts on {@code underlying} whose bid or ask moved. */
    public List<Update> requote(InstrumentId underlying, Instant now) {
        Set<OptionContract> set = active.get(underlying);
        if (set == null || set.isEmpty()) {
            return List.of();
        }
        List<Update> out = new ArrayList<>();
        for (OptionContract c : set) {
            if (!now.isBefore(underlyings.get(underlying).expiresAt(c.expiry()))) {
                continue;
            }
            requote(c, now).ifPresent(out::add);
        }
        return out;
    }

    /**
     * The quote a contract would have now, with its depth, whether or not the venue quotes it yet (an
     * order ticket can show it before the first order); empty before the underlying's first quote or
     * after expiry.
     */
    public Optional<Update> quote(OptionContract c, Instant now) {
        return ticks(c, now).map(ba -> depth(c, underlyings.get(c.underlying()), ba, now));
    }

    private Optional<Update> requote(OptionContract c, Instant now) {
        Optional<long[]> ticks = ticks(c, now);
        if (ticks.isEmpty()) {
            return Optional.empty();
        }
        long[] ba = ticks.get();
        long[] previous = lastPublished.get(c.id());
        if (previous != null && previous[0] == ba[0] && previous[1] == ba[1]) {
            return Optional.empty();
        }
        lastPublished.put(c.id(), ba);
        return Optional.of(depth(c, underlyings.get(c.underlying()), ba, now));
    }

    /** Bid and ask in ticks at the underlying's latest mid. */
    private Optional<long[]> ticks(OptionContract c, Instant now) {
        OptionUnderlying u = underlyings.get(c.underlying());
        Optional<BigDecimal> spotDecimal = spot(c.underlying());
        if (u == null || spotDecimal.isEmpty() || !now.isBefore(u.expiresAt(c.expiry()))) {
            return Optional.empty();
        }
        double spot = spotDecimal.get().doubleValue();
        double[] v = new double[ContractPricing.SLOTS];
        price(u, c, spot, now, v);
        double t = time(u.expiresAt(c.expiry()), now);
        double forward = spot * Math.exp((u.rate() - u.dividendYield()) * t);
        double halfWidth = halfWidth(u, t);
        double distance = Math.abs(Math.log(c.strike().doubleValue() / forward)) / halfWidth;
        var noise = OptionListing.noise(seed, c.id());
        double n = noise.nextDouble();
        return Optional.of(ContractPricing.bidAskTicks(
                v[ContractPricing.VALUE], distance, n, u.tick().doubleValue()));
    }

    /** How far from the money the strikes of an expiry reach, in log-moneyness: 2.5 ATM deviations, 8%–70%. */
    static double halfWidth(OptionUnderlying u, double t) {
        return Math.min(0.7, Math.max(0.08, 2.5 * Math.sqrt(u.surfaceShape().atmTotalVariance(t))));
    }

    /**
     * Five levels a side: the touch, then one half-spread apart each, sizes growing by half the touch
     * size per level; touch size 5–250 contracts (equities) or 1–100 lots (crypto) from the
     * contract's open interest.
     */
    private Update depth(OptionContract c, OptionUnderlying u, long[] ba, Instant now) {
        BigDecimal tick = u.tick();
        BigDecimal lot = u.lotSize();
        long oi = Math.max(0, contractOpenInterest(c));
        long touchLots = u.crypto()
                ? Math.max(1, Math.min(100, Math.round(oi / 20.0)))
                : Math.max(5, Math.min(250, Math.round(oi / 40.0)));
        long step = Math.max(1, (ba[1] - ba[0]) / 2);
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        for (int i = 0; i < DEPTH_LEVELS; i++) {
            long size = touchLots + i * (touchLots / 2);
            long bid = ba[0] - i * step;
            if (bid > 0) {
                bids.add(new BookLevel(
                        new Price(ContractPricing.ticksToPrice(bid, tick)),
                        Quantity.of(lot.multiply(BigDecimal.valueOf(size)))));
            }
            asks.add(new BookLevel(
                    new Price(ContractPricing.ticksToPrice(ba[1] + i * step, tick)),
                    Quantity.of(lot.multiply(BigDecimal.valueOf(size)))));
        }
        Quantity bidSize = bids.isEmpty() ? Quantity.ZERO : bids.get(0).size();
        Quote quote = new Quote(
                c.id(),
                now,
                new Price(ContractPricing.ticksToPrice(ba[0], tick)),
                new Price(ContractPricing.ticksToPrice(ba[1], tick)),
                bidSize,
                asks.get(0).size());
        return new Update(quote, new BookSnapshot(c.id(), now, bids, asks));
    }

    private long contractOpenInterest(OptionContract c) {
        OptionListing l = listings.get(c.underlying());
        if (l != null) {
            for (OptionListing.Slice s : l.slices) {
                if (s.expiry.date().equals(c.expiry())) {
                    for (int i = 0; i < s.strikes.length; i++) {
                        if (s.strikes[i].compareTo(c.strike()) == 0) {
                            return c.right() == OptionRight.CALL ? s.callOi[i] : s.putOi[i];
                        }
                    }
                }
            }
        }
        return 200;
    }

    // ------------------------------------------------------------------------------ greeks

    /**
     * The option Greeks of a portfolio per underlying (the underlying's own position adds its delta)
     * and in total in the base currency, {@code rate} converting a currency into it (empty when
     * unknown: that underlying is left out of the total).
     */
    public PortfolioGreeks greeks(
            PortfolioSnapshot portfolio,
            Instant now,
            java.util.function.BiFunction<Currency, Currency, Optional<BigDecimal>> rate) {
        Map<InstrumentId, double[]> byUnderlying = new LinkedHashMap<>();
        Map<InstrumentId, BigDecimal> held = new HashMap<>();
        for (PositionView p : portfolio.positions()) {
            held.put(p.instrumentId(), p.quantity());
        }
        double[] v = new double[ContractPricing.SLOTS];
        for (PositionView p : portfolio.positions()) {
            if (p.quantity().signum() == 0) {
                continue;
            }
            Optional<OptionContract> c = underlyings.isEmpty() ? Optional.empty() : contract(p.instrumentId());
            if (c.isEmpty()) {
                continue;
            }
            OptionUnderlying u = underlyings.get(c.get().underlying());
            Optional<BigDecimal> spot = spot(u.id());
            if (spot.isEmpty() || !now.isBefore(u.expiresAt(c.get().expiry()))) {
                continue;
            }
            price(u, c.get(), spot.get().doubleValue(), now, v);
            double units = p.quantity().doubleValue() * c.get().multiplier().doubleValue();
            double[] acc = byUnderlying.computeIfAbsent(u.id(), k -> new double[5]);
            acc[0] += units * v[ContractPricing.DELTA];
            acc[1] += units * v[ContractPricing.GAMMA];
            acc[2] += units * v[ContractPricing.THETA_YEAR] / 365.0;
            acc[3] += units * v[ContractPricing.VEGA_UNIT] / 100.0;
            acc[4] += units * v[ContractPricing.RHO_UNIT] / 100.0;
        }
        List<UnderlyingGreeks> lines = new ArrayList<>();
        DollarGreeks total = DollarGreeks.ZERO;
        for (var e : byUnderlying.entrySet()) {
            OptionUnderlying u = underlyings.get(e.getKey());
            double[] a = e.getValue();
            BigDecimal spotDecimal = spot(u.id()).orElseThrow();
            double s = spotDecimal.doubleValue();
            double delta = a[0] + held.getOrDefault(u.id(), BigDecimal.ZERO).doubleValue();
            DollarGreeks dollars = new DollarGreeks(delta * s, a[1] * s * s / 100.0, a[2], a[3], a[4]);
            lines.add(new UnderlyingGreeks(u.id(), spotDecimal, u.currency(), delta, a[1], dollars));
            Optional<BigDecimal> fx = rate.apply(u.currency(), portfolio.baseCurrency());
            if (fx.isPresent()) {
                total = total.plus(dollars.times(fx.get().doubleValue()));
            }
        }
        return new PortfolioGreeks(portfolio.id(), now, portfolio.baseCurrency(), lines, total);
    }

    /**
     * The Greeks of each position of a portfolio on an option underlying: its options (priced now at
     * the underlying's mid) and the underlying itself (delta = quantity). Positions without a price yet
     * or on expired contracts are left out.
     */
    public java.util.List<PositionGreeks> positionGreeks(PortfolioSnapshot portfolio, Instant now) {
        List<PositionGreeks> out = new ArrayList<>();
        double[] v = new double[ContractPricing.SLOTS];
        for (PositionView p : portfolio.positions()) {
            if (p.quantity().signum() == 0 || underlyings.isEmpty()) {
                continue;
            }
            if (underlyings.containsKey(p.instrumentId())) {
                out.add(new PositionGreeks(
                        p.instrumentId(),
                        p.instrumentId(),
                        p.quantity(),
                        p.quantity().doubleValue(),
                        0,
                        0,
                        0,
                        0));
                continue;
            }
            Optional<OptionContract> c = contract(p.instrumentId());
            if (c.isEmpty()) {
                continue;
            }
            OptionUnderlying u = underlyings.get(c.get().underlying());
            Optional<BigDecimal> spot = spot(u.id());
            if (spot.isEmpty() || !now.isBefore(u.expiresAt(c.get().expiry()))) {
                continue;
            }
            price(u, c.get(), spot.get().doubleValue(), now, v);
            double units = p.quantity().doubleValue() * c.get().multiplier().doubleValue();
            out.add(new PositionGreeks(
                    p.instrumentId(),
                    u.id(),
                    p.quantity(),
                    units * v[ContractPricing.DELTA],
                    units * v[ContractPricing.GAMMA],
                    units * v[ContractPricing.THETA_YEAR] / 365.0,
                    units * v[ContractPricing.VEGA_UNIT] / 100.0,
                    units * v[ContractPricing.RHO_UNIT] / 100.0));
        }
        return out;
    }

    /** Intrinsic value per unit of underlying at {@code spot}. */
    public static BigDecimal intrinsic(OptionContract c, BigDecimal spot) {
        BigDecimal diff = c.right() == OptionRight.CALL
                ? spot.subtract(c.strike())
                : c.strike().subtract(spot);
        return diff.max(BigDecimal.ZERO);
    }
}
