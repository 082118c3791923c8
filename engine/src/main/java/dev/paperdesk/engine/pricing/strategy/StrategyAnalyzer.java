package dev.paperdesk.engine.pricing.strategy;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.pricing.StandardNormal;
import dev.paperdesk.engine.pricing.option.BjerksundStenslandAmericanPricer;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.OptionPricer;
import dev.paperdesk.engine.pricing.option.OptionValuation;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.OptionLeg;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.UnderlyingLeg;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Values and analyses option strategies: profit across underlying prices at any date and volatility
 * shift, breakevens, maximum profit and loss, probability of profit and Greeks.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>Profit = position value − net premium; a leg is worth its intrinsic value on and after its
 *       expiry and its model value before (Black–Scholes–Merton for European style, Bjerksund–Stensland
 *       2002 for American), time ACT/365F, each option leg at its own implied volatility plus the shift.
 *   <li>"At expiry" means at the first option expiry: later legs of calendars and diagonals still carry
 *       time value there.
 *   <li>Breakevens are the sign changes of the profit curve, bracketed on a grid that contains every
 *       strike (where the expiry payoff has its kinks) and refined by bisection.
 *   <li>Beyond the highest strike the profit grows with slope Σ call contracts × multiplier + underlying
 *       units; a positive slope means unlimited profit, a negative one unlimited loss. Below the lowest
 *       strike the underlying cannot fall under zero, so the downside is always bounded.
 *   <li>Probability of profit: P(profit at the horizon &gt; 0) with ln S_T normal, mean ln S + (r − q −
 *       σ²/2)T and variance σ²T, summed exactly over the intervals between breakevens.
 * </ul>
 */
public final class StrategyAnalyzer {
    /** The shared instance; the analyzer holds no state. */
    public static final StrategyAnalyzer DEFAULT = new StrategyAnalyzer();

    private static final int GRID = 1200;
    private static final double DAYS_PER_YEAR = 365.0;

    private StrategyAnalyzer() {}

    /** The value of the position (what closing it would bring in, signed) at {@code spot} on {@code date}. */
    public double value(OptionStrategy s, StrategyMarket m, double spot, LocalDate date, double volShift) {
        double total = 0.0;
        for (StrategyLeg leg : s.legs()) {
            total += switch (leg) {
                case OptionLeg o -> o.quantity() * s.multiplier() * optionValue(o, m, spot, date, volShift);
                case UnderlyingLeg u -> u.quantity() * spot;
            };
        }
        return total;
    }

    /** Profit of the position at {@code spot} on {@code date} with every volatility moved by {@code volShift}. */
    public double profit(OptionStrategy s, StrategyMarket m, double spot, LocalDate date, double volShift) {
        return value(s, m, spot, date, volShift) - s.netPremium();
    }

    /** Profit at the first expiry (the horizon), volatilities unshifted for the legs still alive. */
    public double profitAtExpiry(OptionStrategy s, StrategyMarket m, double spot) {
        return profit(s, m, spot, horizon(s, m), 0.0);
    }

    /** The date "at expiry" refers to: the first option expiry, or the valuation date without options. */
    public LocalDate horizon(OptionStrategy s, StrategyMarket m) {
        LocalDate first = s.firstExpiry();
        return first == null || first.isBefore(m.valuationDate()) ? m.valuationDate() : first;
    }

    /** The profit curve on {@code date} over {@code points} evenly spaced spots from {@code low} to {@code high}. */
    public PayoffCurve curve(
            OptionStrategy s, StrategyMarket m, LocalDate date, double volShift, double low, double high, int points) {
        if (!(low > 0.0 && high > low) || points < 2) {
            throw new IllegalArgumentException(
                    "curve needs 0 < low < high and at least 2 points, got " + low + ".." + high + " × " + points);
        }
        double[] xs = new double[points];
        double[] ys = new double[points];
        for (int i = 0; i < points; i++) {
            xs[i] = low + (high - low) * i / (points - 1);
            ys[i] = profit(s, m, xs[i], date, volShift);
        }
        return new PayoffCurve(xs, ys);
    }

    /**
     * A spot range that shows the interesting part of the payoff: every strike and the current spot,
     * widened by about three standard deviations of the move to the horizon (at least ±10%).
     */
    public double[] chartRange(OptionStrategy s, StrategyMarket m, double volatility) {
        double lo = m.spot();
        double hi = m.spot();
        for (OptionLeg o : s.optionLegs()) {
            lo = Math.min(lo, o.strike());
            hi = Math.max(hi, o.strike());
        }
        double t = years(m.valuationDate(), horizon(s, m));
        double move = Math.max(0.10, Math.min(0.9, 3.0 * volatility * Math.sqrt(t)));
        return new double[] {lo * Math.exp(-move), hi * Math.exp(move)};
    }

