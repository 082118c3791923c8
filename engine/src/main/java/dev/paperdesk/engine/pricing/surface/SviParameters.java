package dev.paperdesk.engine.pricing.surface;

/**
 * One expiry's smile in Gatheral's raw SVI parametrisation of total implied variance:
 *
 * <pre>  w(k) = a + b·(ρ·(k − m) + √((k − m)² + σ²))</pre>
 *
 * a sets the level, b the wing slopes, ρ the skew (negative for equities: puts richer than calls), m
 * shifts the smile and σ rounds its vertex. Validated so that w is defined and non-negative everywhere:
 * b ≥ 0, |ρ| &lt; 1, σ &gt; 0 and the minimum a + b·σ·√(1 − ρ²) ≥ 0.
 */
public record SviParameters(double a, double b, double rho, double m, double sigma) {

    public SviParameters {
        if (!Double.isFinite(a) || !Double.isFinite(m)) {
            throw new IllegalArgumentException("SVI a and m must be finite, got a=" + a + ", m=" + m);
        }
        if (!(b >= 0.0) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("SVI b must be finite and ≥ 0, got " + b);
        }
        if (!(Math.abs(rho) < 1.0)) {
            throw new IllegalArgumentException("SVI ρ must be in (−1, 1), got " + rho);
        }
        if (!(sigma > 0.0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("SVI σ must be finite and > 0, got " + sigma);
        }
        if (a + b * sigma * Math.sqrt(1.0 - rho * rho) < 0.0) {
            throw new IllegalArgumentException(
                    "SVI total variance would be negative at its minimum: a + bσ√(1−ρ²) < 0");
        }
    }

    /** Total implied variance w(k). */
    public double totalVariance(double k) {
        double y = k - m;
        return a + b * (rho * y + Math.sqrt(y * y + sigma * sigma));
    }

    /** ∂w/∂k. */
    public double slope(double k) {
        double y = k - m;
        return b * (rho + y / Math.sqrt(y * y + sigma * sigma));
    }

    /** ∂²w/∂k². */
    public double curvature(double k) {
        double y = k - m;
        double r = Math.sqrt(y * y + sigma * sigma);
        return b * sigma * sigma / (r * r * r);
    }

    /**
     * Gatheral's butterfly function g(k) = (1 − k·w'/(2w))² − (w'²/4)·(1/w + 1/4) + w''/2; the risk-neutral
     * density implied by the slice is non-negative at k exactly when g(k) ≥ 0 (Gatheral and Jacquier,
     * "Arbitrage-free SVI volatility surfaces", Quantitative Finance 14, 2014, §2.2).
     */
    public double butterflyDensity(double k) {
        double w = totalVariance(k);
        double w1 = slope(k);
        double w2 = curvature(k);
        double first = 1.0 - k * w1 / (2.0 * w);
        return first * first - 0.25 * w1 * w1 * (1.0 / w + 0.25) + 0.5 * w2;
    }

    /**
     * The raw SVI form of an SSVI slice with ATM total variance θ and curvature φ (Gatheral and
     * Jacquier 2014, §4): a = θ(1 − ρ²)/2, b = θφ/2, m = −ρ/φ, σ = √(1 − ρ²)/φ.
     */
    public static SviParameters fromSsvi(double theta, double phi, double rho) {
        double s = Math.sqrt(1.0 - rho * rho);
        return new SviParameters(0.5 * theta * (1.0 - rho * rho), 0.5 * theta * phi, rho, -rho / phi, s / phi);
    }
}
