package dev.paperdesk.engine.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.sim.MarketUniverse;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The options market on its own: underlyings, listings, contract ids, surfaces and venue quotes. */
class OptionMarketTest {
    private static final Instant NOW = Instant.parse("2026-03-03T15:00:00Z");
    private static final InstrumentId ORBZ = InstrumentId.parse("ORBZ@nasdaq");
    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");

    private static OptionMarket market(Map<InstrumentId, String> mids) {
        return new OptionMarket(
                SimulatedOptionUnderlyings.of(MarketUniverse.standard()), 7, id -> Optional.ofNullable(mids.get(id))
                        .map(m -> new Quote(id, NOW, Price.of(m), Price.of(m), Quantity.of(1), Quantity.of(1))));
    }

    @Test
    void everyStockAndEtfAndBtcAndEthListOptionsOnce() {
        List<OptionUnderlying> all = SimulatedOptionUnderlyings.of(MarketUniverse.standard());
        assertThat(all)
                .filteredOn(OptionUnderlying::crypto)
                .extracting(OptionUnderlying::id)
                .containsExactly(BTC, InstrumentId.parse("ETH-USDT@binance"));
        assertThat(all)
                .filteredOn(u -> !u.crypto())
                .hasSize(20)
                .allMatch(u -> u.multiplier().intValue() == 100);
        assertThat(all).extracting(OptionUnderlying::id).doesNotHaveDuplicates();
    }

    @Test
    void surfacesAreFreeOfStaticArbitrage() {
        for (OptionUnderlying u : SimulatedOptionUnderlyings.of(MarketUniverse.standard())) {
            var surface = u.surfaceShape().surface(2 / 365.0, 7 / 365.0, 30 / 365.0, 90 / 365.0, 1.0);
            assertThat(surface.arbitrageViolations(-1.0, 1.0, 201))
                    .as(u.id().toString())
                    .isEmpty();
        }
    }

    @Test
    void contractIdsRoundTripAndNonsenseIsNotAContract() {
        OptionMarket m = market(Map.of(ORBZ, "182.40", BTC, "65000"));
        var chain = m.chain(ORBZ, m.expiries(ORBZ, NOW).get(0).date(), NOW).orElseThrow();
        InstrumentId put = chain.rows().get(3).put().instrumentId();
        assertThat(put.symbol()).matches("ORBZ-20260306-P-\\d+(\\.\\d+)?");
        OptionMarket fresh = market(Map.of());
        Instrument.OptionContract rebuilt = fresh.contract(put).orElseThrow();
        assertThat(rebuilt.strike()).isEqualByComparingTo(chain.rows().get(3).strike());
        assertThat(rebuilt.expiry()).isEqualTo(LocalDate.parse("2026-03-06"));
        assertThat(rebuilt.right()).isEqualTo(Instrument.OptionRight.PUT);
        assertThat(rebuilt.multiplier()).isEqualByComparingTo("100");
        InstrumentId btcCall = InstrumentId.parse("BTC-USDT-20260327-C-70000@binance");
        assertThat(fresh.contract(btcCall)).get().satisfies(c -> {
            assertThat(c.style()).isEqualTo(Instrument.OptionStyle.EUROPEAN);
            assertThat(c.tickSize()).isEqualByComparingTo("1");
            assertThat(c.lotSize()).isEqualByComparingTo("0.1");
        });
        for (String bad : List.of(
                "ORBZ@nasdaq",
                "ORBZ-20260306-X-180@nasdaq",
                "ORBZ-2026036-C-180@nasdaq",
                "ORBZ-20260306-C-abc@nasdaq",
                "ORBZ-20260306-C-180@binance",
                "NOPE-20260306-C-180@nasdaq",
                "ORBZ-20260306-C-0@nasdaq")) {
            assertThat(fresh.contract(InstrumentId.parse(bad))).as(bad).isEmpty();
        }
    }

    @Test
    void noChainBeforeTheUnderlyingsFirstQuote() {
        OptionMarket m = market(Map.of());
        assertThat(m.expiries(ORBZ, NOW)).isEmpty();
        assertThat(m.chain(ORBZ, LocalDate.parse("2026-03-06"), NOW)).isEmpty();
        assertThat(OptionMarket.none().underlyings()).isEmpty();
    }

    @Test
    void activeContractsPublishFiveLevelsOfDepthAndRequoteOnlyWhenTheQuoteMoves() {
        java.util.Map<InstrumentId, String> mids = new java.util.HashMap<>(Map.of(ORBZ, "182.40"));
        OptionMarket m = market(mids);
        var chain = m.chain(ORBZ, m.expiries(ORBZ, NOW).get(2).date(), NOW).orElseThrow();
        var row = chain.row(chain.atmStrike()).orElseThrow();
        Instrument.OptionContract call = m.contract(row.call().instrumentId()).orElseThrow();
        OptionMarket.Update first = m.activate(call, NOW).orElseThrow();
        assertThat(first.quote().bid()).isEqualTo(row.call().bid());
        assertThat(first.quote().ask()).isEqualTo(row.call().ask());
        assertThat(first.book().bids()).hasSize(OptionMarket.DEPTH_LEVELS);
        assertThat(first.book().asks()).hasSize(OptionMarket.DEPTH_LEVELS);
        assertThat(first.book().asks().get(4).size().value())
                .isGreaterThan(first.book().asks().get(0).size().value());
        assertThat(m.requote(ORBZ, NOW)).isEmpty();
        mids.put(ORBZ, "185.00");
        List<OptionMarket.Update> moved = m.requote(ORBZ, NOW);
        assertThat(moved).singleElement().satisfies(u -> assertThat(u.quote().bid())
                .isGreaterThan(first.quote().bid()));
        m.deactivate(call);
        mids.put(ORBZ, "190.00");
        assertThat(m.requote(ORBZ, NOW)).isEmpty();
    }

    @Test
    void intrinsicValueIsExact() {
        OptionMarket m = market(Map.of());
        var call = m.contract(InstrumentId.parse("ORBZ-20260306-C-180@nasdaq")).orElseThrow();
        var put = m.contract(InstrumentId.parse("ORBZ-20260306-P-180@nasdaq")).orElseThrow();
        assertThat(OptionMarket.intrinsic(call, new BigDecimal("182.405"))).isEqualByComparingTo("2.405");
        assertThat(OptionMarket.intrinsic(put, new BigDecimal("182.405"))).isEqualByComparingTo("0");
        assertThat(OptionMarket.intrinsic(put, new BigDecimal("179.99"))).isEqualByComparingTo("0.01");
    }
}
