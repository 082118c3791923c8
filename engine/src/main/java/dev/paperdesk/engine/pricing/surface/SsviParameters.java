package dev.paperdesk.engine.pricing.surface;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole surface in five numbers, Gatheral and Jacquier's SSVI with a power-law curvature and a
 * mean-reverting ATM term structure; it produces raw SVI slices free of static arbitrage by
 * construction.
 *
 * <ul>
 *   <li>ATM total variance θ(t) = σ_∞²·t + (σ_0² − σ_∞²)·τ·(1 − e^{−t/τ}): short-dated ATM volatility
 *       σ_0, long-dated σ_∞, relaxation time τ years. θ is increasing, so there is no calendar arbitrage
 *       at the money.
 *   <li>Curvature φ(θ) = η / (θ^{1/2}·(1 + θ)^{1/2}) with skew ρ; η·(1 + |ρ|) ≤ 2 is Gatheral and
 *       Jacquier's sufficient condition (their Remark 4.4 with γ = ½) for no butterfly arbitrage, and
 *       θ·φ(θ) increasing rules out calendar arbitrage across slices (their Theorem 4.1).
 * </ul>
 */
public record SsviParameters(double atmVolShort, double atmVolLong, double relaxationYears, double rho, double eta) {

    public SsviParameters {
        if (!(atmVolShort > 0.0) || !(atmVolLong > 0.0) || !(relaxationYears > 0.0)) {
            throw new IllegalArgumentException("SSVI volatilities and relaxation time must be positive");
        }
        if (!(Math.abs(rho) < 1.0)) {
            throw new IllegalArgumentException("SSVI ρ must be in (−1, 1), got " + rho);
        }
        if (!(eta > 0.0) || eta * (1.0 + Math.abs(rho)) > 2.0) {
            throw new IllegalArgumentException(
                    "SSVI needs 0 < η and η(1 + |ρ|) ≤ 2 to be free of butterfly arbitrage, got η=" + eta + ", ρ="
                            + rho);
        }
    }

    /** A listed-equity shape: 25% ATM short, 22% long, strong negative skew. */
    public static SsviParameters equity(double atmVol) {
        return new SsviParameters(atmVol, 0.9 * atmVol, 0.5, -0.7, 1.1);
    }

    /** A crypto shape: high ATM volatility, flatter term structure, mild skew. */
    public static SsviParameters crypto(double atmVol) {
        return new SsviParameters(atmVol, 0.85 * atmVol, 0.3, -0.15, 1.5);
    }

    /** ATM total variance θ(t). */
    public double atmTotalVariance(double t) {
        double s0 = atmVolShort * atmVolShort;
        double sInf = atmVolLong * atmVolLong;
        return sInf * t + (s0 - sInf) * relaxationYears * (1.0 - Math.exp(-t / relaxationYears));
    }

    /** The raw SVI slice at expiry t. */
    public SviSlice slice(double t) {
        double theta = atmTotalVariance(t);
        double phi = eta / Math.sqrt(theta * (1.0 + theta));
        return new SviSlice(t, SviParameters.fromSsvi(theta, phi, rho));
    }

    /** A surface with one slice per expiry (years, strictly increasing). */
    public SviVolatilitySurface surface(double... expiries) {
        List<SviSlice> slices = new ArrayList<>(expiries.length);
        for (double t : expiries) {
            slices.add(slice(t));
        }
        return new SviVolatilitySurface(slices);
    }
}
