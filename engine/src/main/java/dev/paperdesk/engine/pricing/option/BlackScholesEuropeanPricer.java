package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.pricing.StandardNormal;

/**
 * Black–Scholes–Merton value and analytic Greeks of a European option with a continuous dividend yield
 * (generalised BSM with cost of carry b = r − q, Haug, "The Complete Guide to Option Pricing Formulas",
 * 2nd ed., §1.1.6 and chapter 2).
 *
 * <pre>
 *   d1 = (ln(S/K) + (b + σ²/2)T) / (σ√T),  d2 = d1 − σ√T,  θ = +1 call, −1 put
 *   V  = θ·(S·e^{(b−r)T}·N(θ·d1) − K·e^{−rT}·N(θ·d2))
 * </pre>
 *
 * With zero expiry or zero volatility the value is the discounted intrinsic value of the forward and
 * the Greeks are its limits (gamma, vega, vanna, volga and charm are 0). Implied volatility is solved
 * in normalised Black coordinates (see {@code BlackImpliedVolatilitySolver}).
 */
public final class BlackScholesEuropeanPricer implements OptionPricer {
    /** The shared instance; the pricer holds no state. */
    public static final BlackScholesEuropeanPricer DEFAULT = new BlackScholesEuropeanPricer();

    private BlackScholesEuropeanPricer() {}

    @Override
    public OptionStyle style() {
        return OptionStyle.EUROPEAN;
    }

