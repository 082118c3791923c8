package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.pricing.BivariateNormal;
import dev.paperdesk.engine.pricing.StandardNormal;

/**
 * Bjerksund–Stensland 2002 transcribed term by term from Haug (2nd ed., §3.1.4), with the general
 * bivariate normal and a logarithm and power per term: the oracle the pricer's shared-term kernel is
 * checked against.
 */
final class Bs2002Reference {
    private Bs2002Reference() {}

    static double call(double s, double k, double t, double r, double b, double v) {
        if (b >= r) {
            return BlackScholesEuropeanPricer.price(1.0, s, k, t, r, r - b, v);
        }
        double v2 = v * v;
        double beta = (0.5 - b / v2) + Math.sqrt((b / v2 - 0.5) * (b / v2 - 0.5) + 2.0 * r / v2);
        double bInf = beta / (beta - 1.0) * k;
        double b0 = Math.max(k, r / (r - b) * k);
        double t1 = 0.5 * (Math.sqrt(5.0) - 1.0) * t;
        double ht1 = -(b * t1 + 2.0 * v * Math.sqrt(t1)) * k * k / ((bInf - b0) * b0);
        double ht2 = -(b * t + 2.0 * v * Math.sqrt(t)) * k * k / ((bInf - b0) * b0);
        double i1 = b0 + (bInf - b0) * (1.0 - Math.exp(ht1));
        double i2 = b0 + (bInf - b0) * (1.0 - Math.exp(ht2));
        if (s >= i2) {
            return s - k;
        }
        double alpha1 = (i1 - k) * Math.pow(i1, -beta);
        double alpha2 = (i2 - k) * Math.pow(i2, -beta);
        return alpha2 * Math.pow(s, beta)
                - alpha2 * phi(s, t1, beta, i2, i2, r, b, v)
                + phi(s, t1, 1.0, i2, i2, r, b, v)
                - phi(s, t1, 1.0, i1, i2, r, b, v)
                - k * phi(s, t1, 0.0, i2, i2, r, b, v)
                + k * phi(s, t1, 0.0, i1, i2, r, b, v)
                + alpha1 * phi(s, t1, beta, i1, i2, r, b, v)
                - alpha1 * psi(s, t, beta, i1, i2, i1, t1, r, b, v)
                + psi(s, t, 1.0, i1, i2, i1, t1, r, b, v)
                - psi(s, t, 1.0, k, i2, i1, t1, r, b, v)
                - k * psi(s, t, 0.0, i1, i2, i1, t1, r, b, v)
                + k * psi(s, t, 0.0, k, i2, i1, t1, r, b, v);
    }

    private static double phi(double s, double t, double gamma, double h, double i, double r, double b, double v) {
        double v2 = v * v;
        double sqrtT = Math.sqrt(t);
        double lambda = (-r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2) * t;
        double d = -(Math.log(s / h) + (b + (gamma - 0.5) * v2) * t) / (v * sqrtT);
        double kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
        return Math.exp(lambda)
                * Math.pow(s, gamma)
                * (StandardNormal.cdf(d)
                        - Math.pow(i / s, kappa) * StandardNormal.cdf(d - 2.0 * Math.log(i / s) / (v * sqrtT)));
    }

    private static double psi(
            double s, double t, double gamma, double h, double i2, double i1, double t1, double r, double b, double v) {
        double v2 = v * v;
        double drift = b + (gamma - 0.5) * v2;
        double sd1 = v * Math.sqrt(t1);
        double sd = v * Math.sqrt(t);
        double e1 = (Math.log(s / i1) + drift * t1) / sd1;
        double e2 = (Math.log(i2 * i2 / (s * i1)) + drift * t1) / sd1;
        double e3 = (Math.log(s / i1) - drift * t1) / sd1;
        double e4 = (Math.log(i2 * i2 / (s * i1)) - drift * t1) / sd1;
        double f1 = (Math.log(s / h) + drift * t) / sd;
        double f2 = (Math.log(i2 * i2 / (s * h)) + drift * t) / sd;
        double f3 = (Math.log(i1 * i1 / (s * h)) + drift * t) / sd;
        double f4 = (Math.log(s * i1 * i1 / (h * i2 * i2)) + drift * t) / sd;
        double rho = Math.sqrt(t1 / t);
        double lambda = -r + gamma * b + 0.5 * gamma * (gamma - 1.0) * v2;
        double kappa = 2.0 * b / v2 + (2.0 * gamma - 1.0);
        return Math.exp(lambda * t)
                * Math.pow(s, gamma)
                * (BivariateNormal.cdf(-e1, -f1, rho)
                        - Math.pow(i2 / s, kappa) * BivariateNormal.cdf(-e2, -f2, rho)
                        - Math.pow(i1 / s, kappa) * BivariateNormal.cdf(-e3, -f3, -rho)
                        + Math.pow(i1 / i2, kappa) * BivariateNormal.cdf(-e4, -f4, -rho));
    }
}
