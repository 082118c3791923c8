package dev.paperdesk.engine.strategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.strategy.api.PositionState;
import dev.paperdesk.engine.strategy.api.StrategyProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions compiled from YAML, evaluated against hand-set frames. */
class RuleConditionTest {
    /** A frame whose bar closes and indicator values are set by the test; index 0 is the latest. */
    private static final class StubFrame implements Frame {
        double[] close = {Double.NaN};
        double[] volume = {0};
        final Map<Integer, double[]> indicators = new HashMap<>();
        PositionState position = PositionState.FLAT;
        Instant time = Instant.parse("2024-01-02T12:00:00Z");

        @Override
        public double bar(BarField field, int ago) {
            double[] series = field == BarField.VOLUME ? volume : close;
            return ago < series.length ? series[ago] : Double.NaN;
        }

        @Override
        public double indicator(int index, int output, int ago) {
            double[] series = indicators.get(index);
            return series != null && ago < series.length ? series[ago] : Double.NaN;
        }

        @Override
        public PositionState position() {
            return position;
        }

        @Override
        public Instant time() {
            return time;
        }
    }

    /** Compiles a file whose single rule has {@code when} (indented YAML) and returns the condition. */
    private static Condition when(String when) {
        String yaml =
                """
                name: t
                instruments: [BTC-USDT@sim]
                timeframe: 1h
                indicators:
                  fast: sma:2
                  slow: sma:4
                rules:
                  - name: r
                    when:
                %s
                    then: {action: buy, size: {quantity: 1}}
                """
                        .formatted(when.indent(6).stripTrailing());
        RuleStrategyDefinition def = RuleStrategyLoader.load("t.yaml", yaml).orThrow();
        List<StrategyProblem> problems = new ArrayList<>();
        CompiledRules rules = def.compile(Map.of(), problems);
        assertThat(problems).isEmpty();
        return rules.rules().get(0).when();
    }

    @ParameterizedTest(name = "fast {0}/{1}, slow {2}/{3}: up={4} down={5}")
    @CsvSource({
        // fast now, fast before, slow now, slow before, crosses above, crosses below
        "11, 10, 10.5, 10, true, false", // above after equal: a cross
        "11, 9, 10.5, 10, true, false",
        "11, 11, 10.5, 10, false, false", // already above
        "10, 10, 10, 10, false, false", // equal is not above
        "9, 11, 10, 10, false, true",
        "9, 10, 10, 10, false, true", // below after equal: a cross
        "NaN, 9, 10, 10, false, false", // undefined now: no cross
        "11, NaN, 10, 10, false, false" // undefined before (warm-up): no cross
    })
    void crossesCompareThisBarWithThePreviousOne(double f0, double f1, double s0, double s1, boolean up, boolean down) {
        StubFrame f = new StubFrame();
        f.indicators.put(0, new double[] {f0, f1});
        f.indicators.put(1, new double[] {s0, s1});
        assertThat(when("crosses_above: [fast, slow]").test(f)).isEqualTo(up);
        assertThat(when("crosses_below: [fast, slow]").test(f)).isEqualTo(down);
    }

    @Test
    void crossesOfExpressionsAndLookbacks() {
        StubFrame f = new StubFrame();
        f.close = new double[] {12, 9, 8};
        // close crosses above 2 * slow[1]: now 12 > 2 * 5, before 9 <= 2 * 5.
        f.indicators.put(1, new double[] {4, 5, 7});
        assertThat(when("crosses_above: [close, \"slow[1] * 2\"]").test(f)).isTrue();
        assertThat(when("above: [\"close[1]\", \"close[2] + 0.5\"]").test(f)).isTrue();
        assertThat(when("below: [\"(close + close[1]) / 2\", 10]").test(f)).isFalse();
        assertThat(when("above: [-1, \"-close\"]").test(f)).isTrue();
    }