    @Override
    public double price(OptionInputs in) {
        return price(in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), in.volatility());
    }

    /** The value for θ = +1 (call) or −1 (put), without allocating. */
    public static double price(double sign, double s, double k, double t, double r, double q, double vol) {
        double disc = Math.exp(-r * t);
        double carry = Math.exp(-q * t);
        double stdDev = vol * Math.sqrt(t);
        if (!(stdDev > 0.0)) {
            return Math.max(sign * (s * carry - k * disc), 0.0);
        }
        double sCarry = s * carry;
        double kDisc = k * disc;
        double d1 = Math.log(sCarry / kDisc) / stdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        // exp(−d2²/2) = exp(−d1²/2)·(S·e^{−qT})/(K·e^{−rT}): one exponential serves both tails
        double g1 = StandardNormal.gaussian(d1);
        double g2 = g1 * (sCarry / kDisc);
        return sign * (sCarry * StandardNormal.cdf(sign * d1, g1) - kDisc * StandardNormal.cdf(sign * d2, g2));
    }

    @Override
    public OptionValuation valuation(OptionInputs in) {
        double sign = in.sign();
        double s = in.spot();
        double k = in.strike();
        double t = in.expiry();
        double r = in.rate();
        double b = in.costOfCarry();
        double vol = in.volatility();
        double disc = Math.exp(-r * t);
        double carry = Math.exp(-in.dividendYield() * t);
        double sqrtT = Math.sqrt(t);
        double stdDev = vol * sqrtT;
        if (!(stdDev > 0.0)) {
            return intrinsicLimit(sign, s, k, t, r, b, disc, carry);
        }
        double sCarry = s * carry;
        double kDisc = k * disc;
        double ratio = sCarry / kDisc;
        // One division serves every Greek: 1/σ = √T/(σ√T) and 1/T = (σ/(σ√T))².
        double invStdDev = 1.0 / stdDev;
        double invVol = sqrtT * invStdDev;
        double volOverStdDev = vol * invStdDev;
        double invT = volOverStdDev * volOverStdDev;
        double d1 = Math.log(ratio) * invStdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        // exp(−d2²/2) = exp(−d1²/2)·(S·e^{−qT})/(K·e^{−rT}): one exponential serves density and both tails
        double g1 = StandardNormal.gaussian(d1);
        double nd1 = StandardNormal.INV_SQRT_2PI * g1;
        double cd1 = StandardNormal.cdf(sign * d1, g1);
        double cd2 = StandardNormal.cdf(sign * d2, g1 * ratio);
        double value = sign * (sCarry * cd1 - kDisc * cd2);
        double delta = sign * carry * cd1;
        double gamma = carry * nd1 * invStdDev / s;
        double vega = sCarry * nd1 * sqrtT;
        // σ/(2√T) = ½·(σ√T)/T
        double theta = -0.5 * sCarry * nd1 * stdDev * invT - sign * (b - r) * sCarry * cd1 - sign * r * kDisc * cd2;
        double rho = sign * kDisc * t * cd2;
        double vanna = -carry * nd1 * d2 * invVol;
        double volga = vega * d1 * d2 * invVol;
        double charm = -carry * (nd1 * (b * invStdDev - 0.5 * d2 * invT) + sign * (b - r) * cd1);
        return new OptionValuation(value, delta, gamma, vega, theta, rho, vanna, volga, charm);
    }

    /**
     * Value, delta, gamma, vega, theta and rho of a European option written into {@code out}, without
     * allocating: the kernel of chain refreshes. θ = +1 call, −1 put; q is the dividend yield.
     *
     * <p>One exponential each for the discount, the carry and the density (shared by both tails, as
     * in {@link #price(double, double, double, double, double, double, double)}), one logarithm, one
     * square root and one reciprocal of σ√T. With A = θ·S·e^{−qT}·N(θd1) and B = θ·K·e^{−rT}·N(θd2):
     * V = A − B, theta = −S·e^{−qT}·n(d1)·σ/(2√T) + q·A − r·B and rho = T·B (Haug's theta with b − r = −q).
     */
    public static void priceAndGreeks(
            double sign, double s, double k, double t, double r, double q, double vol, PriceAndGreeks out) {
        double disc = Math.exp(-r * t);
        double carry = Math.exp(-q * t);
        double sqrtT = Math.sqrt(t);
        double stdDev = vol * sqrtT;
        if (!(stdDev > 0.0)) {
            double moneyness = sign * (s * carry - k * disc);
            if (moneyness <= 0.0) {
                out.set(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
            } else {
                out.set(moneyness, sign * carry, 0.0, 0.0, sign * (q * s * carry - r * k * disc), sign * k * t * disc);
            }
            return;
        }
        double sCarry = s * carry;
        double kDisc = k * disc;
        double ratio = sCarry / kDisc;
        double invStdDev = 1.0 / stdDev;
        double d1 = Math.log(ratio) * invStdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        double g1 = StandardNormal.gaussian(d1);
        double nd1 = StandardNormal.INV_SQRT_2PI * g1;
        double cd1 = StandardNormal.cdf(sign * d1, g1);
        double cd2 = StandardNormal.cdf(sign * d2, g1 * ratio);
        double a = sign * sCarry * cd1;
        double b = sign * kDisc * cd2;
        double sCarryDensity = sCarry * nd1;
        // σ/√T = σ²/(σ√T): reuses the one reciprocal
        out.set(
                a - b,
                sign * carry * cd1,
                carry * nd1 * invStdDev / s,
                sCarryDensity * sqrtT,
                -0.5 * sCarryDensity * vol * vol * invStdDev + q * a - r * b,
                t * b);
    }

    private static OptionValuation intrinsicLimit(
            double sign, double s, double k, double t, double r, double b, double disc, double carry) {
        double moneyness = sign * (s * carry - k * disc);
        if (moneyness <= 0.0) {
            return new OptionValuation(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        }
        // In the money with certainty: V = θ(S·e^{−qT} − K·e^{−rT}), differentiated directly.
        double theta = -sign * ((b - r) * s * carry + r * k * disc);
        return new OptionValuation(moneyness, sign * carry, 0.0, 0.0, theta, sign * k * t * disc, 0.0, 0.0, 0.0);
    }

    @Override
    public ImpliedVolatility impliedVolatility(OptionInputs in, double marketPrice) {
        return BlackImpliedVolatilitySolver.solve(
                in.sign(), in.spot(), in.strike(), in.expiry(), in.rate(), in.dividendYield(), marketPrice);
    }
}
