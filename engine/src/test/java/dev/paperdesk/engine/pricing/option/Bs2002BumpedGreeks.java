package dev.paperdesk.engine.pricing.option;

/**
 * The chain Greeks of the Bjerksund–Stensland kernel as they were computed before the analytic spot
 * derivatives: value, then spot ±0.1% (central), volatility +0.001, rate +1 bp and one day of time, each
 * a full repricing through the current value kernel. Kept as the reference the analytic delta and gamma
 * are compared with and as the benchmarks' same-run baseline.
 */
public final class Bs2002BumpedGreeks {
    private Bs2002BumpedGreeks() {}

    /** Value and five Greeks into {@code out} by bumping, exactly as the chain kernel did before. */
    public static void priceAndGreeks(
            double sign, double s, double k, double t, double r, double q, double vol, PriceAndGreeks out) {
        BlackScholesEuropeanPricer.priceAndGreeks(sign, s, k, t, r, q, vol, out);
        double intrinsic = Math.max(sign * (s - k), 0.0);
        if (sign > 0 && q <= 0.0) {
            return;
        }
        BjerksundStenslandAmericanPricer.Workspace w = out.bs2002();
        double value = Math.max(BjerksundStenslandAmericanPricer.price(sign, s, k, t, r, q, vol, w), intrinsic);
        if (!(value > out.value + 1e-9)) {
            return;
        }
        if (!(t > 0.0 && vol > 0.0)) {
            out.set(value, sign, 0.0, 0.0, 0.0, 0.0);
            return;
        }
        double h = s * 1e-3;
        double up = BjerksundStenslandAmericanPricer.price(sign, s + h, k, t, r, q, vol, w);
        double down = BjerksundStenslandAmericanPricer.price(sign, s - h, k, t, r, q, vol, w);
        double dv = 1e-3;
        double dr = 1e-4;
        double dt = Math.min(1.0 / 365.0, 0.5 * t);
        out.set(
                value,
                (up - down) / (2 * h),
                (up - 2 * value + down) / (h * h),
                (BjerksundStenslandAmericanPricer.price(sign, s, k, t, r, q, vol + dv, w) - value) / dv,
                (BjerksundStenslandAmericanPricer.price(sign, s, k, t - dt, r, q, vol, w) - value) / dt,
                (BjerksundStenslandAmericanPricer.price(sign, s, k, t, r + dr, q, vol, w) - value) / dr);
    }
}
