package dev.paperdesk.engine.session;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.portfolio.FxRates;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exchange rates from the market's own quotes: the mid of FX pairs and crypto spot pairs, direct,
 * inverse or crossed through USD. Dollar stablecoins (USDT, USDC) are taken at par with USD — a
 * stated simplification, as the simulated market has no stablecoin/dollar pair.
 *
 * <p>Updated and read on the event loop thread only.
 */
final class MarketFxRates implements FxRates {
    private static final Currency USD = Currency.USD;
    private static final Set<String> DOLLAR_STABLECOINS = Set.of("USDT", "USDC");

    /** Latest mid per "BASE/QUOTE". */
    private final Map<String, BigDecimal> mids = new HashMap<>();

    /** Records the mid of a quote if its instrument is a currency pair. */
    void onQuote(Instrument instrument, Quote quote) {
        switch (instrument) {
            case Instrument.FxPair fx -> mids.put(
                    key(fx.base(), fx.quoteCurrency()), quote.mid().value());
            case Instrument.CryptoSpot spot -> mids.put(
                    key(spot.base(), spot.quoteCurrency()), quote.mid().value());
            default -> {}
        }
    }

    /** A currency into itself, one object for every call. */
    private static final Optional<BigDecimal> IDENTITY_RATE = Optional.of(BigDecimal.ONE);

    @Override
    public Optional<BigDecimal> rate(Currency from, Currency to) {
        if (from == to) {
            return IDENTITY_RATE; // a held currency into itself: asked on every price of a held position
        }
        Currency a = canonical(from);
        Currency b = canonical(to);
        if (a.equals(b)) {
            return IDENTITY_RATE;
        }
        Optional<BigDecimal> direct = pair(a, b);
        if (direct.isPresent() || a.equals(USD) || b.equals(USD)) {
            return direct;
        }
        Optional<BigDecimal> toUsd = pair(a, USD);
        Optional<BigDecimal> fromUsd = pair(USD, b);
        if (toUsd.isPresent() && fromUsd.isPresent()) {
            return Optional.of(toUsd.get().multiply(fromUsd.get()));
        }
        return Optional.empty();
    }

    private Optional<BigDecimal> pair(Currency a, Currency b) {
        BigDecimal direct = lookup(a, b);
        if (direct != null) {
            return Optional.of(direct);
        }
        BigDecimal inverse = lookup(b, a);
        if (inverse != null && inverse.signum() > 0) {
            return Optional.of(BigDecimal.ONE.divide(inverse, Decimals.DIVISION));
        }
        return Optional.empty();
    }

    /** Looks the pair up under every spelling of a dollar (USD, USDT, USDC). */
    private BigDecimal lookup(Currency a, Currency b) {
        for (String x : spellings(a)) {
            for (String y : spellings(b)) {
                BigDecimal mid = mids.get(x + "/" + y);
                if (mid != null) {
                    return mid;
                }
            }
        }
        return null;
    }

    private static String[] spellings(Currency c) {
        return c.equals(USD) ? new String[] {"USD", "USDT", "USDC"} : new String[] {c.code()};
    }

    private static Currency canonical(Currency c) {
        return DOLLAR_STABLECOINS.contains(c.code()) ? USD : c;
    }

    private static String key(Currency base, Currency quote) {
        return base.code() + "/" + quote.code();
    }
}
