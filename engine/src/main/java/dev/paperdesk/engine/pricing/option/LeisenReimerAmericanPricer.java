package dev.paperdesk.engine.pricing.option;

/**
 * American option on the Leisen–Reimer (1996) binomial tree, which centres the lattice on the strike
 * through the Peizer–Pratt inversion (method 2) of the normal distribution:
 *
 * <pre>
 *   h(z) = ½ + sign(z)·½·√(1 − exp(−(z / (n + ⅓ + 0.1/(n+1)))²·(n + ⅙)))
 *   p = h(d2), p' = h(d1), u = e^{bΔt}·p'/p, d = (e^{bΔt} − p·u)/(1 − p)
 * </pre>
 *
 * The step count must be odd; an even count is raised by one. Its error falls like 1/n² without the
 * odd–even oscillation of Cox–Ross–Rubinstein, which makes its bumped Greeks and implied volatility
 * smooth. Delta, gamma and theta come from the lattice, the other Greeks from repriced trees.
 */
public final class LeisenReimerAmericanPricer extends TreeAmericanPricer {
    /** Steps of the {@link #DEFAULT} tree. */
    public static final int DEFAULT_STEPS = 1001;

    /** A 1,001-step tree. */
    public static final LeisenReimerAmericanPricer DEFAULT = new LeisenReimerAmericanPricer(DEFAULT_STEPS);

    private LeisenReimerAmericanPricer(int steps) {
        super(steps);
    }

    /** A tree with {@code steps} time steps, raised to the next odd number if even (3 to 100,001). */
    public static LeisenReimerAmericanPricer withSteps(int steps) {
        int odd = steps % 2 == 0 ? steps + 1 : steps;
        return odd == DEFAULT_STEPS ? DEFAULT : new LeisenReimerAmericanPricer(odd);
    }

    @Override
    BinomialLattice.Result lattice(OptionInputs in) {
        int n = steps();
        double t = in.expiry();
        double b = in.costOfCarry();
        double stdDev = in.volatility() * Math.sqrt(t);
        double d1 = (Math.log(in.spot() / in.strike()) + b * t) / stdDev + 0.5 * stdDev;
        double d2 = d1 - stdDev;
        double p = peizerPratt(d2, n);
        double pp = peizerPratt(d1, n);
        double dt = t / n;
        double growth = Math.exp(b * dt);
        double u = growth * pp / p;
        double d = (growth - p * u) / (1.0 - p);
        if (!(p > 0.0 && p < 1.0 && d > 0.0 && u > d && Double.isFinite(u))) {
            return null; // volatility so low against moneyness that the path is certain
        }
        return BinomialLattice.roll(
                in.sign(), in.spot(), in.strike(), t, n, u, d, p, Math.exp(-in.rate() * dt), in.volatility());
    }

    /** Peizer–Pratt method 2 inversion: the probability of the binomial that matches N(z) for n steps. */
    static double peizerPratt(double z, int n) {
        double a = z / (n + 1.0 / 3.0 + 0.1 / (n + 1.0));
        double root = 0.5 * Math.sqrt(1.0 - Math.exp(-a * a * (n + 1.0 / 6.0)));
        return z >= 0.0 ? 0.5 + root : 0.5 - root;
    }
}
