package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderPlacement;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.options.OptionChainRow;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.options.OptionExpiry;
import dev.paperdesk.engine.options.PortfolioGreeks;
import dev.paperdesk.engine.pricing.chain.ExpiryKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Live option chains through the session: listing, quotes, Greeks, and a four-leg combo filling in full. */
class OptionsSessionTest {
    /** A Tuesday, 10:00 in New York: the equity session is open. */
    static final Instant START = Instant.parse("2026-03-03T15:00:00Z");

    static final InstrumentId STOCK = InstrumentId.parse("ORBZ@nasdaq");
    static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");

    static TradingSession open() {
        return open(START);
    }

    static TradingSession open(Instant start) {
        TradingSession s = TradingSession.open(new SessionConfig(
                null,
                SimulatedMarket.defaultMarket(11, List.of("BTC-USDT@binance", "ORBZ@nasdaq")),
                StandardFeeModel.DEFAULT,
                start,
                true,
                SessionConfig.DEFAULT_STARTING_BALANCE));
        s.advance(Duration.ofSeconds(3));
        return s;
    }

    static PortfolioId pid(TradingSession s) {
        return s.portfolios().get(0).id();
    }

    @Test
    void equitiesAndCryptoListWeekliesAndMonthliesOutToAYear() {
        try (TradingSession s = open()) {
            assertThat(s.optionUnderlyings()).containsExactly(STOCK, BTC);
            List<OptionExpiry> expiries = s.optionExpiries(STOCK);
            assertThat(expiries).extracting(OptionExpiry::kind).contains(ExpiryKind.WEEKLY, ExpiryKind.MONTHLY);
            assertThat(expiries.get(0).date()).isEqualTo(java.time.LocalDate.parse("2026-03-06"));
            assertThat(expiries.get(expiries.size() - 1).date())
                    .isBeforeOrEqualTo(java.time.LocalDate.parse("2027-03-03"));
            assertThat(expiries.get(expiries.size() - 1).date()).isAfter(java.time.LocalDate.parse("2027-01-31"));
            assertThat(expiries).allMatch(e -> e.date().getDayOfWeek() == java.time.DayOfWeek.FRIDAY);
            // equity monthlies on the third Friday, crypto monthlies on the last
            assertThat(expiries)
                    .filteredOn(e -> e.kind() == ExpiryKind.MONTHLY)
                    .allMatch(e -> e.date().getDayOfMonth() >= 15 && e.date().getDayOfMonth() <= 21);
            assertThat(s.optionExpiries(BTC))
                    .filteredOn(e -> e.kind() == ExpiryKind.MONTHLY)
                    .allMatch(e -> e.date().plusWeeks(1).getMonth() != e.date().getMonth());
        }
    }

    @Test
    void aChainHasStrikesAroundSpotWithConsistentQuotesAndGreeks() {
        try (TradingSession s = open()) {
            OptionExpiry monthly = s.optionExpiries(STOCK).stream()
                    .filter(e -> e.kind() == ExpiryKind.MONTHLY)
                    .findFirst()
                    .orElseThrow();
            OptionChainView chain = s.optionChain(STOCK, monthly.date()).orElseThrow();
            double spot = chain.underlyingPrice().doubleValue();
            assertThat(chain.rows()).hasSizeGreaterThan(10);
            assertThat(chain.multiplier()).isEqualByComparingTo("100");
            assertThat(chain.style()).isEqualTo(Instrument.OptionStyle.AMERICAN);
            assertThat(chain.cashSettled()).isFalse();
            assertThat(chain.rows().get(0).strike().doubleValue()).isLessThan(spot);
            assertThat(chain.rows().get(chain.rows().size() - 1).strike().doubleValue())
                    .isGreaterThan(spot);
            OptionChainRow atm = chain.row(chain.atmStrike()).orElseThrow();
            for (OptionChainRow r : chain.rows()) {
                assertThat(Math.abs(r.strike().doubleValue() - spot))
                        .isGreaterThanOrEqualTo(Math.abs(atm.strike().doubleValue() - spot));
                assertThat(r.call().bid()).isLessThan(r.call().ask());
                assertThat(r.put().bid()).isLessThan(r.put().ask());
                assertThat(r.call().delta()).isBetween(0.0, 1.0);
                assertThat(r.put().delta()).isBetween(-1.0, 0.0);
                assertThat(r.call().gamma()).isPositive();
                assertThat(r.call().vega()).isPositive();
                assertThat(r.call().theta()).isNegative();
                assertThat(r.call().rho()).isPositive();
                // an American put deep enough to exercise now is worth its intrinsic value: rho 0
                assertThat(r.put().rho()).isNotPositive();
                assertThat(r.call().inTheMoney()).isEqualTo(r.strike().doubleValue() < spot);
                assertThat(r.put().inTheMoney()).isEqualTo(r.strike().doubleValue() > spot);
            }
            // equity skew: the low-strike put is priced at a higher volatility than the high-strike call
            assertThat(chain.rows().get(0).put().impliedVolatility())
                    .isGreaterThan(
                            chain.rows().get(chain.rows().size() - 1).call().impliedVolatility());
            assertThat(atm.call().delta()).isBetween(0.35, 0.7);
            assertThat(chain.rows().stream()
                            .mapToLong(r -> r.call().openInterest())
                            .sum())
                    .isPositive();
            // same seed, same market
            try (TradingSession again = open()) {
                assertThat(again.optionChain(STOCK, monthly.date())
                                .orElseThrow()
                                .rows())
                        .isEqualTo(chain.rows());
            }
        }
    }

