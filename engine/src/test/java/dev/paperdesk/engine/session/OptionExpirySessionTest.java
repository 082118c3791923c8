package dev.paperdesk.engine.session;

import static dev.paperdesk.engine.session.OptionsSessionTest.BTC;
import static dev.paperdesk.engine.session.OptionsSessionTest.STOCK;
import static dev.paperdesk.engine.session.OptionsSessionTest.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.options.OptionEvent;
import dev.paperdesk.engine.options.OptionExpiry;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.store.JournalEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exercise, assignment, worthless expiry, delivery and cash settlement through the session, to the cent. */
class OptionExpirySessionTest {

    private static Order buyOrSell(TradingSession s, PortfolioId p, InstrumentId id, Side side, String qty) {
        Order o = TradingSession.await(s.submit(OrderRequest.market(p, id, side, Quantity.of(qty))));
        s.advance(Duration.ofSeconds(1));
        Order done = s.orders().stream()
                .filter(x -> x.id().equals(o.id()))
                .findFirst()
                .orElseThrow();
        assertThat(done.status()).as("%s %s %s", side, qty, id).isEqualTo(OrderStatus.FILLED);
        return done;
    }

    private static BigDecimal cash(TradingSession s, PortfolioId p) {
        return s.portfolio(p).orElseThrow().cash();
    }

    private static BigDecimal held(TradingSession s, PortfolioId p, InstrumentId id) {
        PortfolioSnapshot snap = s.portfolio(p).orElseThrow();
        return snap.positions().stream()
                .filter(v -> v.instrumentId().equals(id))
                .map(PositionView::quantity)
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }

    private static void advanceTo(TradingSession s, Instant t) {
        s.advance(Duration.between(s.now(), t));
    }

    /** Friday 07:50 UTC: the BTC weekly expires at 08:00, the equity weekly at 16:00 New York. */
    private static final Instant EXPIRY_FRIDAY = Instant.parse("2026-03-06T07:50:00Z");

    @Test
    void atExpiryLongItmIsExercisedOtmExpiresShortItmIsAssignedAndCryptoSettlesInCash() {
        try (TradingSession s = OptionsSessionTest.open(EXPIRY_FRIDAY)) {
            PortfolioId p = pid(s);
            OptionExpiry btcWeekly = s.optionExpiries(BTC).get(0);
            assertThat(btcWeekly.expiresAt()).isEqualTo(Instant.parse("2026-03-06T08:00:00Z"));
            OptionChainView btc = s.optionChain(BTC, btcWeekly.date()).orElseThrow();
            InstrumentId cryptoCall = btc.rows().get(0).call().instrumentId();
            buyOrSell(s, p, cryptoCall, Side.BUY, "0.5");

            // crypto first: Friday 08:00 UTC
            advanceTo(s, btcWeekly.expiresAt().minusSeconds(120));
            assertThat(held(s, p, cryptoCall)).isEqualByComparingTo("0.5");
            BigDecimal beforeCrypto = cash(s, p);
            advanceTo(s, btcWeekly.expiresAt().plusSeconds(120));
            List<OptionEvent> cryptoEvents = s.optionEvents(p);
            assertThat(cryptoEvents).hasSize(1);
            OptionEvent settled = cryptoEvents.get(0);
            assertThat(settled.kind()).isEqualTo(OptionEvent.Kind.EXERCISE);
            assertThat(settled.delivered()).isEqualByComparingTo("0");
            BigDecimal cryptoStrike = btc.rows().get(0).strike();
            BigDecimal cryptoPayout =
                    settled.settlementPrice().subtract(cryptoStrike).multiply(new BigDecimal("0.5"));
            assertThat(cryptoPayout.signum()).isPositive();
            assertThat(settled.cash()).isEqualByComparingTo(cryptoPayout);
            assertThat(cash(s, p)).isEqualByComparingTo(beforeCrypto.add(cryptoPayout));
            assertThat(held(s, p, cryptoCall)).isEqualByComparingTo("0");

            // equities: bought once the session opens, expiring the same day at 16:00 New York
            advanceTo(s, Instant.parse("2026-03-06T14:35:00Z"));
            OptionExpiry weekly = s.optionExpiries(STOCK).get(0);
            assertThat(weekly.expiresAt()).isEqualTo(Instant.parse("2026-03-06T21:00:00Z"));
            OptionChainView stock = s.optionChain(STOCK, weekly.date()).orElseThrow();
            var low = stock.rows().get(0);
            var high = stock.rows().get(stock.rows().size() - 1);
            InstrumentId longCall = low.call().instrumentId(); // deep in the money
            InstrumentId longPut = low.put().instrumentId(); // far out of the money
            InstrumentId shortPut = high.put().instrumentId(); // deep in the money
            buyOrSell(s, p, longCall, Side.BUY, "2");
            buyOrSell(s, p, longPut, Side.BUY, "1");
            buyOrSell(s, p, shortPut, Side.SELL, "3");

            advanceTo(s, weekly.expiresAt().minusSeconds(120));
            BigDecimal beforeEquity = cash(s, p);
            BigDecimal sharesBefore = held(s, p, STOCK);
            advanceTo(s, weekly.expiresAt().plusSeconds(120));
            List<OptionEvent> events =
                    s.optionEvents(p).subList(1, s.optionEvents(p).size());
            assertThat(events).hasSize(3);
            OptionEvent call = event(events, longCall);
            OptionEvent put = event(events, longPut);
            OptionEvent assigned = event(events, shortPut);
            BigDecimal settlement = call.settlementPrice();
            assertThat(settlement).isGreaterThan(low.strike()).isLessThan(high.strike());
            assertThat(call.kind()).isEqualTo(OptionEvent.Kind.EXERCISE);
            assertThat(call.delivered()).isEqualByComparingTo("200");
            assertThat(put.kind()).isEqualTo(OptionEvent.Kind.EXPIRY);
            assertThat(put.cash()).isEqualByComparingTo("0");
            assertThat(assigned.kind()).isEqualTo(OptionEvent.Kind.ASSIGNMENT);
            assertThat(assigned.delivered()).isEqualByComparingTo("300");
            // shares bought at the strikes: 2 × 100 × low strike and 3 × 100 × high strike, exactly
            BigDecimal paid = low.strike()
                    .multiply(BigDecimal.valueOf(200))
                    .add(high.strike().multiply(BigDecimal.valueOf(300)));
            assertThat(cash(s, p)).isEqualByComparingTo(beforeEquity.subtract(paid));
            assertThat(held(s, p, STOCK)).isEqualByComparingTo(sharesBefore.add(BigDecimal.valueOf(500)));
            assertThat(held(s, p, longCall)).isZero();
            assertThat(held(s, p, longPut)).isZero();
            assertThat(held(s, p, shortPut)).isZero();

            // every event is a journaled order: created, accepted, filled, with its tag
            List<Order> synthetic = s.orders().stream()
                    .filter(o -> o.request().tag() != null
                            && List.of("EXERCISE", "ASSIGNMENT", "EXPIRY", "DELIVERY")
                                    .contains(o.request().tag()))
                    .toList();
            assertThat(synthetic)
                    .extracting(o -> o.request().tag())
                    .containsExactlyInAnyOrder("EXERCISE", "EXERCISE", "DELIVERY", "EXPIRY", "ASSIGNMENT", "DELIVERY");
            for (Order o : synthetic) {
                assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
                assertThat(s.journal(o.id()))
                        .extracting(JournalEntry::status)
                        .contains(OrderStatus.NEW, OrderStatus.ACCEPTED, OrderStatus.FILLED);
            }
            assertThat(s.portfolioGreeks(p).isEmpty()).isTrue();
        }
    }

