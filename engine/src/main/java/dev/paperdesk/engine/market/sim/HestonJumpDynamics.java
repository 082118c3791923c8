package dev.paperdesk.engine.market.sim;

/**
 * Parameters of a Heston stochastic-variance process with compound-Poisson jumps (Bates), all
 * annualised in the underlying's own {@link VarianceClock}.
 *
 * <pre>
 *   d ln S = −½ v dt + √v dW₁ + J dN,     J ~ Normal(jumpMean, jumpStd²),  N ~ Poisson(jumpsPerYear)
 *   d v    = κ (θ − v) dt + ξ √v dW₂,     corr(dW₁, dW₂) = ρ,               θ = longRunVol²
 * </pre>
 *
 * The simulator discretises with full-truncation Euler (Lord, Koekkoek and van Dijk, 2010), which
 * keeps the variance usable when ξ is large relative to κθ.
 */
public record HestonJumpDynamics(
        double longRunVol,
        double initialVol,
        double meanReversion,
        double volOfVol,
        double correlation,
        double jumpsPerYear,
        double jumpMean,
        double jumpStd) {
    public HestonJumpDynamics {
        if (!(longRunVol > 0) || !(initialVol > 0)) {
            throw new IllegalArgumentException("volatilities must be positive");
        }
        if (!(meanReversion >= 0) || !(volOfVol >= 0)) {
            throw new IllegalArgumentException("mean reversion and vol of vol must not be negative");
        }
        if (!(correlation >= -1 && correlation <= 1)) {
            throw new IllegalArgumentException("correlation must be in [-1, 1]: " + correlation);
        }
        if (!(jumpsPerYear >= 0) || !(jumpStd >= 0) || !Double.isFinite(jumpMean)) {
            throw new IllegalArgumentException("jump intensity and size deviation must not be negative");
        }
    }

    /** A process without jumps, starting at its long-run volatility. */
    public static HestonJumpDynamics heston(double vol, double meanReversion, double volOfVol, double correlation) {
        return new HestonJumpDynamics(vol, vol, meanReversion, volOfVol, correlation, 0, 0, 0);
    }

    /** The same process with compound-Poisson jumps. */
    public HestonJumpDynamics withJumps(double perYear, double mean, double std) {
        return new HestonJumpDynamics(longRunVol, initialVol, meanReversion, volOfVol, correlation, perYear, mean, std);
    }

    public double longRunVariance() {
        return longRunVol * longRunVol;
    }
}
