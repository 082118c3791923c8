package dev.paperdesk.engine.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A run checked against go-live criteria: one item per criterion in force, with the actual value,
 * the threshold and whether it passed. An undefined figure (no trades, too few days for a Sharpe
 * ratio) fails its criterion.
 */
public record GoLiveChecklist(GoLiveCriteria criteria, List<Item> items) {
    public GoLiveChecklist {
        Objects.requireNonNull(criteria, "criteria");
        items = List.copyOf(items);
    }

    /**
     * One criterion's outcome.
     *
     * @param key stable identifier: {@code win_rate}, {@code sharpe}, {@code max_drawdown}, {@code
     *     net_profit}, {@code trades}, {@code errors}
     * @param name the criterion in words
     * @param actual the run's figure ({@code NaN} when undefined; drawdown as a positive fraction)
     * @param threshold the limit
     * @param comparison {@code >=}, {@code <=}, {@code >} or {@code =}
     * @param actualText the figure formatted for people, e.g. {@code 58.3%}
     * @param thresholdText the limit with its comparison, e.g. {@code >= 55.0%}
     */
    public record Item(
            String key,
            String name,
            double actual,
            double threshold,
            String comparison,
            boolean passed,
            String actualText,
            String thresholdText) {
        public Item {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(actualText, "actualText");
            Objects.requireNonNull(thresholdText, "thresholdText");
        }
    }

    /** Checks {@code figures} against {@code criteria}. */
    public static GoLiveChecklist evaluate(GoLiveFigures figures, GoLiveCriteria criteria) {
        List<Item> items = new ArrayList<>();
        if (!Double.isNaN(criteria.minWinRate())) {
            double a = figures.winRate();
            items.add(new Item(
                    "win_rate",
                    "Win rate",
                    a,
                    criteria.minWinRate(),
                    ">=",
                    a >= criteria.minWinRate(),
                    percent(a),
                    ">= " + percent(criteria.minWinRate())));
        }
        if (!Double.isNaN(criteria.minSharpe())) {
            double a = figures.sharpe();
            items.add(new Item(
                    "sharpe",
                    "Sharpe ratio",
                    a,
                    criteria.minSharpe(),
                    ">=",
                    a >= criteria.minSharpe(),
                    ratio(a),
                    ">= " + ratio(criteria.minSharpe())));
        }
        if (!Double.isNaN(criteria.maxDrawdown())) {
            double a = Math.abs(figures.maxDrawdown());
            items.add(new Item(
                    "max_drawdown",
                    "Max drawdown",
                    a,
                    criteria.maxDrawdown(),
                    "<=",
                    a <= criteria.maxDrawdown(),
                    percent(a),
                    "<= " + percent(criteria.maxDrawdown())));
        }
        if (criteria.positivePnl()) {
            double a = figures.pnl();
            items.add(new Item(
                    "net_profit",
                    "Net P&L",
                    a,
                    0,
                    ">",
                    a > 0,
                    Double.isNaN(a) ? "n/a" : String.format(Locale.US, "%,.2f", a),
                    "> 0"));
        }
        if (criteria.minTrades() > 0) {
            int a = figures.trades();
            items.add(new Item(
                    "trades",
                    "Closed trades",
                    a,
                    criteria.minTrades(),
                    ">=",
                    a >= criteria.minTrades(),
                    Integer.toString(a),
                    ">= " + criteria.minTrades()));
        }
        if (criteria.noErrors()) {
            int a = figures.errors();
            items.add(new Item("errors", "Errors", a, 0, "=", a == 0, Integer.toString(a), "= 0"));
        }
        return new GoLiveChecklist(criteria, items);
    }

    /** Whether every criterion in force passed (vacuously true with none in force). */
    public boolean passed() {
        return items.stream().allMatch(Item::passed);
    }

    /** The items that failed. */
    public List<Item> failures() {
        return items.stream().filter(i -> !i.passed()).toList();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.US, "%.1f%%", v * 100);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.US, "%.2f", v);
    }
}
