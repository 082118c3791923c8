package dev.paperdesk.engine.strategy.builtin;

import static dev.paperdesk.engine.strategy.TestBars.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.BarReplayContext;
import dev.paperdesk.engine.strategy.TestBars;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The Java {@link SmaCross} and the YAML template {@code builtin:sma-cross} act identically. */
class SmaCrossEquivalenceTest {
    private static final BigDecimal CASH = new BigDecimal("1000");

    private static Strategy yaml(Map<String, String> params) {
        return Templates.load("builtin:sma-cross").orThrow().build(params).orThrow();
    }

    private static Strategy java(Map<String, String> params) {
        StrategyDefinition def = SmaCross.definition(BTC, Timeframe.H1);
        return def.build(params).orThrow();
    }

    private static BarReplayContext run(Strategy s, List<Bar> bars) {
        return new BarReplayContext(CASH).run(s, bars);
    }

    @Test
    void documentedSemanticsOnAHandCheckedSeries() {
        // fast = SMA(2), slow = SMA(4). Cross up at bar 5 (11 > 10.5 after 10 <= 10), cross down at
        // bar 9 (12 < 14.5 after 15 >= 14), cross up again at bar 13 (10 > 9 after 8 <= 8.5).
        List<Bar> bars =
                TestBars.fromCloses(BTC, Timeframe.H1, 10, 10, 10, 10, 10, 12, 14, 16, 14, 10, 8, 8, 8, 12, 14);
        Map<String, String> params = Map.of("fast", "2", "slow", "4");
        BarReplayContext y = run(yaml(params), bars);
        BarReplayContext j = run(java(params), bars);

        // Orders go in on the signal bar's close; the first buys floor(1000 / 12) = 83 units, fills at
        // the next open (12), the exit sells at bar 10's open (10): cash 834 buys floor(834 / 12) = 69.
        List<String> expected = List.of(
                "2024-01-01T06:00:00Z MARKET BUY 83 [enter-long]",
                "2024-01-01T10:00:00Z MARKET SELL 83 reduce-only [exit-long]",
                "2024-01-01T14:00:00Z MARKET BUY 69 [enter-long]");
        assertThat(j.orderLog()).containsExactlyElementsOf(expected);
        assertThat(y.orderLog()).containsExactlyElementsOf(expected);
        // The last entry fills at bar 14's open, the close of bar 13.
        assertThat(y.fills()).extracting(f -> f.price().toString()).containsExactly("12", "10", "12");
        assertThat(j.fills()).isEqualTo(y.fills());
    }

    @Test
    void fixedQuantityIsUsedWhenGiven() {
        List<Bar> bars = TestBars.fromCloses(BTC, Timeframe.H1, 10, 10, 10, 10, 10, 12, 14, 16, 14, 10);
        Map<String, String> params = Map.of("fast", "2", "slow", "4", "qty", "5");
        assertThat(run(yaml(params), bars).orderLog())
                .containsExactly(
                        "2024-01-01T06:00:00Z MARKET BUY 5 [enter-long]",
                        "2024-01-01T10:00:00Z MARKET SELL 5 reduce-only [exit-long]");
        assertThat(run(java(params), bars).orderLog())
                .isEqualTo(run(yaml(params), bars).orderLog());
    }

    @Test
    void defaultsMatchTheDeclaredParameters() {
        StrategyDefinition yamlDef = Templates.load("builtin:sma-cross").orThrow();
        assertThat(yamlDef.parameters()).isEqualTo(SmaCross.PARAMETERS);
        assertThat(ParameterValues.defaults(yamlDef.parameters()).intValue("fast"))
                .isEqualTo(10);
        assertThat(ParameterValues.defaults(yamlDef.parameters()).intValue("slow"))
                .isEqualTo(30);
    }

    @Test
    void aRandomWalkTradesManyTimesAndBothAgree() {
        List<Bar> bars = TestBars.randomWalk(BTC, Timeframe.H1, 2000, 42);
        Map<String, String> params = Map.of("fast", "5", "slow", "20");
        BarReplayContext y = run(yaml(params), bars);
        assertThat(y.orderLog()).hasSizeGreaterThan(20);
        assertThat(y.fills()).hasSizeGreaterThan(20);
        assertThat(run(java(params), bars).orderLog()).isEqualTo(y.orderLog());
    }

    @Property(tries = 60)
    void javaAndYamlProduceTheSameOrdersAndFills(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 12) int fast,
            @ForAll @IntRange(min = 5, max = 40) int slow,
            @ForAll @IntRange(min = 0, max = 3) int qty) {
        List<Bar> bars = TestBars.randomWalk(BTC, Timeframe.H1, 400, seed);
        Map<String, String> params = Map.of("fast", "" + fast, "slow", "" + slow, "qty", "" + qty);
        BarReplayContext y = run(yaml(params), bars);
        BarReplayContext j = run(java(params), bars);
        assertThat(y.orderLog()).isEqualTo(j.orderLog());
        assertThat(y.fills()).isEqualTo(j.fills());
        assertThat(y.cash()).isEqualTo(j.cash());
    }
}
