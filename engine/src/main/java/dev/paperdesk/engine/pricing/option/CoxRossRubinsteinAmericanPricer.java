package dev.paperdesk.engine.pricing.option;

/**
 * American option on the Cox–Ross–Rubinstein (1979) binomial tree: u = e^{σ√Δt}, d = 1/u,
 * p = (e^{bΔt} − d)/(u − d).
 *
 * <p>Delta, gamma and theta come from the lattice; vega, rho, vanna, volga and charm from repriced
 * trees. The CRR value oscillates with the step count (error of order 1/n), so its bumped second-order
 * Greeks are noisy; {@link LeisenReimerAmericanPricer} converges smoothly and is the better default.
 * The tree needs σ√Δt &gt; |b|·Δt for p to be a probability.
 */
public final class CoxRossRubinsteinAmericanPricer extends TreeAmericanPricer {
    /** Steps of the {@link #DEFAULT} tree. */
    public static final int DEFAULT_STEPS = 1000;

    /** A 1,000-step tree. */
    public static final CoxRossRubinsteinAmericanPricer DEFAULT = new CoxRossRubinsteinAmericanPricer(DEFAULT_STEPS);

    private CoxRossRubinsteinAmericanPricer(int steps) {
        super(steps);
    }

    /** A tree with {@code steps} time steps (2 to 100,000). */
    public static CoxRossRubinsteinAmericanPricer withSteps(int steps) {
        return steps == DEFAULT_STEPS ? DEFAULT : new CoxRossRubinsteinAmericanPricer(steps);
    }

    @Override
    BinomialLattice.Result lattice(OptionInputs in) {
        int n = steps();
        double dt = in.expiry() / n;
        double u = Math.exp(in.volatility() * Math.sqrt(dt));
        double d = 1.0 / u;
        double p = (Math.exp(in.costOfCarry() * dt) - d) / (u - d);
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException("Cox–Ross–Rubinstein tree with " + n + " steps needs σ√Δt > |b|Δt;"
                    + " volatility " + in.volatility() + " is too low for carry " + in.costOfCarry());
        }
        return BinomialLattice.roll(
                in.sign(), in.spot(), in.strike(), in.expiry(), n, u, d, p, Math.exp(-in.rate() * dt), in.volatility());
    }
}
