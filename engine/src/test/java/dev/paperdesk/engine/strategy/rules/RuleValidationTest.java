package dev.paperdesk.engine.strategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.strategy.api.StrategyDefinition.Build;
import dev.paperdesk.engine.strategy.api.StrategyProblem;
import dev.paperdesk.engine.strategy.api.StrategyProblem.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every class of problem in a strategy file is reported with its file, line and column. */
class RuleValidationTest {
    /** A valid file; tests replace one line at a time. Line numbers are in the comments. */
    private static final String VALID =
            """
            name: t
            instruments: [BTC-USDT@sim]
            timeframe: 1h
            parameters:
              fast: {type: int, default: 10, min: 2, max: 50}
            indicators:
              fast: sma:${fast}
              slow: sma:30
            rules:
              - name: in
                when:
                  crosses_above: [fast, slow]
                then:
                  action: buy
                  size: {quantity: 1}
            """;

    private static String replace(String from, String to) {
        assertThat(VALID).contains(from);
        return VALID.replace(from, to);
    }

    private static List<StrategyProblem> problems(String yaml) {
        RuleStrategyLoader.Load load = RuleStrategyLoader.load("bad.yaml", yaml);
        assertThat(load).isInstanceOf(RuleStrategyLoader.Load.Invalid.class);
        return ((RuleStrategyLoader.Load.Invalid) load).problems();
    }

    private static StrategyProblem only(String yaml) {
        List<StrategyProblem> p = problems(yaml);
        assertThat(p).hasSize(1);
        return p.get(0);
    }

    @Test
    void theValidFileLoads() {
        assertThat(RuleStrategyLoader.load("ok.yaml", VALID)).isInstanceOf(RuleStrategyLoader.Load.Loaded.class);
    }

    @Test
    void timeInForceMustSuitTheEntry() {
        assertThat(RuleStrategyLoader.load(
                        "ok.yaml",
                        replace(
                                "action: buy\n",
                                "action: buy\n      order: limit\n      limit_price: close\n"
                                        + "      time_in_force: day\n")))
                .isInstanceOf(RuleStrategyLoader.Load.Loaded.class);
        StrategyProblem market = only(replace("action: buy\n", "action: buy\n      time_in_force: day\n"));
        assertThat(market.kind()).isEqualTo(Kind.INVALID_VALUE);
        assertThat(market.toString())
                .isEqualTo("bad.yaml:15:22: rule 'in' then: time_in_force 'day' does not apply to a market entry"
                        + " (use ioc, fok)");
        StrategyProblem resting = only(replace(
                "action: buy\n",
                "action: buy\n      order: limit\n      limit_price: close\n      valid_bars: 3\n"
                        + "      time_in_force: ioc\n"));
        assertThat(resting.toString()).contains("'valid_bars' does not apply to an ioc entry (it never rests)");
    }

