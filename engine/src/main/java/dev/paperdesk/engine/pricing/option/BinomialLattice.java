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
     * Nodes further than this many standard deviations of ln S_T from the spot are left out of the roll
     * back: the tree reaches them with probability below 2·e^{−32} ≈ 3e-14, so the intrinsic value
     * assumed there moves the root value by less than 3e-14 of the spot, while a 1,000-step tree at 30%
     * volatility over a year then visits under half of its 500,000 nodes.
     */
    static final double BAND_STD_DEVS = 8.0;

    /**
     * Rolls back an American option: sign +1 call, −1 put; n steps over t years with up factor u, down
     * factor d, up probability p and discount per step disc; vol is the volatility the band of visited
     * nodes is sized from.
     */
    static Result roll(
            double sign, double s, double k, double t, int n, double u, double d, double p, double disc, double vol) {
        double lu = Math.log(u);
        double ld = Math.log(d);
        double drift = Math.abs(lu * p + ld * (1.0 - p)) * n;
        return rollBand(sign, s, k, t, n, u, d, p, disc, BAND_STD_DEVS * vol * Math.sqrt(t) + drift);
    }

    /**
     * The roll back visiting only nodes with |ln(node/S)| ≤ halfWidth (infinite: the whole tree). Nodes
     * just outside the band that a visited node needs take their exercise value.
     */
    static Result rollBand(
            double sign,
            double s,
            double k,
            double t,
            int n,
            double u,
            double d,
            double p,
            double disc,
            double halfWidth) {
        double[] powU = new double[n + 1];
        double[] powD = new double[n + 1];
        powU[0] = 1.0;
        powD[0] = 1.0;
        for (int j = 1; j <= n; j++) {
            powU[j] = powU[j - 1] * u;
            powD[j] = powD[j - 1] * d;
        }
        double lu = Math.log(u);
        double ld = Math.log(d);
        double spread = lu - ld;
        double sk = sign * k;
        double[] v = new double[n + 1];
        // Node (i, j) sits at ln(node/S) = j·lu + (i − j)·ld, increasing in j.
        int lo = bandLow(n, n, ld, spread, halfWidth);
        int hi = bandHigh(n, n, ld, spread, halfWidth);
        for (int j = lo; j <= hi; j++) {
            v[j] = Math.max(sign * s * powU[j] * powD[n - j] - sk, 0.0);
        }
        double pu = disc * p;
        double pd = disc * (1.0 - p);
        double v20 = 0;
        double v21 = 0;
        double v22 = 0;
        double v10 = 0;
        double v11 = 0;
        for (int i = n - 1; i >= 0; i--) {
            int newLo = bandLow(i, i, ld, spread, halfWidth);
            int newHi = bandHigh(i, i, ld, spread, halfWidth);
            // Level i + 1 must hold values on [newLo, newHi + 1]; fill what its band left out.
            for (int j = newLo; j < lo; j++) {
                v[j] = Math.max(sign * s * powU[j] * powD[i + 1 - j] - sk, 0.0);
            }
            for (int j = Math.max(hi + 1, newLo); j <= newHi + 1; j++) {
                v[j] = Math.max(sign * s * powU[j] * powD[i + 1 - j] - sk, 0.0);
            }
            for (int j = newLo; j <= newHi; j++) {
                double continuation = pu * v[j + 1] + pd * v[j];
                double exercise = sign * s * powU[j] * powD[i - j] - sk;
                v[j] = Math.max(continuation, exercise);
            }
            lo = newLo;
            hi = newHi;
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

    /** The first j of level i inside the band (at most i, at least 0). */
    private static int bandLow(int i, int max, double ld, double spread, double halfWidth) {
        double j = Math.ceil((-halfWidth - i * ld) / spread);
        return j <= 0.0 ? 0 : (int) Math.min(j, max);
    }

    /** The last j of level i inside the band (at least 0, at most i). */
    private static int bandHigh(int i, int max, double ld, double spread, double halfWidth) {
        double j = Math.floor((halfWidth - i * ld) / spread);
        return j >= max ? max : (int) Math.max(j, 0.0);
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