    /** The full analysis; the probability of profit uses the legs' mean implied volatility at the first expiry. */
    public StrategyAnalysis analyse(OptionStrategy s, StrategyMarket m) {
        return analyse(s, m, meanVolatility(s));
    }

    /** The full analysis with the probability of profit computed at {@code volatility}. */
    public StrategyAnalysis analyse(OptionStrategy s, StrategyMarket m, double volatility) {
        if (!(volatility >= 0.0) || Double.isInfinite(volatility)) {
            throw new IllegalArgumentException("volatility must be finite and ≥ 0, got " + volatility);
        }
        LocalDate horizon = horizon(s, m);
        double[] grid = grid(s, m);
        double[] profits = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            profits[i] = profit(s, m, grid[i], horizon, 0.0);
        }
        double scale = Math.max(1.0, Math.abs(s.netPremium()));
        List<Double> breakevens = breakevens(s, m, horizon, grid, profits, scale * 1e-12);

        double slope = terminalSlope(s);
        double best = Double.NEGATIVE_INFINITY;
        double worst = Double.POSITIVE_INFINITY;
        for (double p : profits) {
            best = Math.max(best, p);
            worst = Math.min(worst, p);
        }
        Bound maxProfit = slope > 0 ? new Bound.Unlimited() : new Bound.Limited(clean(best, scale));
        Bound maxLoss = slope < 0 ? new Bound.Unlimited() : new Bound.Limited(clean(-worst, scale));

