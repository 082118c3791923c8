package dev.paperdesk.engine.optimize;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an optimization maximizes: a named metric or an expression over the run metrics. Every
 * objective is maximized; to minimize a figure, negate it in an expression. A run whose objective is
 * undefined ({@code NaN}) can never be the best.
 */
public sealed interface Objective {
    /** The name used on the command line and in OPT.json: {@code net_profit}, {@code sharpe}, … or the expression. */
    String name();

    /** The objective of a run with {@code metrics}; {@code NaN} when undefined. */
    double evaluate(Map<String, Double> metrics);

    /** Final equity minus starting capital. */
    record NetProfit() implements Objective {
        @Override
        public String name() {
            return "net_profit";
        }

        @Override
        public double evaluate(Map<String, Double> metrics) {
            return finite(metrics.get("net_profit"));
        }
    }

    /** The annualised Sharpe ratio of daily returns. */
    record Sharpe() implements Objective {
        @Override
        public String name() {
            return "sharpe";
        }

        @Override
        public double evaluate(Map<String, Double> metrics) {
            return finite(metrics.get("sharpe"));
        }
    }

    /** Gross profit over gross loss of the closed trades. */
    record ProfitFactor() implements Objective {
        @Override
        public String name() {
            return "profit_factor";
        }

        @Override
        public double evaluate(Map<String, Double> metrics) {
            return finite(metrics.get("profit_factor"));
        }
    }

    /** An arithmetic expression over {@link RunMetrics#NAMES}. */
    record Expression(MetricExpression expression) implements Objective {
        public Expression {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String name() {
            return expression.text();
        }

        @Override
        public double evaluate(Map<String, Double> metrics) {
            return expression.evaluate(metrics);
        }
    }

    /**
     * {@code net_profit}, {@code sharpe} or {@code profit_factor} (any case), else an expression over
     * {@link RunMetrics#NAMES}.
     *
     * @throws IllegalArgumentException when the expression does not parse, naming the column
     */
    static Objective parse(String text) {
        Objects.requireNonNull(text, "text");
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "net_profit", "net-profit", "netprofit" -> new NetProfit();
            case "sharpe" -> new Sharpe();
            case "profit_factor", "profit-factor", "profitfactor" -> new ProfitFactor();
            default -> new Expression(MetricExpression.parse(text, RunMetrics.NAMES));
        };
    }

    private static double finite(Double v) {
        return v == null || !Double.isFinite(v) ? Double.NaN : v;
    }
}
