package dev.paperdesk.engine.pricing;

/**
 * A textbook implementation to benchmark against: every Greek recomputes d1 and d2, the normal CDF is
 * Abramowitz–Stegun 26.2.17 (seven digits), implied volatility is bisection and the binomial tree
 * stores the full lattice in a two-dimensional array with Math.pow per node.
 */
final class NaiveBlackScholes {
    private NaiveBlackScholes() {}

    static double cnd(double x) {
        double k = 1.0 / (1.0 + 0.2316419 * Math.abs(x));
        double poly = k * (0.319381530 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
        double tail = Math.exp(-x * x / 2.0) / Math.sqrt(2.0 * Math.PI) * poly;
        return x >= 0 ? 1.0 - tail : tail;
    }

    static double pdf(double x) {
        return Math.exp(-x * x / 2.0) / Math.sqrt(2.0 * Math.PI);
    }

    static double d1(double s, double k, double t, double r, double q, double v) {
        return (Math.log(s / k) + (r - q + v * v / 2.0) * t) / (v * Math.sqrt(t));
    }

    static double d2(double s, double k, double t, double r, double q, double v) {
        return d1(s, k, t, r, q, v) - v * Math.sqrt(t);
    }

    static double price(boolean call, double s, double k, double t, double r, double q, double v) {
        if (call) {
            return s * Math.exp(-q * t) * cnd(d1(s, k, t, r, q, v)) - k * Math.exp(-r * t) * cnd(d2(s, k, t, r, q, v));
        }
        return k * Math.exp(-r * t) * cnd(-d2(s, k, t, r, q, v)) - s * Math.exp(-q * t) * cnd(-d1(s, k, t, r, q, v));
    }

    static double delta(boolean call, double s, double k, double t, double r, double q, double v) {
        double nd1 = cnd(d1(s, k, t, r, q, v));
        return call ? Math.exp(-q * t) * nd1 : Math.exp(-q * t) * (nd1 - 1.0);
    }

    static double gamma(double s, double k, double t, double r, double q, double v) {
        return Math.exp(-q * t) * pdf(d1(s, k, t, r, q, v)) / (s * v * Math.sqrt(t));
    }

    static double vega(double s, double k, double t, double r, double q, double v) {
        return s * Math.exp(-q * t) * pdf(d1(s, k, t, r, q, v)) * Math.sqrt(t);
    }

    static double theta(boolean call, double s, double k, double t, double r, double q, double v) {
        double d1 = d1(s, k, t, r, q, v);
        double d2 = d2(s, k, t, r, q, v);
        double common = -s * Math.exp(-q * t) * pdf(d1) * v / (2.0 * Math.sqrt(t));
        if (call) {
            return common + q * s * Math.exp(-q * t) * cnd(d1) - r * k * Math.exp(-r * t) * cnd(d2);
        }
        return common - q * s * Math.exp(-q * t) * cnd(-d1) + r * k * Math.exp(-r * t) * cnd(-d2);
    }

    static double rho(boolean call, double s, double k, double t, double r, double q, double v) {
        double d2 = d2(s, k, t, r, q, v);
        return call ? k * t * Math.exp(-r * t) * cnd(d2) : -k * t * Math.exp(-r * t) * cnd(-d2);
    }

    /** Bisection on [1e-4, 5] until the bracket is below 1e-10 (about 36 price evaluations). */
    static double impliedVolatility(boolean call, double s, double k, double t, double r, double q, double target) {
        double lo = 1e-4;
        double hi = 5.0;
        while (hi - lo > 1e-10) {
            double mid = 0.5 * (lo + hi);
            if (price(call, s, k, t, r, q, mid) > target) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Cox–Ross–Rubinstein American option with the whole lattice kept in memory. */
    static double americanCrr(boolean call, double s, double k, double t, double r, double q, double v, int n) {
        double dt = t / n;
        double u = Math.exp(v * Math.sqrt(dt));
        double d = 1.0 / u;
        double p = (Math.exp((r - q) * dt) - d) / (u - d);
        double[][] values = new double[n + 1][];
        values[n] = new double[n + 1];
        for (int j = 0; j <= n; j++) {
            double st = s * Math.pow(u, j) * Math.pow(d, n - j);
            values[n][j] = Math.max(call ? st - k : k - st, 0.0);
        }
        for (int i = n - 1; i >= 0; i--) {
            values[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                double st = s * Math.pow(u, j) * Math.pow(d, i - j);
                double hold = Math.exp(-r * dt) * (p * values[i + 1][j + 1] + (1 - p) * values[i + 1][j]);
                values[i][j] = Math.max(hold, call ? st - k : k - st);
            }
        }
        return values[0][0];
    }
}
