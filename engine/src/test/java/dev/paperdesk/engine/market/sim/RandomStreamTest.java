package dev.paperdesk.engine.market.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RandomStreamTest {
    @Test
    void zigguratGaussianHasNormalMoments() {
        RandomStream r = new RandomStream(1, "test");
        int n = 2_000_000;
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        int beyond3 = 0;
        for (int i = 0; i < n; i++) {
            double z = r.gaussian();
            s1 += z;
            s2 += z * z;
            s4 += z * z * z * z;
            if (Math.abs(z) > 3) {
                beyond3++;
            }
        }
        double mean = s1 / n;
        double var = s2 / n - mean * mean;
        assertThat(mean).isCloseTo(0, within(0.003));
        assertThat(var).isCloseTo(1, within(0.005));
        assertThat(s4 / n / (var * var)).isCloseTo(3, within(0.03));
        // P(|Z| > 3) = 0.0026998
        assertThat((double) beyond3 / n).isCloseTo(0.0027, within(0.0002));
    }

    @Test
    void streamsDependOnSeedAndNameOnly() {
        RandomStream a = new RandomStream(5, "listing:BTC-USDT@binance");
        new RandomStream(5, "something else").gaussian();
        RandomStream b = new RandomStream(5, "listing:BTC-USDT@binance");
        RandomStream c = new RandomStream(5, "listing:BTC-USDT@bybit");
        RandomStream d = new RandomStream(6, "listing:BTC-USDT@binance");
        long first = a.nextLong();
        assertThat(b.nextLong()).isEqualTo(first);
        assertThat(c.nextLong()).isNotEqualTo(first);
        assertThat(d.nextLong()).isNotEqualTo(first);
    }

    @Test
    void exponentialWaitsHaveMeanOne() {
        RandomStream r = new RandomStream(3, "waits");
        int n = 200_000;
        double exponential = 0;
        for (int i = 0; i < n; i++) {
            exponential += r.exponential();
        }
        assertThat(exponential / n).isCloseTo(1, within(0.01));
    }
}
