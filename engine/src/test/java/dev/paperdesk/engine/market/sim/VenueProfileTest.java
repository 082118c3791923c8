package dev.paperdesk.engine.market.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VenueProfileTest {
    @Test
    void eightCryptoVenuesWithFeesAndFunding() {
        assertThat(VenueProfile.cryptoVenues())
                .extracting(VenueProfile::name)
                .containsExactly("binance", "bybit", "okx", "kucoin", "bitget", "gate", "hyperliquid", "paradex");
        assertThat(VenueProfile.of("Binance").fees(true).rate(false)).isEqualTo(0.0005);
        assertThat(VenueProfile.of("binance").fees(false).takerBps()).isEqualTo(10);
        assertThat(VenueProfile.HYPERLIQUID.fundingIntervalHours()).isEqualTo(1);
        assertThat(VenueProfile.HYPERLIQUID.listsSpot()).isFalse();
        assertThat(VenueProfile.BINANCE.withFundingIntervalHours(4).fundingIntervalHours())
                .isEqualTo(4);
        assertThatThrownBy(() -> VenueProfile.of("nowhere")).hasMessageContaining("nowhere");
    }

    @Test
    void bigVenuesAreDeeperAndFasterThanDecentralisedOnes() {
        assertThat(VenueProfile.BINANCE.depthScale()).isGreaterThan(VenueProfile.KUCOIN.depthScale());
        assertThat(VenueProfile.KUCOIN.depthScale()).isGreaterThan(VenueProfile.PARADEX.depthScale());
        assertThat(VenueProfile.BINANCE.latency().medianMillis())
                .isLessThan(VenueProfile.HYPERLIQUID.latency().medianMillis());
    }

    @Test
    void latencySamplesFollowTheProfile() {
        LatencyProfile p = VenueProfile.KUCOIN.latency();
        SplittableRandom r = new SplittableRandom(11);
        double[] samples = new double[100_001];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = p.sampleMillis(r);
        }
        Arrays.sort(samples);
        assertThat(samples[50_000]).isCloseTo(p.medianMillis(), within(1.0));
        assertThat(samples[0]).isPositive();
        assertThat(p.p99Millis()).isGreaterThan(p.medianMillis());
        double mean = Arrays.stream(samples).average().orElseThrow();
        assertThat(mean).isCloseTo(p.meanMillis(), within(1.0));
        double[] again = new double[3];
        SplittableRandom r2 = new SplittableRandom(11);
        for (int i = 0; i < 3; i++) {
            again[i] = p.sampleMillis(r2);
        }
        SplittableRandom r3 = new SplittableRandom(11);
        assertThat(p.sampleMillis(r3)).isEqualTo(again[0]);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new FeeSchedule(6, 5)).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new LatencyProfile(0, 0.1, 0, 0)).hasMessageContaining("median");
        assertThatThrownBy(() -> VenueProfile.BINANCE.withFundingIntervalHours(5))
                .hasMessageContaining("divide");
    }
}
