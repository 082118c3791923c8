package dev.paperdesk.engine.pricing.surface;

import java.util.ArrayList;
import java.util.List;

/**
 * An implied volatility surface built from SVI slices, one per listed expiry.
 *
 * <p>Between slices total variance is interpolated linearly in time at fixed log-moneyness, which keeps
 * the surface free of calendar arbitrage when the slices are; before the first slice it is scaled
 * linearly from zero at t = 0, after the last it grows in proportion to time (flat volatility).
 */
public final class SviVolatilitySurface {
    private final List<SviSlice> slices;
    private final double[] expiries;

    public SviVolatilitySurface(List<SviSlice> slices) {
        if (slices == null || slices.isEmpty()) {
            throw new IllegalArgumentException("a surface needs at least one slice");
        }
        this.slices = List.copyOf(slices);
        this.expiries = new double[slices.size()];
        for (int i = 0; i < expiries.length; i++) {
            expiries[i] = this.slices.get(i).expiry();
            if (i > 0 && !(expiries[i] > expiries[i - 1])) {
                throw new IllegalArgumentException(
                        "slice expiries must be strictly increasing: " + expiries[i - 1] + " then " + expiries[i]);
            }
        }
    }

    public List<SviSlice> slices() {
        return slices;
    }

    /** Total implied variance w(k, t) at log-moneyness k = ln(K/F) and t years. */
    public double totalVariance(double k, double t) {
        if (!(t > 0.0)) {
            return 0.0;
        }
        int n = expiries.length;
        if (t <= expiries[0]) {
            return slices.get(0).parameters().totalVariance(k) * t / expiries[0];
        }
        if (t >= expiries[n - 1]) {
            return slices.get(n - 1).parameters().totalVariance(k) * t / expiries[n - 1];
        }
        int i = 1;
        while (expiries[i] < t) {
            i++;
        }
        double t0 = expiries[i - 1];
        double t1 = expiries[i];
        double w0 = slices.get(i - 1).parameters().totalVariance(k);
        double w1 = slices.get(i).parameters().totalVariance(k);
        return w0 + (w1 - w0) * (t - t0) / (t1 - t0);
    }

    /** Implied volatility σ(k, t) = √(w/t). */
    public double volatility(double k, double t) {
        if (!(t > 0.0)) {
            return Math.sqrt(slices.get(0).parameters().totalVariance(k) / expiries[0]);
        }
        return Math.sqrt(totalVariance(k, t) / t);
    }

    /**
     * Checks every slice for butterfly arbitrage and every pair of consecutive slices for calendar
     * arbitrage on {@code points} equally spaced log-moneyness values in [kMin, kMax].
     *
     * @return the violations found; empty when the surface is free of static arbitrage on the grid
     */
    public List<ArbitrageViolation> arbitrageViolations(double kMin, double kMax, int points) {
        if (!(kMax > kMin) || points < 2) {
            throw new IllegalArgumentException("need kMin < kMax and at least 2 points");
        }
        List<ArbitrageViolation> out = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            double k = kMin + (kMax - kMin) * p / (points - 1);
            for (int i = 0; i < slices.size(); i++) {
                SviParameters s = slices.get(i).parameters();
                double g = s.butterflyDensity(k);
                if (g < -1e-12) {
                    out.add(new ArbitrageViolation.Butterfly(expiries[i], k, g));
                }
                if (i > 0) {
                    double before = slices.get(i - 1).parameters().totalVariance(k);
                    double after = s.totalVariance(k);
                    if (after < before - 1e-12) {
                        out.add(new ArbitrageViolation.Calendar(expiries[i - 1], expiries[i], k, before, after));
                    }
                }
            }
        }
        return out;
    }
}
