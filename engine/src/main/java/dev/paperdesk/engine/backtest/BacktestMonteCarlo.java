package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.montecarlo.PerturbedRun;
import dev.paperdesk.engine.montecarlo.TradeSample;
import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.api.ParameterType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The inputs of a Monte Carlo run taken from a backtest: its trades, its daily returns, and re-runs
 * under jittered parameters.
 */
public final class BacktestMonteCarlo {
    private BacktestMonteCarlo() {}

    /**
     * The closed trades' P&amp;L in exit order, from the first entry to the last exit.
     *
     * @throws IllegalArgumentException when the backtest closed no trade
     */
    public static TradeSample trades(BacktestResult r) {
        if (r.trades().isEmpty()) {
            throw new IllegalArgumentException("the backtest closed no trade; nothing to resample");
        }
        return TradeSample.of(BacktestReports.closedTrades(r));
    }

    /** Equity after each trade of {@link #trades} (step 0 the capital), as the resampled paths count it. */
    public static double[] tradeEquity(BacktestResult r, TradeSample sample) {
        double[] pnl = sample.pnl();
        double[] out = new double[pnl.length + 1];
        long micros = 0;
        double start = r.config().capital().doubleValue();
        out[0] = start;
        for (int i = 0; i < pnl.length; i++) {
            micros += Math.round(pnl[i] * 1e6);
            out[i + 1] = start + micros * (1 / 1_000_000.0); // as the runner maps micro-units
        }
        return out;
    }

    /** Equity at the capital, then at the last point of each UTC day. */
    public static double[] dailyEquity(BacktestResult r) {
        List<Double> eq = new ArrayList<>();
        eq.add(r.config().capital().doubleValue());
        LocalDate last = null;
        for (EquityPoint p : r.equity()) {
            LocalDate d = LocalDate.ofInstant(p.time().minusNanos(1), ZoneOffset.UTC);
            if (d.equals(last)) {
                eq.set(eq.size() - 1, p.equity().doubleValue());
            } else {
                eq.add(p.equity().doubleValue());
                last = d;
            }
        }
        return eq.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Daily returns (the first against the starting capital), as the backtest's metrics use them.
     *
     * @throws IllegalArgumentException when the backtest has no equity point
     */
    public static ReturnSeries dailyReturns(BacktestResult r) {
        List<LocalDate> days = new ArrayList<>();
        for (EquityPoint p : r.equity()) {
            LocalDate d = LocalDate.ofInstant(p.time().minusNanos(1), ZoneOffset.UTC);
            if (days.isEmpty() || !days.get(days.size() - 1).equals(d)) {
                days.add(d);
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("the backtest has no equity curve; nothing to resample");
        }
        double[] eq = dailyEquity(r);
        double[] ret = new double[eq.length - 1];
        for (int i = 1; i < eq.length; i++) {
            ret[i - 1] = eq[i] / eq[i - 1] - 1;
        }
        return ReturnSeries.of(days, ret);
    }

    /**
     * Re-runs {@code config} for each path with every numeric parameter multiplied by {@code 1 + u},
     * {@code u} uniform in {@code [-jitter, jitter]} drawn from the path's generator (int parameters
     * rounded, all kept within their declared bounds), and the execution models seeded by the path's
     * seed. Returns the re-run's closed trades.
     */
    public static PerturbedRun perturbed(BacktestConfig config, double jitter) {
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1), not " + jitter);
        }
        return perturbation -> {
            Map<String, String> params =
                    jitter(config.strategy().parameters(), config.parameters(), jitter, perturbation.random());
            BacktestResult r = Backtester.run(config.withParameters(params).withSeed(perturbation.seed()));
            return BacktestReports.closedTrades(r);
        };
    }

    /** The parameter values of one perturbed run, in declaration order. */
    static Map<String, String> jitter(
            List<ParameterSpec> specs, Map<String, String> given, double jitter, SplittableRandom random) {
        Map<String, String> out = new LinkedHashMap<>(given);
        for (ParameterSpec s : specs) {
            String text = given.get(s.name());
            BigDecimal value = text == null ? s.defaultValue() : new BigDecimal(text.strip());
            double u = jitter == 0 ? 0 : random.nextDouble(-jitter, jitter);
            BigDecimal v = value.multiply(BigDecimal.valueOf(1 + u));
            v = s.type() == ParameterType.INT
                    ? v.setScale(0, RoundingMode.HALF_EVEN)
                    : v.setScale(Math.max(value.scale(), 6), RoundingMode.HALF_EVEN)
                            .stripTrailingZeros();
            v = v.max(s.min()).min(s.max());
            out.put(s.name(), v.toPlainString());
        }
        return out;
    }
}
