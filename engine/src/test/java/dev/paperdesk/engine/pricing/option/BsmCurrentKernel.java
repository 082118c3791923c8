package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.pricing.StandardNormal;

/**
 * The Black–Scholes–Merton chain kernel with the Mills-ratio tails but {@link Math#exp} and {@link
 * Math#log} (the kernel as it stood before its inlined elementary functions), operation for operation:
 * the baseline the benchmarks measure the current kernel against in the same run.
 */
public final class BsmCurrentKernel {
    private BsmCurrentKernel() {}

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
        double invStdDev = 1.0 / stdDev;
        double d1 = (Math.log(s / k) + (r - q) * t) * invStdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        double nd1 = StandardNormal.pdf(d1);
        double cd1 = StandardNormal.cdfFromDensity(sign * d1, nd1);
        double sCarryDensity = sCarry * nd1;
        double a = sign * sCarry * cd1;
        double b = sign * discountedStrikeCdf(sign * d2, kDisc, sCarryDensity);
        out.set(
                a - b,
                sign * carry * cd1,
                carry * nd1 * invStdDev / s,
                sCarryDensity * sqrtT,
                -0.5 * sCarryDensity * vol * vol * invStdDev + q * a - r * b,
                t * b);
    }

    private static double discountedStrikeCdf(double z2, double kDisc, double sCarryDensity) {
        double step = 0.5 + Math.copySign(0.5, z2);
        return kDisc * step + Math.copySign(sCarryDensity * StandardNormal.millsRatio(Math.abs(z2)), -z2);
    }
}
