package dev.paperdesk.engine.strategy.builtin;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.TestBars;
import dev.paperdesk.engine.strategy.rules.RuleStrategy;
import java.util.ArrayList;
import java.util.List;

/** Generated bar streams fitting a rule strategy's instruments and timeframes. */
public final class TemplatesTestSupport {
    private TemplatesTestSupport() {}

    /** Random walks for each instrument of the strategy, with 4h bars for the multi-timeframe one. */
    public static List<Bar> bars(RuleStrategy s, int n, long seed) {
        Timeframe tf = s.signalTimeframe();
        List<List<Bar>> series = new ArrayList<>();
        for (int k = 0; k < s.instruments().size(); k++) {
            List<Bar> one = TestBars.randomWalk(s.instruments().get(k), tf, n, seed + k);
            series.add(tf == Timeframe.H1 ? TestBars.withHigherTimeframe(one, Timeframe.H4) : one);
        }
        List<Bar> merged = new ArrayList<>();
        for (int i = 0; i < series.get(0).size(); i++) {
            for (List<Bar> one : series) {
                merged.add(one.get(i));
            }
        }
        return merged;
    }
}