    @Test
    void unknownIndicator() {
        StrategyProblem p = only(replace("slow: sma:30", "slow: smaa:30"));
        assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_INDICATOR);
        assertThat(p.toString())
                .startsWith(
                        "bad.yaml:8:9: indicator 'slow': indicator 'smaa:30': unknown indicator 'smaa' (known: sma,");
    }

    @Test
    void badIndicatorParameter() {
        StrategyProblem p = only(replace("slow: sma:30", "slow: sma:0"));
        assertThat(p.kind()).isEqualTo(Kind.BAD_PARAMETER);
        assertThat(p.toString())
                .isEqualTo("bad.yaml:8:9: indicator 'slow': indicator 'sma:0': parameter 1 (period) must be between 1"
                        + " and 100000, was 0");
    }

    @Test
    void badParameterDeclaration() {
        StrategyProblem p = only(replace("default: 10, min: 2", "default: 100, min: 2"));
        assertThat(p.kind()).isEqualTo(Kind.BAD_PARAMETER);
        assertThat(p.toString()).isEqualTo("bad.yaml:5:3: parameter 'fast': default 100 is outside 2..50");
    }

    @Test
    void badParameterOverrideIsReportedAtTheDeclaration() {
        RuleStrategyDefinition def = RuleStrategyLoader.load("ok.yaml", VALID).orThrow();
        Build b = def.build(Map.of("fast", "2.5"));
        assertThat(b).isInstanceOf(Build.Invalid.class);
        assertThat(((Build.Invalid) b).message())
                .isEqualTo("ok.yaml:5:3: parameter 'fast' set to '2.5': 2.5 is not a whole number");
        Build outside = def.build(Map.of("fast", "51"));
        assertThat(((Build.Invalid) outside).problems().get(0).toString())
                .isEqualTo("ok.yaml:5:3: parameter 'fast' set to '51': 51 is outside 2..50");
    }

    @Test
    void typeMismatch() {
        StrategyProblem p = only(replace("size: {quantity: 1}", "size: {quantity: lots}"));
        assertThat(p.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(p.toString())
                .isEqualTo("bad.yaml:15:24: rule 'in' then size quantity: expected a number, got 'lots'");

        StrategyProblem list = only(replace("  crosses_above: [fast, slow]", "  crosses_above: fast"));
        assertThat(list.kind()).isEqualTo(Kind.TYPE_MISMATCH);
        assertThat(list.toString())
                .isEqualTo("bad.yaml:12:22: rule 'in' when crosses_above: expected two operands [left, right], got"
                        + " 'fast'");
    }

    @Test
    void unknownParameter() {
        StrategyProblem p = only(replace("slow: sma:30", "slow: sma:${slw}"));
        assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_PARAMETER);
        assertThat(p.toString())
                .isEqualTo("bad.yaml:8:9: indicator 'slow': unknown parameter '${slw}' (declared: fast)");
    }

    @Test
    void unknownParameterOverride() {
        RuleStrategyDefinition def = RuleStrategyLoader.load("ok.yaml", VALID).orThrow();
        Build b = def.build(Map.of("fsat", "5"));
        assertThat(((Build.Invalid) b).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_PARAMETER);
            assertThat(p.toString())
                    .isEqualTo("ok.yaml: unknown parameter 'fsat' (did you mean 'fast'?) (declared: fast)");
        });
    }

    @Test
    void unknownFieldWithSuggestionAndTheMissingFieldItHides() {
        List<StrategyProblem> p = problems(replace("timeframe: 1h", "timefram: 1h"));
        assertThat(p)
                .extracting(StrategyProblem::toString)
                .containsExactly(
                        "bad.yaml:1:1: strategy: missing field 'timeframe'",
                        "bad.yaml:3:1: strategy: unknown field 'timefram' (did you mean 'timeframe'?) (known: name,"
                                + " description, parameters, instruments, timeframe, indicators, rules, cooldown,"
                                + " max_positions)");
        assertThat(p).extracting(StrategyProblem::kind).containsExactly(Kind.MISSING_FIELD, Kind.UNKNOWN_FIELD);
    }

    @Test
    void missingField() {
        String yaml = VALID.substring(0, VALID.indexOf("    then:"));
        StrategyProblem p = only(yaml);
        assertThat(p.kind()).isEqualTo(Kind.MISSING_FIELD);
        assertThat(p.toString()).isEqualTo("bad.yaml:10:5: rule 'in': missing field 'then'");
    }

    @Test
    void unknownReferenceInAnExpression() {
        StrategyProblem p = only(replace("[fast, slow]", "[fast, slwo]"));
        assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_REFERENCE);
        assertThat(p.toString())
                .isEqualTo("bad.yaml:12:29: rule 'in' when crosses_above: in 'slwo': unknown name 'slwo' (did you mean"
                        + " 'slow'?) (indicators: fast, slow; bar fields: open, high, low, close, volume)");
    }

    @Test
    void multiOutputIndicatorsNeedAnOutputName() {
        String yaml = replace("slow: sma:30", "slow: bbands:20:2");
        StrategyProblem p = only(yaml);
        assertThat(p.toString())
                .isEqualTo("bad.yaml:12:29: rule 'in' when crosses_above: in 'slow': indicator 'slow' (bbands:20:2) has"
                        + " outputs upper, middle, lower: write slow.upper or similar");
    }

    @Test
    void syntaxError() {
        StrategyProblem p = only(replace("timeframe: 1h", "timeframe: [1h"));
        assertThat(p.kind()).isEqualTo(Kind.SYNTAX);
        assertThat(p.source()).isEqualTo("bad.yaml");
        assertThat(p.line()).isEqualTo(4);
        assertThat(p.message()).startsWith("not valid YAML: ");
    }

    @Test
    void anIndicatorTimeframeShorterThanTheStrategysIsRefused() {
        // the 4h trend of a template run on daily bars: it could never be built, so nothing would trade
        StrategyProblem p = only(replace("timeframe: 1h", "timeframe: 1d")
                .replace("slow: sma:30", "slow: {spec: \"sma:30\", timeframe: 4h}"));
        assertThat(p.kind()).isEqualTo(Kind.INVALID_VALUE);
        assertThat(p.toString())
                .isEqualTo("bad.yaml:8:37: indicator 'slow': timeframe 4h is shorter than the strategy's 1d; its"
                        + " bars are built from the strategy's, so it needs 1d or longer (or the strategy on 4h"
                        + " data)");
        assertThat(RuleStrategyLoader.load(
                        "ok.yaml", VALID.replace("slow: sma:30", "slow: {spec: \"sma:30\", timeframe: 4h}")))
                .isInstanceOf(RuleStrategyLoader.Load.Loaded.class);
    }

    @Test
    void everyProblemIsReportedInFileOrder() {
        String yaml = VALID.replace("timeframe: 1h", "timeframe: 2h")
                .replace("slow: sma:30", "slow: rsi:-3")
                .replace("action: buy", "action: hold")
                .replace("size: {quantity: 1}", "size: {quantity: 1, lots: 2}");
        assertThat(problems(yaml))
                .extracting(StrategyProblem::toString)
                .containsExactly(
                        "bad.yaml:3:12: timeframe: unknown timeframe '2h' (use 1m, 5m, 15m, 30m, 1h, 4h or 1d)",
                        "bad.yaml:8:9: indicator 'slow': indicator 'rsi:-3': parameter 1 (period) must be between 1"
                                + " and 100000, was -3",
                        "bad.yaml:14:15: rule 'in' then: unknown action 'hold' (use buy, sell, close or reverse)",
                        "bad.yaml:15:27: rule 'in' then size: unknown field 'lots' (known: quantity, amount,"
                                + " equity_pct, cash_pct, risk_pct, step)");
    }

    @Test
    void semanticRulesOfActions() {
        String yaml = VALID.replace("size: {quantity: 1}", "size: {risk_pct: 1}\n      order: limit");
        assertThat(problems(yaml))
                .extracting(StrategyProblem::toString)
                .containsExactly(
                        "bad.yaml:15:13: rule 'in' then: risk_pct sizing needs a 'stop_loss' to measure the risk per"
                                + " unit",
                        "bad.yaml:16:14: rule 'in' then: a limit order needs 'limit_price'");
    }

    @Test
    void aFileOnDiskIsNamedByItsPath(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, replace("slow: sma:30", "slow: sma:x"));
        RuleStrategyLoader.Load load = RuleStrategyLoader.load(f);
        assertThat(((RuleStrategyLoader.Load.Invalid) load).message())
                .isEqualTo(f + ":8:9: indicator 'slow': indicator 'sma:x': parameter 1 (period) 'x' is not a number");
    }
}
