package dev.paperdesk.engine.strategy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.strategy.BarReplayContext;
import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.builtin.Templates;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Rule evaluation is deterministic: the same file, parameters and bars give the same orders and fills. */
class DeterminismProperties {
    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.of(Templates.NAMES);
    }

    @Property(tries = 40)
    void sameInputsSameOrders(
            @ForAll("templates") String name,
            @ForAll @LongRange(min = 1, max = 10_000_000) long seed,
            @ForAll @LongRange(min = 0, max = 1_000_000) long gridPick) {
        StrategyDefinition def = Templates.load(name).orThrow();
        // A parameter set from the declared grid, chosen by gridPick.
        Map<String, String> values = new HashMap<>();
        long pick = gridPick;
        for (ParameterSpec p : def.parameters()) {
            long k = pick % p.gridSize();
            pick /= p.gridSize();
            values.put(
                    p.name(),
                    p.min().add(p.step().multiply(BigDecimal.valueOf(k))).toPlainString());
        }
        StrategyDefinition.Build first = def.build(values);
        if (!(first instanceof StrategyDefinition.Build.Built built)) {
            // Some corners of a grid are invalid together (MACD fast must stay below slow): those are
            // reported, never run.
            assertThat(((StrategyDefinition.Build.Invalid) first).problems()).isNotEmpty();
            return;
        }
        RuleStrategy a = (RuleStrategy) built.strategy();
        RuleStrategy b = (RuleStrategy) def.build(values).orThrow();
        List<Bar> bars = dev.paperdesk.engine.strategy.builtin.TemplatesTestSupport.bars(a, 600, seed);
        BarReplayContext ra = new BarReplayContext(new BigDecimal("100000"))
                .fillOn(a.signalTimeframe())
                .run(a, bars);
        BarReplayContext rb = new BarReplayContext(new BigDecimal("100000"))
                .fillOn(b.signalTimeframe())
                .run(b, bars);
        assertThat(rb.orderLog()).isEqualTo(ra.orderLog());
        assertThat(rb.fills()).isEqualTo(ra.fills());
        assertThat(rb.cancellations()).isEqualTo(ra.cancellations());
        assertThat(rb.logs()).isEqualTo(ra.logs());
    }
}