    @Test
    void aListedContractHasAnInstrumentQuoteAndEstimateBeforeItFirstTrades() {
        try (TradingSession s = open()) {
            OptionChainView chain =
                    s.optionChain(STOCK, s.optionExpiries(STOCK).get(1).date()).orElseThrow();
            var put = chain.row(chain.atmStrike()).orElseThrow().put();
            assertThat(s.instruments()).noneMatch(i -> i.id().equals(put.instrumentId()));
            assertThat(s.instrument(put.instrumentId())).get().isInstanceOf(Instrument.OptionContract.class);
            assertThat(s.quote(put.instrumentId())).get().satisfies(q -> {
                assertThat(q.bid()).isEqualTo(put.bid());
                assertThat(q.ask()).isEqualTo(put.ask());
            });
            var estimate = s.estimate(OrderRequest.market(pid(s), put.instrumentId(), Side.BUY, Quantity.of(1)));
            assertThat(estimate.available()).as(estimate.note()).isTrue();
            assertThat(estimate.notional())
                    .isEqualByComparingTo(estimate.price().value().multiply(BigDecimal.valueOf(100)));
        }
    }

    @Test
    void cryptoChainsAreEuropeanCashSettledOneCoinPerContract() {
        try (TradingSession s = open()) {
            OptionExpiry first = s.optionExpiries(BTC).get(0);
            OptionChainView chain = s.optionChain(BTC, first.date()).orElseThrow();
            assertThat(chain.style()).isEqualTo(Instrument.OptionStyle.EUROPEAN);
            assertThat(chain.cashSettled()).isTrue();
            assertThat(chain.multiplier()).isEqualByComparingTo("1");
            assertThat(first.expiresAt().atZone(java.time.ZoneOffset.UTC).getHour())
                    .isEqualTo(8);
        }
    }

