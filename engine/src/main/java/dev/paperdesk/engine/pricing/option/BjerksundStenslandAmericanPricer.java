package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.pricing.BivariateNormal;
import dev.paperdesk.engine.pricing.StandardNormal;

/**
 * American option by the Bjerksund–Stensland (2002) closed-form approximation, for live chains where a
 * tree per contract is too slow.
 *
 * <p>The approximation values a two-step flat exercise boundary (Bjerksund and Stensland, "Closed form
 * valuation of American options", NHH working paper 2002; formulas as in Haug, "The Complete Guide to
 * Option Pricing Formulas", 2nd ed., §3.3.3), so it is a lower bound of the American value, typically
 * within a few cents of it for listed-option parameters. Puts use the put–call transformation
 * P(S, K, T, r, b, σ) = C(K, S, T, r − b, −b, σ). A call with b ≥ r is never exercised early and is
 * priced as European. The result is floored at the European value and the intrinsic value, both of
 * which are also lower bounds. Greeks are by bumping and repricing.
 */
public final class BjerksundStenslandAmericanPricer implements OptionPricer {
    /** The shared instance; the pricer holds no state. */
    public static final BjerksundStenslandAmericanPricer DEFAULT = new BjerksundStenslandAmericanPricer();

    private BjerksundStenslandAmericanPricer() {}

    @Override
    public OptionStyle style() {
        return OptionStyle.AMERICAN;
    }

    @Override
    public double price(OptionInputs in) {
        double t = in.expiry();
        double vol = in.volatility();
        double intrinsic = in.intrinsicValue();
        double european = BlackScholesEuropeanPricer.price(
                in.sign(), in.spot(), in.strike(), t, in.rate(), in.dividendYield(), vol);
        if (!(t > 0.0 && vol > 0.0)) {
            return Math.max(intrinsic, european);
        }
        double r = in.rate();
        double b = in.costOfCarry();
        double approx = in.sign() > 0
                ? call(in.spot(), in.strike(), t, r, b, vol)
                : call(in.strike(), in.spot(), t, r - b, -b, vol);
        if (!Double.isFinite(approx)) {
            approx = 0.0; // parameters outside the approximation's domain: the floors below still hold
        }
        return Math.max(approx, Math.max(european, intrinsic));
    }

    /** The American call C(S, K, T, r, b, σ). */
    static double call(double s, double k, double t, double r, double b, double v) {
        if (b >= r) {
            return BlackScholesEuropeanPricer.price(1.0, s, k, t, r, r - b, v);
        }
        double v2 = v * v;
        double beta = (0.5 - b / v2) + Math.sqrt((b / v2 - 0.5) * (b / v2 - 0.5) + 2.0 * r / v2);
        double bInf = beta / (beta - 1.0) * k;
        double b0 = Math.max(k, r / (r - b) * k);
        double t1 = 0.5 * (Math.sqrt(5.0) - 1.0) * t;
        double ht1 = -(b * t1 + 2.0 * v * Math.sqrt(t1)) * k * k / ((bInf - b0) * b0);
        double ht2 = -(b * t + 2.0 * v * Math.sqrt(t)) * k * k / ((bInf - b0) * b0);
        double i1 = b0 + (bInf - b0) * (1.0 - Math.exp(ht1));
        double i2 = b0 + (bInf - b0) * (1.0 - Math.exp(ht2));
        if (s >= i2) {
            return s - k;
        }
        double alpha1 = (i1 - k) * Math.pow(i1, -beta);
        double alpha2 = (i2 - k) * Math.pow(i2, -beta);
        return alpha2 * Math.pow(s, beta)
                - alpha2 * phi(s, t1, beta, i2, i2, r, b, v)
                + phi(s, t1, 1.0, i2, i2, r, b, v)
                - phi(s, t1, 1.0, i1, i2, r, b, v)
                - k * phi(s, t1, 0.0, i2, i2, r, b, v)
                + k * phi(s, t1, 0.0, i1, i2, r, b, v)
                + alpha1 * phi(s, t1, beta, i1, i2, r, b, v)
                - alpha1 * psi(s, t, beta, i1, i2, i1, t1, r, b, v)
                + psi(s, t, 1.0, i1, i2, i1, t1, r, b, v)
                - psi(s, t, 1.0, k, i2, i1, t1, r, b, v)
                - k * psi(s, t, 0.0, i1, i2, i1, t1, r, b, v)
                + k * psi(s, t, 0.0, k, i2, i1, t1, r, b, v);
    }

    private static double phi(double s, double t, double gamma, double h, double i, double r, double b, double v) {
        double v2 = v * v;
        double sqrtT = Math.sqrt(t);
        double lambda = (-r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2) * t;
        double d = -(Math.log(s / h) + (b + (gamma - 0.5) * v2) * t) / (v * sqrtT);
        double kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
        return Math.exp(lambda)
                * Math.pow(s, gamma)
                * (StandardNormal.cdf(d)
                        - Math.pow(i / s, kappa) * StandardNormal.cdf(d - 2.0 * Math.log(i / s) / (v * sqrtT)));
    }

    private static double psi(
            double s, double t, double gamma, double h, double i2, double i1, double t1, double r, double b, double v) {
        double v2 = v * v;
        double drift = b + (gamma - 0.5) * v2;
        double sd1 = v * Math.sqrt(t1);
        double sd = v * Math.sqrt(t);
        double e1 = (Math.log(s / i1) + drift * t1) / sd1;
        double e2 = (Math.log(i2 * i2 / (s * i1)) + drift * t1) / sd1;
        double e3 = (Math.log(s / i1) - drift * t1) / sd1;
        double e4 = (Math.log(i2 * i2 / (s * i1)) - drift * t1) / sd1;
        double f1 = (Math.log(s / h) + drift * t) / sd;
        double f2 = (Math.log(i2 * i2 / (s * h)) + drift * t) / sd;
        double f3 = (Math.log(i1 * i1 / (s * h)) + drift * t) / sd;
        double f4 = (Math.log(s * i1 * i1 / (h * i2 * i2)) + drift * t) / sd;
        double rho = Math.sqrt(t1 / t);
        double lambda = -r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2;
        double kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
        return Math.exp(lambda * t)
                * Math.pow(s, gamma)
                * (BivariateNormal.cdf(-e1, -f1, rho)
                        - Math.pow(i2 / s, kappa) * BivariateNormal.cdf(-e2, -f2, rho)
                        - Math.pow(i1 / s, kappa) * BivariateNormal.cdf(-e3, -f3, -rho)
                        + Math.pow(i1 / i2, kappa) * BivariateNormal.cdf(-e4, -f4, -rho));
    }

    @Override
    public OptionValuation valuation(OptionInputs in) {
        if (in.expiry() == 0.0) {
            double delta = in.intrinsicValue() > 0.0 ? in.sign() : 0.0;
            return new OptionValuation(in.intrinsicValue(), delta, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        }
        return FiniteDifferenceGreeks.all(this::price, in, FiniteDifferenceGreeks.ANALYTIC);
    }

    @Override
    public ImpliedVolatility impliedVolatility(OptionInputs in, double marketPrice) {
        return AmericanImpliedVolatilitySolver.solve(this, in, marketPrice);
    }
}
