package dev.paperdesk.engine.pricing.option;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The workspace keeps a contract's σ-free factors between passes: a holder reused across contracts and
 * volatilities gives the same bits as a fresh one for every value and Greek.
 */
class Bs2002WorkspaceReuseTest {
    @Test
    void aReusedHolderGivesTheFreshHoldersBits() {
        SplittableRandom rng = new SplittableRandom(11);
        PriceAndGreeks reused = new PriceAndGreeks();
        double[][] contracts = new double[40][];
        for (int i = 0; i < contracts.length; i++) {
            contracts[i] = new double[] {
                rng.nextBoolean() ? 1.0 : -1.0,
                100.0,
                100.0 * (0.7 + 0.7 * rng.nextDouble()),
                (1 + rng.nextInt(730)) / 365.0,
                0.04,
                0.01
            };
        }
        // every contract at three volatilities in a row (what a solve does), then the contracts interleaved
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < contracts.length; i++) {
                double[] c = contracts[round == 0 ? i : (i * 7) % contracts.length];
                for (double vol : new double[] {0.2, 0.2 + 1e-3, 0.45}) {
                    PriceAndGreeks fresh = new PriceAndGreeks();
                    BjerksundStenslandAmericanPricer.priceAndGreeks(c[0], c[1], c[2], c[3], c[4], c[5], vol, fresh);
                    BjerksundStenslandAmericanPricer.priceAndGreeks(c[0], c[1], c[2], c[3], c[4], c[5], vol, reused);
                    assertThat(reused.value()).isEqualTo(fresh.value());
                    assertThat(reused.delta()).isEqualTo(fresh.delta());
                    assertThat(reused.gamma()).isEqualTo(fresh.gamma());
                    assertThat(reused.vega()).isEqualTo(fresh.vega());
                    assertThat(reused.theta()).isEqualTo(fresh.theta());
                    assertThat(reused.rho()).isEqualTo(fresh.rho());
                    assertThat(BjerksundStenslandAmericanPricer.valueAndVega(
                                    c[0], c[1], c[2], c[3], c[4], c[5], vol, reused.bs2002()))
                            .isEqualTo(BjerksundStenslandAmericanPricer.price(
                                    c[0],
                                    c[1],
                                    c[2],
                                    c[3],
                                    c[4],
                                    c[5],
                                    vol,
                                    new BjerksundStenslandAmericanPricer.Workspace()));
                }
            }
        }
    }
}
