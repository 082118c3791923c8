package dev.paperdesk.engine.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.paperdesk.engine.market.sim.LatencyProfile;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArbitrageFormulasTest {
    @Test
    void positionSizeIsTheEdgeShareOfCapitalCappedAtHalfAndFlooredAtOneHundred() {
        // (20 − 8 − 2) / 20 = 50 % of 20,000 = 10,000, exactly at the 50 % cap
        assertThat(PositionSizer.base(20, 8, 2, 20_000, 0.5, 100)).isEqualTo(10_000);
        // (10 − 8 − 0) / 10 = 20 % → 4,000
        assertThat(PositionSizer.base(10, 8, 0, 20_000, 0.5, 100)).isCloseTo(4_000, offset(1e-9));
        // a huge edge is capped at half the available capital
        assertThat(PositionSizer.base(100, 1, 0, 20_000, 0.5, 100)).isEqualTo(10_000);
        // a tiny edge still trades the minimum
        assertThat(PositionSizer.base(10, 9.99, 0, 20_000, 0.5, 100)).isEqualTo(100);
        // a thin book cuts the size to a quarter of its depth, not below the minimum
        assertThat(PositionSizer.size(20, 8, 2, 20_000, 0.5, 100, 16_000)).isEqualTo(4_000);
        assertThat(PositionSizer.size(20, 8, 2, 20_000, 0.5, 100, 200)).isEqualTo(100);
    }

    @Test
    void slippageIsTwoBpsPlusThreePerDepthCappedAtFive() {
        assertThat(Slippage.bps(0, 100_000)).isEqualTo(2);
        assertThat(Slippage.bps(50_000, 100_000)).isEqualTo(3.5);
        assertThat(Slippage.bps(200_000, 100_000)).isEqualTo(5);
        assertThat(Slippage.bps(10, 0)).isEqualTo(5);
        assertThat(Slippage.fraction(50_000, 100_000)).isEqualTo(0.00035);
    }

    @Test
    void dexesAreHarderThanCexesAndCexesFollowTheReferenceOrder() {
        List<String> easiestLast =
                List.of("paradex", "hyperliquid", "bitget", "gate", "kucoin", "okx", "bybit", "binance");
        for (int i = 0; i < easiestLast.size(); i++) {
            for (int j = i + 1; j < easiestLast.size(); j++) {
                String harder = easiestLast.get(i);
                String easier = easiestLast.get(j);
                assertThat(LegDifficulty.harder(harder, easier)).isEqualTo(harder);
                assertThat(LegDifficulty.harder(easier, harder)).isEqualTo(harder);
            }
        }
    }

    @Test
    void fundingRatesAreNormalisedToEightHours() {
        // an hourly venue paying 0.00125 % per hour pays 0.01 % per 8 h, like an 8-hourly venue's 0.01 %
        assertThat(ListingState.per8h(0.0000125, 1)).isCloseTo(0.0001, offset(1e-15));
        assertThat(ListingState.per8h(0.0001, 8)).isEqualTo(0.0001);
        assertThat(ListingState.per8h(0.0001, 4)).isEqualTo(0.0002);
    }

    @Test
    void latencyIsLocalMinusServerAveragedOverTenSecondsAndStaleAboveTheLimit() {
        Map<String, LatencyProfile> profiles = new LinkedHashMap<>();
        profiles.put("fast", new LatencyProfile(50, 0, 0, 0));
        profiles.put("slow", new LatencyProfile(250, 0, 0, 0));
        LatencyMonitor m = new LatencyMonitor(profiles, 200, 1);
        List<LatencyMonitor.Transition> first = m.poll(1_000_000_000L);
        assertThat(first).singleElement().satisfies(t -> {
            assertThat(t.becameStale()).isTrue();
            assertThat(t.reading().venue()).isEqualTo("slow");
            assertThat(t.reading().latencyMillis()).isEqualTo(250);
            assertThat(t.reading().localTimeNanos() - t.reading().serverTimeNanos())
                    .isEqualTo(250_000_000L);
        });
        assertThat(m.isStale("fast")).isFalse();
        assertThat(m.averageMillis("fast")).isEqualTo(50);
        assertThat(m.anyStale()).isTrue();
        assertThat(m.allStale()).isFalse();
        assertThat(m.isStale("unknown")).isTrue();
    }

    @Test
    void theRollingWindowForgetsSamplesOlderThanTenSeconds() {
        Map<String, LatencyProfile> profiles = Map.of("v", new LatencyProfile(300, 0, 0, 0));
        LatencyMonitor m = new LatencyMonitor(profiles, 200, 1);
        long t = 0;
        for (int i = 0; i < 100; i++) {
            m.poll(t += LatencyMonitor.POLL_NANOS);
        }
        assertThat(m.averageMillis("v")).isCloseTo(300, offset(1e-9));
        assertThat(m.isStale("v")).isTrue();
    }

    @Test
    void thePortfolioRefusesAReservationBeyondItsCapital() {
        ArbitragePortfolio p = new ArbitragePortfolio(new BigDecimal("1000"));
        assertThat(p.reserve(new BigDecimal("1000.01"))).isFalse();
        assertThat(p.reserve(new BigDecimal("600"))).isTrue();
        assertThat(p.reserve(new BigDecimal("600"))).isFalse();
        p.close(new BigDecimal("600"), new BigDecimal("-12.5"));
        PortfolioMetrics m = p.metrics(0, 1);
        assertThat(m.availableCapital()).isEqualByComparingTo("987.5");
        assertThat(m.cumulativePnl()).isEqualByComparingTo("-12.5");
        assertThat(m.winRatePct()).isZero();
        // (−12.5 / 1000) / (1 / 365) = −456.25 %
        assertThat(m.realisticAprPct()).isCloseTo(-456.25, offset(1e-9));
        assertThatThrownBy(() -> p.release(BigDecimal.ONE)).isInstanceOf(IllegalStateException.class);
    }
}