    private static OptionEvent event(List<OptionEvent> events, InstrumentId contract) {
        return events.stream()
                .filter(e -> e.contract().equals(contract))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anAmericanCallExercisedEarlyDeliversSharesAtTheStrike() {
        try (TradingSession s = OptionsSessionTest.open()) {
            PortfolioId p = pid(s);
            OptionExpiry expiry = s.optionExpiries(STOCK).get(2);
            OptionChainView chain = s.optionChain(STOCK, expiry.date()).orElseThrow();
            var row = chain.rows().get(1);
            InstrumentId call = row.call().instrumentId();
            buyOrSell(s, p, call, Side.BUY, "3");
            BigDecimal before = cash(s, p);
            OptionEvent e = TradingSession.await(s.exercise(p, call, Quantity.of(2)));
            assertThat(e.kind()).isEqualTo(OptionEvent.Kind.EXERCISE);
            assertThat(e.cash()).isEqualByComparingTo(row.strike().multiply(BigDecimal.valueOf(-200)));
            assertThat(cash(s, p))
                    .isEqualByComparingTo(before.subtract(row.strike().multiply(BigDecimal.valueOf(200))));
            assertThat(held(s, p, call)).isEqualByComparingTo("1");
            assertThat(held(s, p, STOCK)).isEqualByComparingTo("200");
            assertThatThrownBy(() -> TradingSession.await(s.exercise(p, call, Quantity.of(2))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("holds 1 long");
        }
    }

    @Test
    void europeanOptionsCannotBeExercisedEarly() {
        try (TradingSession s = OptionsSessionTest.open()) {
            PortfolioId p = pid(s);
            OptionExpiry expiry = s.optionExpiries(BTC).get(1);
            InstrumentId call = s.optionChain(BTC, expiry.date())
                    .orElseThrow()
                    .rows()
                    .get(0)
                    .call()
                    .instrumentId();
            buyOrSell(s, p, call, Side.BUY, "0.1");
            assertThat(s.instrument(call)).get().isInstanceOf(Instrument.OptionContract.class);
            assertThatThrownBy(() -> TradingSession.await(s.exercise(p, call, Quantity.of("0.1"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("European");
        }
    }

    @Test
    void theExerciseThresholdIsConfigurable() {
        try (TradingSession s = OptionsSessionTest.open()) {
            assertThat(s.optionExerciseThreshold()).isEqualByComparingTo("0.01");
            s.setOptionExerciseThreshold(new BigDecimal("0.25"));
            assertThat(s.optionExerciseThreshold()).isEqualByComparingTo("0.25");
            assertThatThrownBy(() -> s.setOptionExerciseThreshold(new BigDecimal("-1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
