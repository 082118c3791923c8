package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.options.OptionExpiry;
import dev.paperdesk.engine.options.OptionQuoteView;
import dev.paperdesk.engine.options.OptionUnderlying;
import dev.paperdesk.engine.session.TradingSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The session's live, tradable option chains. */
public final class SessionChainSource implements OptionChainSource {
    private final TradingSession session;

    public SessionChainSource(TradingSession session) {
        this.session = session;
    }

    @Override
    public List<InstrumentId> underlyings() {
        return session.optionUnderlyings();
    }

    @Override
    public List<LocalDate> expiries(InstrumentId underlying) {
        return session.optionExpiries(underlying).stream()
                .map(OptionExpiry::date)
                .toList();
    }

    @Override
    public Optional<ChainSnapshot> chain(InstrumentId underlying, LocalDate expiry) {
        return session.optionChain(underlying, expiry).map(SessionChainSource::snapshot);
    }

    static ChainSnapshot snapshot(OptionChainView v) {
        List<ChainLine> lines = v.rows().stream()
                .map(r -> new ChainLine(
                        r.strike(), side(r.call()), side(r.put()), r.strike().compareTo(v.atmStrike()) == 0))
                .toList();
        // the session lists equity chains at the USD rate and crypto ones (cash-settled) at zero
        double rate = v.cashSettled() ? 0.0 : OptionUnderlying.EQUITY_RATE;
        return new ChainSnapshot(
                v.underlying(),
                v.expiry(),
                LocalDate.ofInstant(v.asOf(), ZoneOffset.UTC),
                v.underlyingPrice().doubleValue(),
                v.style(),
                v.multiplier().doubleValue(),
                rate,
                0.0,
                v.atmStrike(),
                lines);
    }

    private static ChainSide side(OptionQuoteView q) {
        return new ChainSide(
                q.instrumentId(),
                q.right(),
                q.bid().value(),
                q.ask().value(),
                q.last() == null ? null : q.last().value(),
                q.impliedVolatility(),
                q.delta(),
                q.gamma(),
                q.theta(),
                q.vega(),
                q.rho(),
                q.openInterest(),
                q.inTheMoney());
    }
}
