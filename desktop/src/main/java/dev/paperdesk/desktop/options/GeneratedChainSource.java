package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.pricing.chain.ChainQuote;
import dev.paperdesk.engine.pricing.chain.ChainSpec;
import dev.paperdesk.engine.pricing.chain.OptionChain;
import dev.paperdesk.engine.pricing.chain.OptionChainGenerator;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Chains generated around the session's live underlying prices by {@link OptionChainGenerator}: a
 * look at the options market of any stock, ETF or crypto pair, for sessions whose engine lists no
 * options of its own. Its contracts are not session instruments, so they cannot be traded.
 */
public final class GeneratedChainSource implements OptionChainSource {
    private static final double EQUITY_RATE = 0.045;
    private static final double EQUITY_VOL = 0.30;
    private static final double CRYPTO_VOL = 0.60;

    private final TradingSession session;

    public GeneratedChainSource(TradingSession session) {
        this.session = session;
    }

    @Override
    public List<InstrumentId> underlyings() {
        return session.instruments().stream()
                .filter(i -> i instanceof Instrument.Equity
                        || i instanceof Instrument.Etf
                        || i instanceof Instrument.CryptoSpot)
                .map(Instrument::id)
                .sorted((a, b) -> a.toString().compareTo(b.toString()))
                .toList();
    }

    @Override
    public List<LocalDate> expiries(InstrumentId underlying) {
        return generate(underlying).map(OptionChain::expiries).orElse(List.of());
    }

    @Override
    public Optional<ChainSnapshot> chain(InstrumentId underlying, LocalDate expiry) {
        return generate(underlying).map(chain -> snapshot(chain, expiry));
    }

    private Optional<OptionChain> generate(InstrumentId underlying) {
        Optional<Instrument> instrument = session.instrument(underlying);
        Optional<Quote> quote = session.quote(underlying);
        if (instrument.isEmpty() || quote.isEmpty()) {
            return Optional.empty();
        }
        double spot = (quote.get().bid().toDouble() + quote.get().ask().toDouble()) / 2.0;
        LocalDate today = LocalDate.ofInstant(session.now(), ZoneOffset.UTC);
        ChainSpec spec = instrument.get() instanceof Instrument.CryptoSpot
                ? ChainSpec.crypto(underlying, spot, today, instrument.get().quoteCurrency(), 0.0, CRYPTO_VOL)
                : ChainSpec.equity(underlying, spot, today, EQUITY_RATE, 0.0, EQUITY_VOL);
        // the same seed for an underlying keeps spreads and open interest steady between refreshes
        return Optional.of(OptionChainGenerator.DEFAULT.generate(spec, new SplittableRandom(underlying.hashCode())));
    }

    static ChainSnapshot snapshot(OptionChain chain, LocalDate expiry) {
        ChainSpec spec = chain.spec();
        Map<BigDecimal, ChainSide[]> byStrike = new TreeMap<>();
        for (ChainQuote q : chain.at(expiry)) {
            BigDecimal strike = q.contract().strike();
            ChainSide[] pair = byStrike.computeIfAbsent(strike, k -> new ChainSide[2]);
            boolean call = q.contract().right() == OptionRight.CALL;
            boolean itm = call ? strike.doubleValue() < spec.spot() : strike.doubleValue() > spec.spot();
            var v = q.valuation();
            pair[call ? 0 : 1] = new ChainSide(
                    q.contract().id(),
                    q.contract().right(),
                    q.bid().value(),
                    q.ask().value(),
                    null,
                    q.volatility(),
                    v.delta(),
                    v.gamma(),
                    v.thetaPerDay(),
                    v.vegaPerPoint(),
                    v.rhoPerPoint(),
                    q.openInterest(),
                    itm);
        }
        BigDecimal atm = null;
        for (BigDecimal k : byStrike.keySet()) {
            if (atm == null || Math.abs(k.doubleValue() - spec.spot()) < Math.abs(atm.doubleValue() - spec.spot())) {
                atm = k;
            }
        }
        List<ChainLine> lines = new ArrayList<>();
        for (var e : byStrike.entrySet()) {
            lines.add(new ChainLine(
                    e.getKey(), e.getValue()[0], e.getValue()[1], e.getKey().equals(atm)));
        }
        return new ChainSnapshot(
                spec.underlying(),
                expiry,
                spec.valuationDate(),
                spec.spot(),
                spec.style(),
                spec.multiplier().doubleValue(),
                spec.rate(),
                spec.dividendYield(),
                atm == null ? BigDecimal.ZERO : atm,
                lines);
    }
}
