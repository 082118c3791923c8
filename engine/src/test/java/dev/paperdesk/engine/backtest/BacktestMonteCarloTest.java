package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.strategy.api.ParameterSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BacktestMonteCarloTest {
    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.ofInt("fast", 10, 2, 100, 1, ""),
            ParameterSpec.ofInt("slow", 30, 2, 31, 5, ""),
            ParameterSpec.ofDecimal("k", "2.5", "0", "10", "0.5", ""));

    @Test
    void jitterStaysWithinTheBoundsAndIsReproducible() {
        for (long seed = 0; seed < 200; seed++) {
            Map<String, String> a =
                    BacktestMonteCarlo.jitter(SPECS, Map.of("fast", "20"), 0.3, new SplittableRandom(seed));
            Map<String, String> b =
                    BacktestMonteCarlo.jitter(SPECS, Map.of("fast", "20"), 0.3, new SplittableRandom(seed));
            assertThat(a).isEqualTo(b);
            int fast = Integer.parseInt(a.get("fast"));
            assertThat(fast).isBetween(14, 26);
            int slow = Integer.parseInt(a.get("slow"));
            assertThat(slow).isBetween(21, 31); // 30 × 1.3 is clipped to the declared max
            BigDecimal k = new BigDecimal(a.get("k"));
            assertThat(k).isBetween(new BigDecimal("1.75"), new BigDecimal("3.25"));
        }
        assertThat(BacktestMonteCarlo.jitter(SPECS, Map.of(), 0, new SplittableRandom(1)))
                .containsEntry("fast", "10")
                .containsEntry("slow", "30")
                .containsEntry("k", "2.5");
    }
}
