package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.pricing.StandardNormal;

/**
 * The Black–Scholes–Merton chain kernel as it stood before the Mills-ratio normal distribution: Cody's
 * rational CDF for both tails (a division each, a branch on the central region), ln(S·e^{−qT}/(K·e^{−rT}))
 * and the density of d2 from that of d1 through their ratio. Kept as the reference the current kernel is
 * compared with and as the baseline the benchmarks measure beside it.
 */
public final class BsmBaselineKernel {
    private BsmBaselineKernel() {}

    /** The previous {@link BlackScholesEuropeanPricer#priceAndGreeks}, operation for operation. */
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
        out.set(
                a - b,
                sign * carry * cd1,
                carry * nd1 * invStdDev / s,
                sCarryDensity * sqrtT,
                -0.5 * sCarryDensity * vol * vol * invStdDev + q * a - r * b,
                t * b);
    }
}
