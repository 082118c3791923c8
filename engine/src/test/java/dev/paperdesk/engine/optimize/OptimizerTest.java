package dev.paperdesk.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.montecarlo.ProgressListener;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    /** A bowl with its peak at fast = 20, slow = 110: net profit 1000 there, less everywhere else. */
    private static final TrialEvaluator BOWL = (p, cancel) -> {
        double f = p.get("fast").doubleValue();
        double s = p.get("slow").doubleValue();
        double profit = 1000 - (f - 20) * (f - 20) - 0.1 * (s - 110) * (s - 110);
        return Map.of("net_profit", profit, "trades", 10.0, "sharpe", profit / 1000);
    };

    private static List<ParameterRange> ranges() {
        return List.of(ParameterRange.parse("fast=5:50:5"), ParameterRange.parse("slow=20:200:10"));
    }

    @Test
    void gridSearchFindsTheKnownMaximum() {
        OptimizationConfig config =
                new OptimizationConfig(ranges(), new Objective.NetProfit(), new SearchMethod.Grid(), 2);
        OptimizationResult r = Optimizer.run(config, BOWL, ProgressListener.none(), CancellationToken.none());

        assertThat(r.trials()).hasSize(10 * 19);
        Trial best = r.best().orElseThrow();
        assertThat(best.parameters().get("fast")).isEqualByComparingTo("20");
        assertThat(best.parameters().get("slow")).isEqualByComparingTo("110");
        assertThat(best.objective()).isEqualTo(1000.0);
        assertThat(r.ranked().get(0)).isEqualTo(best);
        // grid order: first range slowest
        assertThat(r.trials().get(0).parameters().toString()).isEqualTo("fast=5, slow=20");
        assertThat(r.trials().get(1).parameters().toString()).isEqualTo("fast=5, slow=30");
        assertThat(r.trials().get(19).parameters().toString()).isEqualTo("fast=10, slow=20");
    }

    @Test
    void heatmapHoldsTheObjectiveOfEachPair() {
        OptimizationConfig config =
                new OptimizationConfig(ranges(), new Objective.NetProfit(), new SearchMethod.Grid(), 1);
        OptimizationResult r = Optimizer.run(config, BOWL, ProgressListener.none(), CancellationToken.none());
        Heatmap h = r.heatmap().orElseThrow();

        assertThat(h.xName()).isEqualTo("fast");
        assertThat(h.yName()).isEqualTo("slow");
        assertThat(h.x()).hasSize(10);
        assertThat(h.y()).hasSize(19);
        // fast = 20 is column 3, slow = 110 row 9
        assertThat(h.value(3, 9)).isEqualTo(1000.0);
        assertThat(h.value(0, 0)).isEqualTo(1000 - 225 - 0.1 * 90 * 90, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void expressionObjectiveIsMaximized() {
        Objective o = Objective.parse("-(net_profit - 500) * (net_profit - 500) / 1000");
        OptimizationConfig config = new OptimizationConfig(ranges(), o, new SearchMethod.Grid(), 2);
        OptimizationResult r = Optimizer.run(config, BOWL, ProgressListener.none(), CancellationToken.none());
        double profit = r.best().orElseThrow().metric("net_profit");
        // the best has the net profit closest to 500 of all trials
        double closest = r.trials().stream()
                .mapToDouble(t -> Math.abs(t.metric("net_profit") - 500))
                .min()
                .orElseThrow();
        assertThat(Math.abs(profit - 500)).isEqualTo(closest);
    }

    @Test
    void randomSearchDrawsDistinctPointsReproducibly() {
        OptimizationConfig config =
                new OptimizationConfig(ranges(), new Objective.NetProfit(), new SearchMethod.Random(40, 9), 2);
        List<ParameterSet> a = Optimizer.candidates(config);
        List<ParameterSet> b = Optimizer.candidates(config);
        assertThat(a).hasSize(40).isEqualTo(b);
        assertThat(new HashSet<>(a)).hasSize(40);
        assertThat(Optimizer.candidates(new OptimizationConfig(
                        ranges(), new Objective.NetProfit(), new SearchMethod.Random(40, 10), 2)))
                .isNotEqualTo(a);
        // more samples than points: the whole grid in grid order
        OptimizationConfig all =
                new OptimizationConfig(ranges(), new Objective.NetProfit(), new SearchMethod.Random(500, 9), 2);
        assertThat(Optimizer.candidates(all))
                .isEqualTo(Optimizer.candidates(
                        new OptimizationConfig(ranges(), new Objective.NetProfit(), new SearchMethod.Grid(), 2)));
    }

    @Test
    void resultsDoNotDependOnThreadsOrTimingAndTiesGoToTheLowestIndex() {
        // objective values with many ties; evaluation times vary at random
        TrialEvaluator tied = (p, cancel) -> {
            try {
                Thread.sleep((long) (Math.random() * 3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            double v =
                    Math.floorMod(p.get("fast").intValue() * 7 + p.get("slow").intValue(), 4);
            return Map.of("net_profit", v);
        };
        List<ParameterRange> small = List.of(ParameterRange.parse("fast=1:6:1"), ParameterRange.parse("slow=1:6:1"));
        OptimizationResult one = Optimizer.run(
                new OptimizationConfig(small, new Objective.NetProfit(), new SearchMethod.Grid(), 1),
                tied,
                ProgressListener.none(),
                CancellationToken.none());
        OptimizationResult four = Optimizer.run(
                new OptimizationConfig(small, new Objective.NetProfit(), new SearchMethod.Grid(), 4),
                tied,
                ProgressListener.none(),
                CancellationToken.none());
        assertThat(four.trials()).isEqualTo(one.trials());
        Trial best = four.best().orElseThrow();
        assertThat(best.objective()).isEqualTo(3.0);
        int firstMax = four.trials().stream()
                .filter(t -> t.objective() == 3.0)
                .mapToInt(Trial::index)
                .min()
                .orElseThrow();
        assertThat(best.index()).isEqualTo(firstMax);
        assertThat(OptimizationFiles.toJson(null, four, null)).isEqualTo(OptimizationFiles.toJson(null, one, null));
    }

    @Test
    void progressCountsEveryTrialInOrder() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Optimizer.run(
                new OptimizationConfig(ranges(), new Objective.NetProfit(), new SearchMethod.Grid(), 2),
                BOWL,
                (done, total) -> {
                    assertThat(total).isEqualTo(190);
                    seen.add(done);
                },
                CancellationToken.none());
        assertThat(seen).hasSize(190);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void cancellingStopsTheSearch() {
        CancellationToken cancel = new CancellationToken();
        AtomicInteger runs = new AtomicInteger();
        TrialEvaluator counting = (p, c) -> {
            if (runs.incrementAndGet() == 5) {
                cancel.cancel();
            }
            return BOWL.evaluate(p, c);
        };
        OptimizationConfig config =
                new OptimizationConfig(ranges(), new Objective.NetProfit(), new SearchMethod.Grid(), 2);
        assertThatThrownBy(() -> Optimizer.run(config, counting, ProgressListener.none(), cancel))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("of 190 trials");
        assertThat(runs.get()).isLessThan(190).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aFailedRunIsKeptWithItsErrorAndNeverBest() {
        TrialEvaluator failsAtPeak = (p, c) -> {
            if (p.get("fast").intValue() == 20) {
                throw new TrialEvaluator.TrialFailedException("strategy threw at bar 12");
            }
            return BOWL.evaluate(p, c);
        };
        OptimizationResult r = Optimizer.run(
                new OptimizationConfig(ranges(), new Objective.NetProfit(), new SearchMethod.Grid(), 2),
                failsAtPeak,
                ProgressListener.none(),
                CancellationToken.none());
        assertThat(r.trials()).hasSize(190);
        Trial failed = r.trials().stream()
                .filter(t -> t.parameters().get("fast").intValue() == 20)
                .findFirst()
                .orElseThrow();
        assertThat(failed.error()).isEqualTo("strategy threw at bar 12");
        assertThat(failed.ranked()).isFalse();
        assertThat(r.best().orElseThrow().parameters().get("fast")).isNotEqualByComparingTo("20");
        assertThat(r.ranked().get(r.ranked().size() - 1).ranked()).isFalse();
    }

    @Test
    void csvHasOneRowPerTrialWithParametersObjectiveAndMetrics() {
        OptimizationResult r = Optimizer.run(
                new OptimizationConfig(
                        List.of(ParameterRange.parse("fast=10:20:10"), ParameterRange.parse("slow=110")),
                        new Objective.Sharpe(),
                        new SearchMethod.Grid(),
                        1),
                BOWL,
                ProgressListener.none(),
                CancellationToken.none());
        String[] lines = OptimizationFiles.resultsCsv(r).split("\n");
        assertThat(lines[0]).startsWith("index,fast,slow,objective,net_profit,total_return,");
        assertThat(lines[0]).endsWith(",final_equity,error");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).startsWith("1,20,110,1,1000,,");
        assertThat(lines[1]).startsWith("0,10,110,0.9,900,,");
    }

    @Test
    void rangesAreCheckedAgainstTheDeclaredParameters() {
        var specs = List.of(
                dev.paperdesk.engine.strategy.api.ParameterSpec.ofInt("fast", 10, 2, 100, 1, ""),
                dev.paperdesk.engine.strategy.api.ParameterSpec.ofInt("slow", 30, 2, 400, 5, ""));
        OptimizationConfig config = new OptimizationConfig(
                List.of(
                        ParameterRange.parse("fast=0:10:2"),
                        ParameterRange.parse("slow=10:20:0.5"),
                        ParameterRange.parse("slowest=1")),
                new Objective.NetProfit(),
                new SearchMethod.Grid(),
                1);
        Set<String> problems = new HashSet<>(config.problemsWith(specs));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p).startsWith("fast: 0 is outside 2..100"))
                .anySatisfy(p -> assertThat(p).contains("slow is an int parameter"))
                .anySatisfy(p -> assertThat(p).startsWith("unknown parameter 'slowest'"));
        assertThat(new BigDecimal("2"))
                .isEqualByComparingTo(ParameterRange.parse("x=2").from());
    }
}