        double pop = probabilityOfProfit(s, m, horizon, breakevens, volatility);
        return new StrategyAnalysis(
                s.netPremium(),
                horizon,
                breakevens,
                maxProfit,
                maxLoss,
                pop,
                volatility,
                greeks(s, m, m.valuationDate(), 0.0),
                profit(s, m, m.spot(), m.valuationDate(), 0.0));
    }

    /** The position's Greeks on {@code date} at the market's spot, volatilities moved by {@code volShift}. */
    public StrategyGreeks greeks(OptionStrategy s, StrategyMarket m, LocalDate date, double volShift) {
        StrategyGreeks total = StrategyGreeks.ZERO;
        for (StrategyLeg leg : s.legs()) {
            total = total.plus(
                    switch (leg) {
                        case UnderlyingLeg u -> new StrategyGreeks(u.quantity(), 0, 0, 0, 0);
                        case OptionLeg o -> {
                            double t = years(date, o.expiry());
                            double size = o.quantity() * s.multiplier();
                            if (t <= 0.0) {
                                // expired: only the intrinsic value's delta remains
                                double itm = o.intrinsic(m.spot()) > 0.0 ? 1.0 : 0.0;
                                double sign = o.right() == OptionRight.CALL ? 1.0 : -1.0;
                                yield new StrategyGreeks(size * sign * itm, 0, 0, 0, 0);
                            }
                            OptionValuation v = pricer(m).valuation(inputs(o, m, m.spot(), t, volShift));
                            yield new StrategyGreeks(
                                    size * v.delta(),
                                    size * v.gamma(),
                                    size * v.thetaPerDay(),
                                    size * v.vegaPerPoint(),
                                    size * v.rhoPerPoint());
                        }
                    });
        }
        return total;
    }

    /** The mean implied volatility of the option legs expiring first, weighted by contracts; 0 without options. */
    public static double meanVolatility(OptionStrategy s) {
        LocalDate first = s.firstExpiry();
        double sum = 0.0;
        double weight = 0.0;
        for (OptionLeg o : s.optionLegs()) {
            if (o.expiry().equals(first)) {
                sum += Math.abs(o.quantity()) * o.volatility();
                weight += Math.abs(o.quantity());
            }
        }
        return weight == 0.0 ? 0.0 : sum / weight;
    }

    /** d(profit)/dS far above every strike: calls and the underlying keep moving, puts are worthless. */
    static double terminalSlope(OptionStrategy s) {
        double slope = 0.0;
        for (StrategyLeg leg : s.legs()) {
            slope += switch (leg) {
                case OptionLeg o -> o.right() == OptionRight.CALL ? o.quantity() * s.multiplier() : 0.0;
                case UnderlyingLeg u -> u.quantity();
            };
        }
        return slope;
    }

    private double optionValue(OptionLeg o, StrategyMarket m, double spot, LocalDate date, double volShift) {
        double t = years(date, o.expiry());
        if (t <= 0.0) {
            return o.intrinsic(spot);
        }
        return pricer(m).price(inputs(o, m, Math.max(spot, 1e-9), t, volShift));
    }

    private static OptionInputs inputs(OptionLeg o, StrategyMarket m, double spot, double t, double volShift) {
        return new OptionInputs(
                o.right(), spot, o.strike(), t, m.rate(), m.dividendYield(), Math.max(0.0, o.volatility() + volShift));
    }

    private static OptionPricer pricer(StrategyMarket m) {
        return m.style() == OptionStyle.AMERICAN
                ? BjerksundStenslandAmericanPricer.DEFAULT
                : BlackScholesEuropeanPricer.DEFAULT;
    }

    private static double years(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / DAYS_PER_YEAR;
    }

    /** Zero, every strike, an even grid to well beyond the highest strike, and the spot. */
    private static double[] grid(OptionStrategy s, StrategyMarket m) {
        TreeSet<Double> points = new TreeSet<>();
        double top = m.spot();
        for (OptionLeg o : s.optionLegs()) {
            points.add(o.strike());
            top = Math.max(top, o.strike());
        }
        for (StrategyLeg leg : s.legs()) {
            if (leg instanceof UnderlyingLeg u) {
                top = Math.max(top, u.price());
            }
        }
        double upper = 3.0 * top;
        points.add(0.0);
        points.add(m.spot());
        for (int i = 1; i <= GRID; i++) {
            points.add(upper * i / GRID);
        }
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<Double> breakevens(
            OptionStrategy s, StrategyMarket m, LocalDate horizon, double[] xs, double[] ys, double tolerance) {
        List<Double> roots = new ArrayList<>();
        int lastSign = 0;
        int lastIndex = -1;
        for (int i = 0; i < xs.length; i++) {
            int sign = Math.abs(ys[i]) <= tolerance ? 0 : (ys[i] > 0 ? 1 : -1);
            if (sign == 0) {
                continue;
            }
            if (lastSign != 0 && sign != lastSign) {
                if (lastIndex == i - 1) {
                    roots.add(bisect(s, m, horizon, xs[i - 1], xs[i], ys[i - 1]));
                } else {
                    // the curve sits on zero between two grid points of opposite sign: take the middle
                    roots.add(0.5 * (xs[lastIndex + 1] + xs[i - 1]));
                }
            }
            lastSign = sign;
            lastIndex = i;
        }
        return roots;
    }

    private double bisect(OptionStrategy s, StrategyMarket m, LocalDate horizon, double a, double b, double fa) {
        for (int i = 0; i < 100 && b - a > 1e-10 * Math.max(1.0, b); i++) {
            double mid = 0.5 * (a + b);
            double fm = profit(s, m, mid, horizon, 0.0);
            if ((fm > 0) == (fa > 0) && fm != 0.0) {
                a = mid;
                fa = fm;
            } else {
                b = mid;
            }
        }
        return 0.5 * (a + b);
    }

    private double probabilityOfProfit(
            OptionStrategy s, StrategyMarket m, LocalDate horizon, List<Double> breakevens, double vol) {
        double t = years(m.valuationDate(), horizon);
        double stdDev = vol * Math.sqrt(t);
        if (!(stdDev > 0.0)) {
            return profit(s, m, m.spot(), horizon, 0.0) > 0.0 ? 1.0 : 0.0;
        }
        double drift = Math.log(m.spot()) + (m.rate() - m.dividendYield() - 0.5 * vol * vol) * t;
        List<Double> edges = new ArrayList<>();
        edges.add(0.0);
        edges.addAll(breakevens);
        edges.add(Double.POSITIVE_INFINITY);
        double p = 0.0;
        for (int i = 0; i + 1 < edges.size(); i++) {
            double lo = edges.get(i);
            double hi = edges.get(i + 1);
            double probe = Double.isInfinite(hi) ? Math.max(2.0 * lo, lo + m.spot()) : 0.5 * (lo + hi);
            if (profit(s, m, probe, horizon, 0.0) > 0.0) {
                p += cdf(hi, drift, stdDev) - cdf(lo, drift, stdDev);
            }
        }
        return Math.min(1.0, Math.max(0.0, p));
    }

    private static double cdf(double x, double mean, double stdDev) {
        if (x <= 0.0) {
            return 0.0;
        }
        if (Double.isInfinite(x)) {
            return 1.0;
        }
        return StandardNormal.cdf((Math.log(x) - mean) / stdDev);
    }

    /** Rounds away floating-point dust so a flat payoff reads as its exact amount. */
    private static double clean(double amount, double scale) {
        return Math.abs(amount) < scale * 1e-12 ? 0.0 : amount;
    }
}
