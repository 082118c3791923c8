package dev.paperdesk.engine.strategy.rules;

import dev.paperdesk.engine.indicator.spec.IndicatorSpec;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.api.PriceSource;
import java.util.List;

/** A rule strategy file with its parameters substituted and every name resolved: ready to run. */
record CompiledRules(
        String name,
        List<InstrumentId> instruments,
        Timeframe timeframe,
        List<IndicatorDecl> indicators,
        List<Rule> rules,
        int cooldownBars,
        int maxPositions,
        int barHistory) {

    CompiledRules {
        instruments = List.copyOf(instruments);
        indicators = List.copyOf(indicators);
        rules = List.copyOf(rules);
    }

    /** A declared (or implied, for ATR exits) indicator and the history its references need. */
    record IndicatorDecl(String name, IndicatorSpec spec, Timeframe timeframe, PriceSource source, int history) {}

    /**
     * A named rule: when the condition holds on a signal bar, do the action.
     *
     * @param partLabels one label per {@linkplain #parts() part} of the condition, naming its key and
     *     line in the file (for the diagnosis of a rule that never acted)
     */
    record Rule(String name, Condition when, RuleAction then, List<String> partLabels) {
        Rule {
            partLabels = List.copyOf(partLabels);
            int n = parts(when).size();
            if (partLabels.size() != n) {
                partLabels = java.util.stream.IntStream.rangeClosed(1, n)
                        .mapToObj(k -> "condition " + k)
                        .toList();
            }
        }

        /** The conditions that must all hold: the items of a top-level {@code all}, else the condition itself. */
        List<Condition> parts() {
            return parts(when);
        }

        private static List<Condition> parts(Condition when) {
            return when instanceof Condition.All all ? all.conditions() : List.of(when);
        }
    }
}
