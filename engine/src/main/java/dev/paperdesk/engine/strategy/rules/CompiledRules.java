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

    /** A named rule: when the condition holds on a signal bar, do the action. */
    record Rule(String name, Condition when, RuleAction then) {}
}
