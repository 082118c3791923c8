package dev.paperdesk.engine.pricing.option;

/**
 * Backward induction of an American vanilla option on a recombining binomial lattice, with delta,
 * gamma and theta read off the first two time steps.
 *
 * <p>Node prices are S·u^j·d^{i−j}, built from two tables of powers so the inner loop carries no
 * multiplication chain. Theta uses the middle node two steps ahead; when u·d ≠ 1 (Leisen–Reimer) that
 * node is not at S, and the value there is moved back to S with the lattice delta and gamma before
 * differencing in time.
 */
final class BinomialLattice {
    private BinomialLattice() {}

    /** Value, delta, gamma and theta (per year, time passing) of one lattice roll-back. */
    record Result(double value, double delta, double gamma, double theta) {}

    /**
     * Rolls back an American option: sign +1 call, −1 put; n steps over t years with up factor u, down
     * factor d, up probability p and discount per step disc.
     */
    static Result roll(double sign, double s, double k, double t, int n, double u, double d, double p, double disc) {
        double[] powU = new double[n + 1];
        double[] powD = new double[n + 1];
        powU[0] = 1.0;
        powD[0] = 1.0;
        for (int j = 1; j <= n; j++) {
            powU[j] = powU[j - 1] * u;
            powD[j] = powD[j - 1] * d;
        }
        double[] v = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            v[j] = Math.max(sign * (s * powU[j] * powD[n - j] - k), 0.0);
        }
        double pu = disc * p;
        double pd = disc * (1.0 - p);
        double v20 = 0;
        double v21 = 0;
        double v22 = 0;
        double v10 = 0;
        double v11 = 0;
        for (int i = n - 1; i >= 0; i--) {
            for (int j = 0; j <= i; j++) {
                double continuation = pu * v[j + 1] + pd * v[j];
                double exercise = sign * (s * powU[j] * powD[i - j] - k);
                v[j] = Math.max(continuation, exercise);
            }
            if (i == 2) {
                v20 = v[0];
                v21 = v[1];
                v22 = v[2];
            } else if (i == 1) {
                v10 = v[0];
                v11 = v[1];
            }
        }
        double value = v[0];
        if (n < 2) {
            double delta = n == 1 ? (v11 - v10) / (s * u - s * d) : 0.0;
            return new Result(value, delta, 0.0, 0.0);
        }
        double s10 = s * d;
        double s11 = s * u;
        double s20 = s * d * d;
        double s21 = s * u * d;
        double s22 = s * u * u;
        double delta = (v11 - v10) / (s11 - s10);
        double gamma = ((v22 - v21) / (s22 - s21) - (v21 - v20) / (s21 - s20)) / (0.5 * (s22 - s20));
        double dt = t / n;
        double shift = s21 - s;
        double v21AtSpot = v21 - delta * shift - 0.5 * gamma * shift * shift;
        double theta = (v21AtSpot - value) / (2.0 * dt);
        return new Result(value, delta, gamma, theta);
    }

    /**
     * The American value when the underlying is certain to follow its forward (zero volatility or a
     * degenerate lattice): the best of exercising at each of n+1 equally spaced dates.
     */
    static double deterministic(double sign, double s, double k, double t, double r, double b, int n) {
        double best = 0.0;
        int steps = Math.max(n, 1);
        for (int i = 0; i <= steps; i++) {
            double ti = t * i / steps;
            best = Math.max(best, Math.exp(-r * ti) * sign * (s * Math.exp(b * ti) - k));
        }
        return best;
    }
}
