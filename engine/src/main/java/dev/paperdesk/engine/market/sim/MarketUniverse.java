package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.market.HolidayCalendar;
import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Everything a simulated market is made of: factors, underlyings, perpetual premium dynamics and
 * the catalogue of listings on venues, plus the selection of listings that publish data.
 *
 * <p>Immutable. {@link #select} narrows the selection while the whole model (every underlying and
 * every venue's basis) keeps running, so a listing's prices do not depend on which others are
 * selected: an index still averages all spot venues when only one perpetual is selected.
 */
public final class MarketUniverse {
    private final List<FactorSpec> factors;
    private final List<Underlying> underlyings;
    private final Map<String, PremiumDynamics> premiums;
    private final List<ListingSpec> catalogue;
    private final List<ListingSpec> listings;

    /** A universe with every listing of the catalogue selected. */
    public MarketUniverse(
            List<FactorSpec> factors,
            List<Underlying> underlyings,
            Map<String, PremiumDynamics> premiums,
            List<ListingSpec> catalogue) {
        this(factors, underlyings, premiums, catalogue, catalogue);
    }

    private MarketUniverse(
            List<FactorSpec> factors,
            List<Underlying> underlyings,
            Map<String, PremiumDynamics> premiums,
            List<ListingSpec> catalogue,
            List<ListingSpec> selected) {
        this.factors = List.copyOf(factors);
        this.underlyings = List.copyOf(underlyings);
        this.premiums = Map.copyOf(premiums);
        this.catalogue = List.copyOf(catalogue);
        this.listings = List.copyOf(selected);
        validate();
    }

    private void validate() {
        Set<String> factorNames = new HashSet<>();
        for (FactorSpec f : factors) {
            if (!factorNames.add(f.name())) {
                throw new IllegalArgumentException("duplicate factor " + f.name());
            }
        }
        Set<String> known = new HashSet<>();
        for (Underlying u : underlyings) {
            switch (u) {
                case Underlying.Stochastic s -> {
                    for (FactorLoading l : s.loadings()) {
                        if (!factorNames.contains(l.factor())) {
                            throw new IllegalArgumentException(u.name() + ": unknown factor " + l.factor());
                        }
                    }
                }
                case Underlying.Composite c -> {
                    for (Underlying.Component part : c.components()) {
                        if (!known.contains(part.underlying())) {
                            throw new IllegalArgumentException(
                                    u.name() + ": component " + part.underlying() + " must be declared before it");
                        }
                    }
                }
            }
            if (!known.add(u.name())) {
                throw new IllegalArgumentException("duplicate underlying " + u.name());
            }
        }
        Set<InstrumentId> ids = new HashSet<>();
        for (ListingSpec l : catalogue) {
            if (!known.contains(l.underlying())) {
                throw new IllegalArgumentException(l.instrument().id() + ": unknown underlying " + l.underlying());
            }
            if (!ids.add(l.instrument().id())) {
                throw new IllegalArgumentException(
                        "duplicate listing " + l.instrument().id());
            }
            if (l.kind() == ListingKind.PERPETUAL && !premiums.containsKey(l.underlying())) {
                throw new IllegalArgumentException(l.instrument().id() + ": no premium dynamics for " + l.underlying());
            }
        }
        for (ListingSpec l : listings) {
            if (!catalogue.contains(l)) {
                throw new IllegalArgumentException(l.instrument().id() + " is not in the catalogue");
            }
        }
    }

    public List<FactorSpec> factors() {
        return factors;
    }

    public List<Underlying> underlyings() {
        return underlyings;
    }

    public Map<String, PremiumDynamics> premiums() {
        return premiums;
    }

    /** Every listing the model knows, selected or not. */
    public List<ListingSpec> catalogue() {
        return catalogue;
    }

    /** The selected listings, in catalogue order: these publish market data. */
    public List<ListingSpec> listings() {
        return listings;
    }

    public List<Instrument> instruments() {
        return listings.stream().map(ListingSpec::instrument).toList();
    }

    /** The same model with only the selected listings that pass {@code filter}. */
    public MarketUniverse select(Predicate<ListingSpec> filter) {
        return new MarketUniverse(
                factors,
                underlyings,
                premiums,
                catalogue,
                listings.stream().filter(filter).toList());
    }

    /**
     * The same model with only the named listings (among those selected); each name is an id
     * ({@code BTC-USDT@bybit}) or a bare symbol, which selects it on every venue that lists it.
     */
    public MarketUniverse select(Collection<String> names) {
        List<ListingSpec> kept = new ArrayList<>();
        for (String name : names) {
            List<ListingSpec> found = matching(name);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no simulated instrument '" + name + "'");
            }
            for (ListingSpec l : found) {
                if (!kept.contains(l)) {
                    kept.add(l);
                }
            }
        }
        Set<ListingSpec> keep = new HashSet<>(kept);
        return select(keep::contains);
    }

    /**
     * The one listing named by an id, or by a bare symbol (its first venue in listing order, which
     * puts the deepest venue first).
     */
    public ListingSpec find(String name) {
        List<ListingSpec> found = matching(name);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no simulated instrument '" + name + "'");
        }
        return found.get(0);
    }

    private List<ListingSpec> matching(String name) {
        String n = name.trim();
        if (n.contains("@")) {
            InstrumentId id = InstrumentId.parse(n);
            return listings.stream().filter(l -> l.instrument().id().equals(id)).toList();
        }
        return listings.stream().filter(l -> l.instrument().symbol().equals(n)).toList();
    }

    // ------------------------------------------------------------------------------ the default market

    private record CryptoAsset(
            String base,
            double price,
            double vol,
            double marketLoading,
            String spotTick,
            String spotLot,
            String perpTick,
            String perpLot,
            int spacingTicks,
            double spreadBps,
            double levelUnits,
            double tradesPerSecond,
            double medianTradeUnits,
            double premiumScale,
            double openInterestUnits) {}

    private static final List<CryptoAsset> CRYPTO = List.of(
            new CryptoAsset(
                    "BTC", 65_000, 0.55, 0.80, "0.01", "0.00001", "0.1", "0.001", 10, 0.6, 1.5, 6, 0.02, 1.0, 80_000),
            new CryptoAsset(
                    "ETH", 3_400, 0.65, 0.85, "0.01", "0.0001", "0.01", "0.001", 10, 0.8, 20, 5, 0.4, 1.2, 900_000),
            new CryptoAsset("SOL", 150, 0.85, 0.75, "0.01", "0.001", "0.01", "0.01", 1, 1.2, 400, 4, 8, 1.8, 9_000_000),
            new CryptoAsset("BNB", 580, 0.55, 0.70, "0.01", "0.001", "0.01", "0.01", 2, 1.0, 60, 3, 1.5, 1.4, 700_000),
            new CryptoAsset(
                    "XRP",
                    0.52,
                    0.75,
                    0.60,
                    "0.0001",
                    "0.1",
                    "0.0001",
                    "0.1",
                    1,
                    2.0,
                    80_000,
                    3,
                    1_500,
                    2.0,
                    500_000_000),
            new CryptoAsset(
                    "DOGE",
                    0.15,
                    0.90,
                    0.60,
                    "0.00001",
                    "1",
                    "0.00001",
                    "1",
                    1,
                    1.5,
                    400_000,
                    3,
                    6_000,
                    2.5,
                    3_000_000_000.0),
            new CryptoAsset(
                    "ADA",
                    0.45,
                    0.80,
                    0.65,
                    "0.0001",
                    "0.1",
                    "0.0001",
                    "1",
                    1,
                    2.2,
                    90_000,
                    2,
                    1_500,
                    2.2,
                    600_000_000));

    private record Stock(String symbol, String sector, double price, double vol, boolean etf) {}

    /** Fictional tickers; the sector decides which sector factor a stock loads on. */
    private static final List<Stock> STOCKS = List.of(
            new Stock("ORBZ", "Technology", 182.40, 0.36, false),
            new Stock("CHPZ", "Technology", 96.15, 0.42, false),
            new Stock("SFTZ", "Technology", 331.80, 0.30, false),
            new Stock("NETZ", "Technology", 58.25, 0.40, false),
            new Stock("BNKZ", "Financials", 47.60, 0.27, false),
            new Stock("INSZ", "Financials", 121.35, 0.22, false),
            new Stock("PAYZ", "Financials", 214.90, 0.31, false),
            new Stock("OILZ", "Energy", 88.70, 0.33, false),
            new Stock("GRDZ", "Energy", 64.05, 0.24, false),
            new Stock("WNDZ", "Energy", 29.45, 0.45, false),
            new Stock("MEDZ", "Healthcare", 152.20, 0.23, false),
            new Stock("GENZ", "Healthcare", 73.85, 0.38, false),
            new Stock("HLTZ", "Healthcare", 268.10, 0.21, false),
            new Stock("SHPZ", "Consumer", 139.55, 0.29, false),
            new Stock("FODZ", "Consumer", 61.30, 0.18, false),
            new Stock("AUTZ", "Consumer", 24.90, 0.48, false));

    private record Fx(
            String base,
            String quote,
            double price,
            double vol,
            String tick,
            double usdLoading,
            String bloc,
            double blocLoading) {}

    private static final List<Fx> FX_MAJORS = List.of(
            new Fx("EUR", "USD", 1.08500, 0.07, "0.00001", -0.65, "europe", 0.35),
            new Fx("GBP", "USD", 1.27000, 0.08, "0.00001", -0.55, "europe", 0.30),
            new Fx("USD", "JPY", 150.500, 0.09, "0.001", 0.45, "europe", -0.10),
            new Fx("USD", "CHF", 0.88000, 0.075, "0.00001", 0.60, "europe", -0.30),
            new Fx("AUD", "USD", 0.66000, 0.10, "0.00001", -0.50, "commodity", 0.45),
            new Fx("USD", "CAD", 1.36000, 0.065, "0.00001", 0.45, "commodity", -0.30),
            new Fx("NZD", "USD", 0.61000, 0.10, "0.00001", -0.50, "commodity", 0.45));

    /** Name of the broad index ETF (all simulated stocks, equal-weighted), usable as a benchmark. */
    public static final String BENCHMARK_SYMBOL = "SPYX";

    /** The default market of a fresh workspace. */
    public static MarketUniverse standard() {
        return standard(HolidayCalendar.NONE);
    }

    /**
     * The default market: 7 crypto assets spot and perpetual on 8 venues, 16 stocks and 4 ETFs on
     * {@code nasdaq} (with the given holiday calendar), 7 FX majors and 3 crosses on {@code fx}.
     */
    public static MarketUniverse standard(HolidayCalendar holidays) {
        List<FactorSpec> factors = new ArrayList<>();
        List<Underlying> underlyings = new ArrayList<>();
        Map<String, PremiumDynamics> premiums = new HashMap<>();
        List<ListingSpec> listings = new ArrayList<>();

        // Crypto: one market factor with its own crashes; assets add idiosyncratic jumps.
        factors.add(new FactorSpec("crypto", 6, -0.02, 0.04));
        for (CryptoAsset a : CRYPTO) {
            underlyings.add(new Underlying.Stochastic(
                    a.base,
                    a.price,
                    new HestonJumpDynamics(a.vol, a.vol, 6.0, 1.1, -0.25, 12, -0.003, 0.025),
                    VarianceClock.CRYPTO,
                    List.of(new FactorLoading("crypto", a.marketLoading))));
            premiums.put(a.base, PremiumDynamics.crypto(a.premiumScale));
        }
        for (VenueProfile venue : VenueProfile.cryptoVenues()) {
            for (CryptoAsset a : CRYPTO) {
                Currency base = new Currency(a.base);
                BigDecimal spotLot = new BigDecimal(a.spotLot);
                BigDecimal perpLot = new BigDecimal(a.perpLot);
                if (venue.listsSpot()) {
                    Instrument spot = new Instrument.CryptoSpot(
                            new InstrumentId(a.base + "-USDT", venue.name()),
                            base,
                            Currency.USDT,
                            new BigDecimal(a.spotTick),
                            spotLot);
                    listings.add(new ListingSpec(
                            spot,
                            a.base,
                            ListingKind.SPOT,
                            venue,
                            cryptoBook(a, venue, spotLot, new BigDecimal(a.spotTick), 1.0),
                            TradingHours.continuous(),
                            0));
                }
                if (venue.listsPerpetuals()) {
                    Instrument perp = new Instrument.Perpetual(
                            new InstrumentId(a.base + "-USDT-PERP", venue.name()),
                            base,
                            Currency.USDT,
                            new BigDecimal(a.perpTick),
                            perpLot,
                            BigDecimal.ONE,
                            venue.fundingIntervalHours());
                    double oiLots = a.openInterestUnits * venue.depthScale() / perpLot.doubleValue();
                    listings.add(new ListingSpec(
                            perp,
                            a.base,
                            ListingKind.PERPETUAL,
                            venue,
                            cryptoBook(a, venue, perpLot, new BigDecimal(a.perpTick), 2.5),
                            TradingHours.continuous(),
                            Math.rint(oiLots)));
                }
            }
        }

        // Equities: market factor + one sector factor + idiosyncratic; ETFs are log-weighted baskets.
        TradingHours session = TradingHours.usEquities(holidays);
        VarianceClock equityClock = VarianceClock.usEquities(session);
        factors.add(new FactorSpec("equity", 3, -0.015, 0.03));
        List<String> sectors = STOCKS.stream().map(Stock::sector).distinct().toList();
        for (String sector : sectors) {
            factors.add(FactorSpec.diffusive("sector:" + sector));
        }
        for (Stock s : STOCKS) {
            underlyings.add(new Underlying.Stochastic(
                    s.symbol,
                    s.price,
                    new HestonJumpDynamics(s.vol, s.vol, 4.0, 0.7, -0.6, 4, -0.005, 0.04),
                    equityClock,
                    List.of(new FactorLoading("equity", 0.55), new FactorLoading("sector:" + s.sector, 0.45))));
            Instrument equity = new Instrument.Equity(
                    new InstrumentId(s.symbol, VenueProfile.NASDAQ.name()),
                    new BigDecimal("0.01"),
                    BigDecimal.ONE,
                    Currency.USD,
                    s.sector);
            listings.add(equityListing(equity, s.symbol, s.price, 1.0, session));
        }
        addEtf(underlyings, listings, BENCHMARK_SYMBOL, "Broad market", 452.30, STOCKS, session);
        addEtf(underlyings, listings, "TECZ", "Technology sector", 188.75, sector("Technology"), session);
        addEtf(underlyings, listings, "ENRZ", "Energy sector", 91.40, sector("Energy"), session);
        addEtf(underlyings, listings, "HLCZ", "Healthcare sector", 134.60, sector("Healthcare"), session);

        // FX: a dollar factor and two currency blocs; crosses are exact products of majors.
        factors.add(new FactorSpec("usd", 1, 0, 0.01));
        factors.add(FactorSpec.diffusive("fx:europe"));
        factors.add(FactorSpec.diffusive("fx:commodity"));
        VarianceClock fxClock = VarianceClock.fx();
        for (Fx fx : FX_MAJORS) {
            String name = fx.base + "/" + fx.quote;
            underlyings.add(new Underlying.Stochastic(
                    name,
                    fx.price,
                    new HestonJumpDynamics(fx.vol, fx.vol, 4.0, 0.35, 0.0, 2, 0, 0.006),
                    fxClock,
                    List.of(
                            new FactorLoading("usd", fx.usdLoading),
                            new FactorLoading("fx:" + fx.bloc, fx.blocLoading))));
            listings.add(fxListing(name, fx.tick, 0.6));
        }
        addCross(
                underlyings,
                listings,
                "EUR/GBP",
                "0.00001",
                List.of(new Underlying.Component("EUR/USD", 1), new Underlying.Component("GBP/USD", -1)));
        addCross(
                underlyings,
                listings,
                "EUR/JPY",
                "0.001",
                List.of(new Underlying.Component("EUR/USD", 1), new Underlying.Component("USD/JPY", 1)));
        addCross(
                underlyings,
                listings,
                "GBP/JPY",
                "0.001",
                List.of(new Underlying.Component("GBP/USD", 1), new Underlying.Component("USD/JPY", 1)));

        return new MarketUniverse(factors, underlyings, premiums, listings);
    }

    private static Microstructure cryptoBook(
            CryptoAsset a, VenueProfile venue, BigDecimal lot, BigDecimal tick, double perpetualScale) {
        double lotUnits = lot.doubleValue();
        // Perp ticks can be coarser than spot ticks: keep the level spacing in price terms.
        double spacingPrice = a.spacingTicks * new BigDecimal(a.spotTick).doubleValue();
        int spacing = Math.max(1, (int) Math.round(spacingPrice / tick.doubleValue()));
        double levelLots = Math.max(1, Math.rint(a.levelUnits * perpetualScale * venue.depthScale() / lotUnits));
        double medianLots = Math.max(1, Math.rint(a.medianTradeUnits * perpetualScale / lotUnits));
        double rate = a.tradesPerSecond * perpetualScale * Math.sqrt(venue.depthScale());
        return new Microstructure(spacing, a.spreadBps * venue.spreadFactor(), levelLots, rate, medianLots, 20);
    }

    private static ListingSpec equityListing(
            Instrument instrument, String underlying, double price, double liquidity, TradingHours session) {
        // Cheaper stocks trade more shares; the spread is at least a cent.
        double levelShares = Math.rint(Math.max(100, 40_000 / price) * liquidity);
        double spreadBps = Math.max(1.5, 100.0 / price) / Math.sqrt(liquidity);
        return new ListingSpec(
                instrument,
                underlying,
                ListingKind.DIRECT,
                VenueProfile.NASDAQ,
                new Microstructure(
                        1, spreadBps, levelShares, 3 * liquidity, Math.max(1, Math.rint(levelShares / 8)), 20),
                session,
                0);
    }

    private static List<Stock> sector(String sector) {
        return STOCKS.stream().filter(s -> s.sector.equals(sector)).toList();
    }

    private static void addEtf(
            List<Underlying> underlyings,
            List<ListingSpec> listings,
            String symbol,
            String category,
            double price,
            List<Stock> members,
            TradingHours session) {
        double w = 1.0 / members.size();
        underlyings.add(new Underlying.Composite(
                symbol,
                price,
                members.stream().map(m -> new Underlying.Component(m.symbol, w)).toList()));
        Instrument etf = new Instrument.Etf(
                new InstrumentId(symbol, VenueProfile.NASDAQ.name()),
                new BigDecimal("0.01"),
                BigDecimal.ONE,
                Currency.USD,
                category);
        listings.add(equityListing(etf, symbol, price, symbol.equals(BENCHMARK_SYMBOL) ? 4.0 : 1.5, session));
    }

    private static void addCross(
            List<Underlying> underlyings,
            List<ListingSpec> listings,
            String name,
            String tick,
            List<Underlying.Component> legs) {
        Map<String, Double> start = new LinkedHashMap<>();
        for (Underlying u : underlyings) {
            start.put(u.name(), u.startPrice());
        }
        double logPrice = 0;
        for (Underlying.Component leg : legs) {
            logPrice += leg.weight() * Math.log(Objects.requireNonNull(start.get(leg.underlying())));
        }
        underlyings.add(new Underlying.Composite(name, Math.exp(logPrice), legs));
        listings.add(fxListing(name, tick, 1.4));
    }

    private static ListingSpec fxListing(String name, String tick, double spreadBps) {
        String[] ccy = name.split("/");
        Instrument pair = new Instrument.FxPair(
                new InstrumentId(name, VenueProfile.FX.name()),
                new Currency(ccy[0]),
                new Currency(ccy[1]),
                new BigDecimal(tick),
                new BigDecimal("1000"));
        // Sizes in lots of 1,000 base units: 1m at the touch, 100k median tickets.
        return new ListingSpec(
                pair,
                name,
                ListingKind.DIRECT,
                VenueProfile.FX,
                new Microstructure(5, spreadBps, 1_000, 4, 100, 20),
                TradingHours.fx(),
                0);
    }
}
