package dev.paperdesk.engine.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class MetricExpressionTest {
    private static final Map<String, Double> M =
            Map.of("sharpe", 1.5, "max_drawdown", -0.2, "net_profit", 1200.0, "trades", 40.0, "cagr", Double.NaN);

    private static double eval(String text) {
        return MetricExpression.parse(text, RunMetrics.NAMES).evaluate(M);
    }

    @Test
    void precedenceAssociativityAndUnaryMinus() {
        assertThat(eval("1 + 2 * 3")).isEqualTo(7);
        assertThat(eval("(1 + 2) * 3")).isEqualTo(9);
        assertThat(eval("8 / 4 / 2")).isEqualTo(1);
        assertThat(eval("10 - 4 - 3")).isEqualTo(3);
        assertThat(eval("-2 * -3")).isEqualTo(6);
        assertThat(eval("--2")).isEqualTo(2);
        assertThat(eval("+2.5e1")).isEqualTo(25);
        assertThat(eval(".5 * 4")).isEqualTo(2);
    }

    @Test
    void metricsAreLookedUpByName() {
        assertThat(eval("sharpe * (1 + max_drawdown)"))
                .isEqualTo(1.5 * 0.8, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(eval("net_profit / trades")).isEqualTo(30);
        assertThat(eval("-max_drawdown")).isEqualTo(0.2);
    }

    @Test
    void undefinedMetricsAndDivisionByZeroGiveNaN() {
        assertThat(eval("cagr + 1")).isNaN();
        assertThat(eval("win_rate")).isNaN(); // not in the map
        assertThat(eval("net_profit / (trades - 40)")).isNaN();
    }

    @Test
    void errorsNameTheColumnAndTheProblem() {
        assertThatThrownBy(() -> MetricExpression.parse("sharpe * sharp", RunMetrics.NAMES))
                .hasMessageStartingWith("objective expression 'sharpe * sharp', column 10: unknown metric 'sharp'")
                .hasMessageContaining("net_profit");
        assertThatThrownBy(() -> MetricExpression.parse("(sharpe + 1", RunMetrics.NAMES))
                .hasMessageContaining("column 12: expected ')'");
        assertThatThrownBy(() -> MetricExpression.parse("sharpe +", RunMetrics.NAMES))
                .hasMessageContaining("the expression ends");
        assertThatThrownBy(() -> MetricExpression.parse("sharpe ^ 2", RunMetrics.NAMES))
                .hasMessageContaining("column 8: unexpected '^'");
        assertThatThrownBy(() -> MetricExpression.parse("Math.exit(1)", RunMetrics.NAMES))
                .hasMessageContaining("unknown metric 'Math'");
        assertThatThrownBy(() -> MetricExpression.parse("1.2.3", RunMetrics.NAMES))
                .hasMessageContaining("'1.2.3' is not a number");
        assertThatThrownBy(() -> MetricExpression.parse("(".repeat(500) + "1" + ")".repeat(500), RunMetrics.NAMES))
                .hasMessageContaining("nested too deeply");
    }

    @Test
    void namedObjectivesParse() {
        assertThat(Objective.parse("sharpe")).isEqualTo(new Objective.Sharpe());
        assertThat(Objective.parse("NET_PROFIT")).isEqualTo(new Objective.NetProfit());
        assertThat(Objective.parse("profit_factor")).isEqualTo(new Objective.ProfitFactor());
        Objective e = Objective.parse(" sharpe * 2 ");
        assertThat(e.name()).isEqualTo("sharpe * 2");
        assertThat(e.evaluate(M)).isEqualTo(3);
    }

    @Property(tries = 200)
    void evaluatesLikeJava(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double b,
            @ForAll @DoubleRange(min = 0.5, max = 1e3) double c) {
        Map<String, Double> m = Map.of("sharpe", a, "net_profit", b, "trades", c);
        String ta = BigDecimal.valueOf(a).toPlainString();
        double v = MetricExpression.parse("(sharpe - " + ta + " * 2) * net_profit / trades + -sharpe", RunMetrics.NAMES)
                .evaluate(m);
        assertThat(v).isEqualTo((a - a * 2) * b / c + -a);
    }
}
