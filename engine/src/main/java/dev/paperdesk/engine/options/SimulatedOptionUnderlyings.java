package dev.paperdesk.engine.options;

import dev.paperdesk.engine.market.sim.ListingSpec;
import dev.paperdesk.engine.market.sim.MarketUniverse;
import dev.paperdesk.engine.market.sim.Underlying;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which instruments of a simulated market list options: every stock and ETF, and BTC and ETH spot
 * against USDT on one venue (binance when it is in the market, else the first venue listing them).
 */
public final class SimulatedOptionUnderlyings {
    /** The crypto assets with options. */
    public static final Set<String> CRYPTO_BASES = Set.of("BTC", "ETH");

    private static final String PREFERRED_CRYPTO_VENUE = "binance";

    private SimulatedOptionUnderlyings() {}

    /** The option underlyings of {@code universe}, in listing order. */
    public static List<OptionUnderlying> of(MarketUniverse universe) {
        Map<String, Underlying> processes = new HashMap<>();
        for (Underlying u : universe.underlyings()) {
            processes.put(u.name(), u);
        }
        Map<String, ListingSpec> crypto = new HashMap<>();
        List<OptionUnderlying> out = new ArrayList<>();
        for (ListingSpec l : universe.listings()) {
            Instrument i = l.instrument();
            if (i instanceof Instrument.Equity || i instanceof Instrument.Etf) {
                out.add(underlying(l, processes.get(l.underlying()), 0.22));
            } else if (i instanceof Instrument.CryptoSpot spot
                    && CRYPTO_BASES.contains(spot.base().code())
                    && spot.quoteCurrency().equals(Currency.USDT)) {
                ListingSpec seen = crypto.get(spot.base().code());
                if (seen == null
                        || (!seen.venue().name().equals(PREFERRED_CRYPTO_VENUE)
                                && l.venue().name().equals(PREFERRED_CRYPTO_VENUE))) {
                    crypto.put(spot.base().code(), l);
                }
            }
        }
        Set<String> added = new HashSet<>();
        for (ListingSpec l : universe.listings()) {
            if (crypto.containsValue(l) && added.add(l.underlying())) {
                out.add(underlying(l, processes.get(l.underlying()), 0.6));
            }
        }
        return out;
    }

    private static OptionUnderlying underlying(ListingSpec l, Underlying process, double fallbackVol) {
        double vol = process instanceof Underlying.Stochastic s ? s.dynamics().longRunVol() : fallbackVol;
        double reference = process == null ? 100.0 : process.startPrice();
        return new OptionUnderlying(l.instrument(), vol, reference, l.hours());
    }
}