    @ParameterizedTest(name = "close {0}, volume {1} -> {2}")
    @CsvSource({"11, 100, true", "13, 100, false", "21, 100, true", "11, 2000, false", "9, 100, false"})
    void allAnyNot(double close, double volume, boolean expected) {
        StubFrame f = new StubFrame();
        f.close = new double[] {close};
        f.volume = new double[] {volume};
        Condition c = when(
                """
                all:
                  - above: [close, 10]
                  - any:
                      - below: [close, 12]
                      - above: [close, 20]
                  - not: {above: [volume, 1000]}
                """);
        assertThat(c.test(f)).isEqualTo(expected);
        // A list is an implicit 'all'.
        Condition list = when(
                """
                - above: [close, 10]
                - any: [{below: [close, 12]}, {above: [close, 20]}]
                - not: {above: [volume, 1000]}
                """);
        assertThat(list.test(f)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-01-02T14:30:00Z, true", // Tuesday 09:30 in New York (EST): the window opens
        "2024-01-02T14:29:59Z, false",
        "2024-01-02T20:59:00Z, true",
        "2024-01-02T21:00:00Z, false", // 16:00: the end is excluded
        "2024-01-06T15:00:00Z, false", // Saturday
        "2024-07-01T13:30:00Z, true", // Monday 09:30 EDT (summer time)
        "2024-07-01T14:30:00Z, true",
        "2024-07-01T20:30:00Z, false" // 16:30 EDT
    })
    void sessionWindowInAZone(String time, boolean inside) {
        StubFrame f = new StubFrame();
        f.time = Instant.parse(time);
        Condition c = when(
                "time: {from: \"09:30\", to: \"16:00\", zone: America/New_York, days: [mon, tue, wed, thu," + " fri]}");
        assertThat(c.test(f)).isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-01-05T23:00:00Z, true", // Friday evening
        "2024-01-06T01:00:00Z, true", // Saturday small hours belong to Friday's session
        "2024-01-05T01:00:00Z, false", // Friday small hours belong to Thursday's
        "2024-01-06T02:00:00Z, false",
        "2024-01-05T12:00:00Z, false"
    })
    void windowWrappingMidnight(String time, boolean inside) {
        StubFrame f = new StubFrame();
        f.time = Instant.parse(time);
        assertThat(when("time: {from: \"22:00\", to: \"02:00\", days: [fri]}").test(f))
                .isEqualTo(inside);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
        "FLAT, flat, true",
        "LONG, flat, false",
        "LONG, long, true",
        "SHORT, long, false",
        "SHORT, short, true",
        "LONG, open, true",
        "SHORT, open, true",
        "FLAT, open, false",
        "SHORT, '[flat, short]', true"
    })
    void positionAwareness(PositionState state, String yaml, boolean expected) {
        StubFrame f = new StubFrame();
        f.position = state;
        assertThat(when("position: " + yaml).test(f)).isEqualTo(expected);
    }

    @Test
    void comparisonsWithUndefinedValuesAreFalse() {
        StubFrame f = new StubFrame();
        assertThat(when("above: [fast, 0]").test(f)).isFalse();
        assertThat(when("below: [fast, 0]").test(f)).isFalse();
        assertThat(when("not: {above: [fast, 0]}").test(f)).isTrue();
    }

    @Test
    void parameterValuesAreSubstitutedInOperands() {
        String yaml =
                """
                name: t
                instruments: [BTC-USDT@sim]
                timeframe: 1h
                parameters:
                  level: {type: decimal, default: 30.5, min: 0, max: 100}
                rules:
                  - name: r
                    when: {below: [close, "${level}"]}
                    then: {action: buy, size: {quantity: 1}}
                """;
        RuleStrategyDefinition def = RuleStrategyLoader.load("t.yaml", yaml).orThrow();
        StubFrame f = new StubFrame();
        f.close = new double[] {30};
        List<StrategyProblem> problems = new ArrayList<>();
        assertThat(def.compile(Map.of("level", new BigDecimal("30.5")), problems)
                        .rules()
                        .get(0)
                        .when()
                        .test(f))
                .isTrue();
        assertThat(def.compile(Map.of("level", new BigDecimal("29.5")), problems)
                        .rules()
                        .get(0)
                        .when()
                        .test(f))
                .isFalse();
        assertThat(problems).isEmpty();
    }
}