    /**
     * A contract nobody has traded is quoted by the options market, not yet by the venue: its book
     * is the depth it would be quoted with, and an estimate walks it as the fill will, rather than
     * promising the touch for a size the touch does not hold.
     */
    @Test
    void anUntradedContractsEstimateWalksItsQuotedDepth() {
        try (TradingSession s = open(Instant.parse("2026-11-22T11:58:00Z"))) {
            PortfolioId p = pid(s);
            OptionExpiry e = s.optionExpiries(BTC).get(1);
            OptionChainView chain = s.optionChain(BTC, e.date()).orElseThrow();
            int walked = 0;
            for (OptionChainRow row : chain.rows()) {
                InstrumentId id = row.call().instrumentId();
                var book = s.book(id).orElseThrow();
                assertThat(book.asks()).isNotEmpty();
                assertThat(book.asks().get(0).price())
                        .isEqualTo(s.quote(id).orElseThrow().ask());
                BigDecimal touchSize = book.asks().get(0).size().value();
                BigDecimal depth =
                        book.asks().stream().map(l -> l.size().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
                if (depth.compareTo(BigDecimal.ONE) < 0) {
                    continue; // a far wing quoted for less than a contract in all: an estimate says so
                }
                var estimate = s.estimate(OrderRequest.market(p, id, Side.BUY, Quantity.of(1)));
                assertThat(estimate.note()).isEqualTo("walking the book");
                if (touchSize.compareTo(BigDecimal.ONE) < 0) {
                    // the rest of the contract comes from the next level up: dearer than the touch
                    walked++;
                    assertThat(estimate.price().value())
                            .isGreaterThan(book.asks().get(0).price().value());
                }
            }
            assertThat(walked).as("contracts whose touch holds less than one").isPositive();
        }
    }

    @Test
    void anIronCondorComboFillsAllFourLegsWithPerContractFees() {
        try (TradingSession s = open()) {
            PortfolioId p = pid(s);
            OptionExpiry monthly = s.optionExpiries(STOCK).stream()
                    .filter(e -> e.kind() == ExpiryKind.MONTHLY)
                    .findFirst()
                    .orElseThrow();
            OptionChainView chain = s.optionChain(STOCK, monthly.date()).orElseThrow();
            int atm = chain.rows().indexOf(chain.row(chain.atmStrike()).orElseThrow());
            InstrumentId longPut = chain.rows().get(atm - 4).put().instrumentId();
            InstrumentId shortPut = chain.rows().get(atm - 2).put().instrumentId();
            InstrumentId shortCall = chain.rows().get(atm + 2).call().instrumentId();
            InstrumentId longCall = chain.rows().get(atm + 4).call().instrumentId();
            BigDecimal cashBefore = s.portfolio(p).orElseThrow().cash();
            List<Order> legs = TradingSession.await(s.place(new OrderPlacement.Combo(
                    List.of(
                            OrderRequest.market(p, longPut, Side.BUY, Quantity.of(2)),
                            OrderRequest.market(p, shortPut, Side.SELL, Quantity.of(2)),
                            OrderRequest.market(p, shortCall, Side.SELL, Quantity.of(2)),
                            OrderRequest.market(p, longCall, Side.BUY, Quantity.of(2))),
                    Quantity.of(2),
                    null,
                    TimeInForce.IOC)));
            s.advance(Duration.ofSeconds(2));
            assertThat(legs).hasSize(4);
            List<Order> after = s.orders().stream()
                    .filter(o -> legs.stream().anyMatch(l -> l.id().equals(o.id())))
                    .toList();
            assertThat(after).allMatch(o -> o.status() == OrderStatus.FILLED, "every leg filled");
            List<Fill> fills = s.fills().stream()
                    .filter(f -> legs.stream().anyMatch(l -> l.id().equals(f.orderId())))
                    .toList();
            // $0.65 per contract, two contracts per leg, one fill each (the touch holds at least five)
            assertThat(fills)
                    .hasSize(4)
                    .extracting(f -> f.fee().amount())
                    .allMatch(fee -> fee.compareTo(new BigDecimal("1.30")) == 0);
            // cash moves by premium × 100 per contract, less fees, exactly
            BigDecimal expected = BigDecimal.ZERO;
            for (Fill f : fills) {
                expected = expected.add(f.price()
                                .value()
                                .multiply(f.quantity().value())
                                .multiply(BigDecimal.valueOf(100))
                                .multiply(BigDecimal.valueOf(-f.side().sign())))
                        .subtract(f.fee().amount());
            }
            assertThat(s.portfolio(p).orElseThrow().cash().subtract(cashBefore)).isEqualByComparingTo(expected);
            // a credit spread: selling the inner strikes collects more than the wings cost
            assertThat(expected.signum()).isPositive();
            PortfolioGreeks g = s.portfolioGreeks(p);
            assertThat(g.underlyings()).hasSize(1);
            assertThat(g.underlyings().get(0).underlying()).isEqualTo(STOCK);
            // short strangle inside long wings: short gamma and vega, long theta
            assertThat(g.underlyings().get(0).gamma()).isNegative();
            assertThat(g.total().vega()).isNegative();
            assertThat(g.total().theta()).isPositive();
            assertThat(s.instrument(shortCall)).get().isInstanceOf(Instrument.OptionContract.class);
            assertThat(s.optionChain(STOCK, monthly.date())
                            .orElseThrow()
                            .row(chain.rows().get(atm + 2).strike())
                            .orElseThrow()
                            .call()
                            .last())
                    .isNotNull();
        }
    }
}
