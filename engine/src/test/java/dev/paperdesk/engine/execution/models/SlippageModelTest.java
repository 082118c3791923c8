package dev.paperdesk.engine.execution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.OrderType;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SlippageModelTest {
    private static final SplittableRandom R = new SplittableRandom(1);

    @Test
    void sizeAgainstDepthIsBasePlusImpactTimesSizeOverDepthCapped() {
        SlippageModel m = SlippageModel.SizeVsDepth.DEFAULT;
        assertThat(m.bps(new SlippageModel.Input(OrderType.MARKET, 0, 100), R)).isEqualTo(2.0);
        assertThat(m.bps(new SlippageModel.Input(OrderType.MARKET, 50, 100), R)).isEqualTo(3.5);
        assertThat(m.bps(new SlippageModel.Input(OrderType.MARKET, 100, 100), R))
                .isEqualTo(5.0);
        assertThat(m.bps(new SlippageModel.Input(OrderType.MARKET, 1000, 100), R))
                .isEqualTo(5.0);
        assertThat(m.bps(new SlippageModel.Input(OrderType.MARKET, 1, 0), R)).isEqualTo(5.0);
        assertThat(m.spec()).isEqualTo("size-depth(base=2, impact=3, cap=5)");
        assertThat(m.describe()).contains("cap 5 bps");
    }

    @Test
    void orderTypeScalingDoublesMarketsHalvesLimitsAndVariesBySeed() {
        SlippageModel m = new SlippageModel.OrderTypeScaled(new SlippageModel.FixedBps(4), 2, 0.5, 0.5);
        assertThat(m.minBps(OrderType.MARKET)).isEqualTo(4.0);
        assertThat(m.maxBps(OrderType.MARKET)).isEqualTo(12.0);
        assertThat(m.minBps(OrderType.LIMIT)).isEqualTo(1.0);
        assertThat(m.maxBps(OrderType.STOP_LIMIT)).isEqualTo(3.0);
        assertThat(m.maxBps(OrderType.STOP)).isEqualTo(12.0);
        double a = m.bps(new SlippageModel.Input(OrderType.MARKET, 1, 1), new SplittableRandom(9));
        double b = m.bps(new SlippageModel.Input(OrderType.MARKET, 1, 1), new SplittableRandom(9));
        assertThat(a).isEqualTo(b);
        assertThat(m.bps(new SlippageModel.Input(OrderType.MARKET, 1, 1), () -> 0x8000_0000_0000_0000L))
                .isCloseTo(8.0, within(1e-9));
    }

    @Test
    void specsRoundTripAndBadSpecsAreExplained() {
        for (String spec : new String[] {
            "none",
            "fixed(bps=5)",
            "size-depth(base=1, impact=2.5, cap=7)",
            "order-type(market=2, limit=0.5, variation=0.5, inner=size-depth(base=2, impact=3, cap=5))"
        }) {
            assertThat(SlippageModel.parse(spec).spec()).isEqualTo(spec);
        }
        assertThat(SlippageModel.parse("fixed(bps=3bps)")).isEqualTo(new SlippageModel.FixedBps(3));
        assertThatThrownBy(() -> SlippageModel.parse("curvy")).hasMessageContaining("unknown slippage model 'curvy'");
        assertThatThrownBy(() -> SlippageModel.parse("fixed(bsp=3)")).hasMessageContaining("unknown parameter 'bsp'");
        assertThatThrownBy(() -> SlippageModel.parse("fixed(bps=x)")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> new SlippageModel.SizeVsDepth(5, 1, 2)).hasMessageContaining("below the base");
        assertThatThrownBy(() -> new SlippageModel.FixedBps(-1)).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> new SlippageModel.OrderTypeScaled(new SlippageModel.None(), 1, 1, 2))
                .hasMessageContaining("variation");
    }

    @Provide
    Arbitrary<SlippageModel> models() {
        return Arbitraries.oneOf(
                Arbitraries.just(new SlippageModel.None()),
                Arbitraries.doubles().between(0, 50).map(SlippageModel.FixedBps::new),
                Arbitraries.doubles().between(0, 10).map(b -> new SlippageModel.SizeVsDepth(b, b * 2, b * 3)),
                Arbitraries.doubles()
                        .between(0, 1)
                        .map(v -> new SlippageModel.OrderTypeScaled(SlippageModel.SizeVsDepth.DEFAULT, 2, 0.5, v)));
    }

    /** Every draw lies within the bounds the model declares for the order type. */
    @Property(tries = 500)
    void slippageStaysWithinTheModelsBounds(
            @ForAll("models") SlippageModel m,
            @ForAll OrderType type,
            @ForAll @DoubleRange(min = 0, max = 1e6) double size,
            @ForAll @DoubleRange(min = 0, max = 1e6) double depth,
            @ForAll long seed) {
        double bps = m.bps(new SlippageModel.Input(type, size, depth), new SplittableRandom(seed));
        assertThat(bps).isBetween(m.minBps(type) - 1e-9, m.maxBps(type) + 1e-9);
    }
}
