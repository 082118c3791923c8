package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.pricing.ElementaryFunctions;
import dev.paperdesk.engine.pricing.MillsRatio;
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

    /**
     * The value for θ = +1 (call) or −1 (put), without allocating; the same arithmetic as the value of
     * {@link #priceAndGreeks}, so both give the same double.
     */
    public static double price(double sign, double s, double k, double t, double r, double q, double vol) {
        double disc = ElementaryFunctions.exp(-r * t);
        double carry = ElementaryFunctions.exp(-q * t);
        double stdDev = vol * Math.sqrt(t);
        if (!(stdDev > 0.0)) {
            return Math.max(sign * (s * carry - k * disc), 0.0);
        }
        double sCarry = s * carry;
        double kDisc = k * disc;
        double invStdDev = 1.0 / stdDev;
        double d1 = d1(s, k, t, r - q, stdDev, invStdDev);
        double d2 = d1 - stdDev;
        double nd1 = density(d1);
        double cd1 = cdfFromDensity(sign * d1, nd1);
        return sign * sCarry * cd1 - sign * discountedStrikeCdf(sign * d2, kDisc, sCarry * nd1);
    }

    /**
     * K·e^{−rT}·N(z2), z2 = θ·d2, from {@code sCarryDensity} = S·e^{−qT}·n(d1), which equals K·e^{−rT}·n(d2)
     * exactly (d1 and d2 straddle ln(F/K)/σ√T by ±σ√T/2): the tail is that product times the Mills ratio
     * of |d2|, so d2 needs neither its own exponential nor a division.
     */
    private static double discountedStrikeCdf(double z2, double kDisc, double sCarryDensity) {
        double step = 0.5 + Math.copySign(0.5, z2); // 1 in the money, 0 out of it: no branch
        return kDisc * step + Math.copySign(sCarryDensity * MillsRatio.of(Math.abs(z2)), -z2);
    }

    /**
     * d1 = ln(S/K)/σ√T + ((b·T)/σ√T + σ√T/2), the drift's share summed while the logarithm runs, so d1
     * follows it by one fused product. Every entry point takes d1 from here: they give the same value.
     */
    private static double d1(double s, double k, double t, double carryRate, double stdDev, double invStdDev) {
        return Math.fma(
                ElementaryFunctions.logOfRatio(s, k), invStdDev, Math.fma(carryRate * t, invStdDev, 0.5 * stdDev));
    }

    /**
     * n(x) = e^{−x²/2}/√(2π) with x² split into its rounded value and its exact error (an fma) as in
     * {@link StandardNormal#pdf}, the constant and the error's first-order correction folded into one
     * factor that {@link ElementaryFunctions#expTimes} applies off the exponential's chain.
     */
    private static double density(double x) {
        double sq = x * x;
        return ElementaryFunctions.expTimes(-0.5 * sq, StandardNormal.INV_SQRT_2PI * (1.0 - 0.5 * Math.fma(x, x, -sq)));
    }

    /**
     * Φ(x) from the density φ(x) as {@link StandardNormal#cdfFromDensity} takes it, H(x) − sign(x)·φ(x)·R(|x|)
     * without a branch, but with the short-chain {@link MillsRatio}: the tail is on the kernel's critical
     * path.
     */
    private static double cdfFromDensity(double x, double density) {
        return 0.5 + Math.copySign(0.5, x) + Math.copySign(density * MillsRatio.of(Math.abs(x)), -x);
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
        double disc = ElementaryFunctions.exp(-r * t);
        double carry = ElementaryFunctions.exp(-in.dividendYield() * t);
        double sqrtT = Math.sqrt(t);
        double stdDev = vol * sqrtT;
        if (!(stdDev > 0.0)) {
            return intrinsicLimit(sign, s, k, t, r, b, disc, carry);
        }
        double sCarry = s * carry;
        double kDisc = k * disc;
        // One division serves every Greek: 1/σ = √T/(σ√T) and 1/T = (σ/(σ√T))².
        double invStdDev = 1.0 / stdDev;
        double invVol = sqrtT * invStdDev;
        double volOverStdDev = vol * invStdDev;
        double invT = volOverStdDev * volOverStdDev;
        double d1 = d1(s, k, t, r - in.dividendYield(), stdDev, invStdDev);
        double d2 = d1 - stdDev;
        // one exponential (the density of d1) serves both tails, see discountedStrikeCdf
        double nd1 = density(d1);
        double cd1 = cdfFromDensity(sign * d1, nd1);
        double kDiscCd2 = discountedStrikeCdf(sign * d2, kDisc, sCarry * nd1);
        double value = sign * sCarry * cd1 - sign * kDiscCd2;
        double delta = sign * carry * cd1;
        double gamma = carry * nd1 * invStdDev / s;
        double vega = sCarry * nd1 * sqrtT;
        // σ/(2√T) = ½·(σ√T)/T
        double theta = -0.5 * sCarry * nd1 * stdDev * invT - sign * (b - r) * sCarry * cd1 - sign * r * kDiscCd2;
        double rho = sign * t * kDiscCd2;
        double vanna = -carry * nd1 * d2 * invVol;
        double volga = vega * d1 * d2 * invVol;
        double charm = -carry * (nd1 * (b * invStdDev - 0.5 * d2 * invT) + sign * (b - r) * cd1);
        return new OptionValuation(value, delta, gamma, vega, theta, rho, vanna, volga, charm);
    }

    /**
     * Value, delta, gamma, vega, theta and rho of a European option written into {@code out}, without
     * allocating: the kernel of chain refreshes. θ = +1 call, −1 put; q is the dividend yield.
     *
     * <p>Three exponentials (discount, carry, the density n(d1)) and ln(S/K), all inlined table methods
     * ({@link ElementaryFunctions}; ln(S/K) as ln S − ln K, without a division), one square root and two
     * divisions, none of them after n(d1). Both tails reuse the density: N(θd1) = H(θd1) −
     * θ·sign(d1)·n(d1)·R(|d1|) and K·e^{−rT}·N(θd2) likewise from S·e^{−qT}·n(d1) = K·e^{−rT}·n(d2), with
     * the Mills ratio R a short table polynomial ({@link MillsRatio}): no exponential, no division and no
     * branch between calls and puts or the regions of the distribution. With
     * A = θ·S·e^{−qT}·N(θd1) and B = θ·K·e^{−rT}·N(θd2): V = A − B, theta = −S·e^{−qT}·n(d1)·σ/(2√T) + q·A − r·B
     * and rho = T·B (Haug's theta with b − r = −q).
     */
    public static void priceAndGreeks(
            double sign, double s, double k, double t, double r, double q, double vol, PriceAndGreeks out) {
        double disc = ElementaryFunctions.exp(-r * t);
        double carry = ElementaryFunctions.exp(-q * t);
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
        double invStdDev = 1.0 / stdDev;
        double d1 = d1(s, k, t, r - q, stdDev, invStdDev);
        double d2 = d1 - stdDev;
        double nd1 = density(d1);
        double cd1 = cdfFromDensity(sign * d1, nd1);
        double sCarryDensity = sCarry * nd1;
        double a = sign * sCarry * cd1;
        double b = sign * discountedStrikeCdf(sign * d2, kDisc, sCarryDensity);
        // σ/√T = σ²/(σ√T): reuses the one reciprocal. The factors of n(d1) in gamma, vega and theta do not
        // wait for it (n(d1) is the end of the kernel's longest chain), so each Greek is one product after it.
        double gammaFactor = carry * invStdDev / s;
        double vegaFactor = sCarry * sqrtT;
        double thetaFactor = -0.5 * sCarry * vol * vol * invStdDev;
        out.set(
                a - b,
                sign * carry * cd1,
                gammaFactor * nd1,
                vegaFactor * nd1,
                Math.fma(thetaFactor, nd1, q * a - r * b),
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
