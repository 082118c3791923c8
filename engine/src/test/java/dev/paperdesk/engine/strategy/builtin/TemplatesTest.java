package dev.paperdesk.engine.strategy.builtin;

import static dev.paperdesk.engine.strategy.TestBars.BTC;
import static dev.paperdesk.engine.strategy.TestBars.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.strategy.BarReplayContext;
import dev.paperdesk.engine.strategy.SafeStrategy;
import dev.paperdesk.engine.strategy.StrategyFailure;
import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.rules.RuleStrategy;
import dev.paperdesk.engine.strategy.rules.RuleStrategyDefinition;
import dev.paperdesk.engine.strategy.rules.RuleStrategyLoader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every built-in template loads, validates, explains itself and trades on generated data. */
class TemplatesTest {
    static final List<String> NAMES = Templates.NAMES;

    @Test
    void theSixTemplatesAreListedWithDescriptions() {
        assertThat(Templates.list())
                .extracting(Templates.Template::reference)
                .containsExactly(
                        "builtin:sma-cross",
                        "builtin:rsi-reversion",
                        "builtin:bollinger-breakout",
                        "builtin:donchian-trend",
                        "builtin:macd-momentum",
                        "builtin:volume-breakout");
        assertThat(Templates.list())
                .allSatisfy(t -> assertThat(t.description()).isNotBlank().doesNotStartWith("(invalid"));
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void loadsWithACommentHeaderAndDeclaredRanges(String name) {
        String text = Templates.text("builtin:" + name).orElseThrow();
        assertThat(text).startsWith("# " + name + " — ");
        RuleStrategyLoader.Load load = Templates.load("builtin:" + name);
        assertThat(load).isInstanceOf(RuleStrategyLoader.Load.Loaded.class);
        RuleStrategyDefinition def = load.orThrow();
        assertThat(def.name()).isEqualTo(name);
        assertThat(def.source()).isEqualTo("builtin:" + name);
        assertThat(def.parameters()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.description()).isNotBlank();
            assertThat(p.gridSize()).isGreaterThan(1);
        });
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void everyGridCornerOfTheParametersBuilds(String name) {
        StrategyDefinition def = Templates.load(name).orThrow();
        for (boolean high : new boolean[] {false, true}) {
            Map<String, String> values = new HashMap<>();
            for (ParameterSpec p : def.parameters()) {
                values.put(p.name(), (high ? p.max() : p.min()).toPlainString());
            }
            assertThat(def.build(values)).isInstanceOf(StrategyDefinition.Build.Built.class);
        }
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void tradesOnARandomWalkWithoutFailing(String name) {
        RuleStrategyDefinition def = Templates.load(name).orThrow();
        Strategy s = def.build(ParameterValues.defaults(def.parameters())).orThrow();
        RuleStrategy rules = (RuleStrategy) s;
        List<StrategyFailure> failures = new ArrayList<>();
        BarReplayContext c = new BarReplayContext(new BigDecimal("100000")).fillOn(rules.signalTimeframe());
        c.run(new SafeStrategy(s, failures::add), TemplatesTestSupport.bars(rules, 3000, 11));
        assertThat(failures).isEmpty();
        assertThat(c.submissions()).as("orders of " + name).isNotEmpty();
        assertThat(c.fills()).as("fills of " + name).isNotEmpty();
    }

    @Test
    void unknownTemplatesAreProblemsNotExceptions() {
        RuleStrategyLoader.Load load = Templates.load("builtin:nope");
        assertThat(((RuleStrategyLoader.Load.Invalid) load).message())
                .isEqualTo("builtin:nope: no such template (templates: sma-cross, rsi-reversion, bollinger-breakout,"
                        + " donchian-trend, macd-momentum, volume-breakout)");
        assertThat(Templates.isTemplateReference("builtin:sma-cross")).isTrue();
        assertThat(Templates.isTemplateReference("mine.yaml")).isFalse();
        assertThat(BTC).isNotEqualTo(ETH);
    }
}
