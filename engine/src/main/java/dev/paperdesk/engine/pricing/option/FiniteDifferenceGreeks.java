package dev.paperdesk.engine.pricing.option;

import java.util.function.ToDoubleFunction;

/**
 * Greeks by bumping and repricing, for models without closed-form sensitivities: central differences
 * wherever the bumped input stays valid, one-sided ones near zero volatility or expiry.
 */
final class FiniteDifferenceGreeks {
    private FiniteDifferenceGreeks() {}

    /** Bump sizes: relative spot, absolute volatility, absolute rate, absolute time in years. */
    record Bumps(double spotRelative, double volatility, double rate, double time) {}

    /** Smooth analytic approximations tolerate small bumps. */
    static final Bumps ANALYTIC = new Bumps(1e-4, 1e-4, 1e-4, 1e-4);

    /** Lattices are smooth only on the scale of their step, so their bumps are coarser. */
    static final Bumps LATTICE = new Bumps(1e-3, 5e-3, 1e-3, 1.0 / 365.0);

    /** All Greeks of {@code price} by bumping every input. */
    static OptionValuation all(ToDoubleFunction<OptionInputs> price, OptionInputs in, Bumps bumps) {
        double value = price.applyAsDouble(in);
        double hs = in.spot() * bumps.spotRelative();
        double up = price.applyAsDouble(in.withSpot(in.spot() + hs));
        double down = price.applyAsDouble(in.withSpot(in.spot() - hs));
        double delta = (up - down) / (2.0 * hs);
        double gamma = (up - 2.0 * value + down) / (hs * hs);
        ToDoubleFunction<OptionInputs> deltaOf =
                x -> (price.applyAsDouble(x.withSpot(x.spot() + hs)) - price.applyAsDouble(x.withSpot(x.spot() - hs)))
                        / (2.0 * hs);
        return complete(price, deltaOf, in, bumps, value, delta, gamma, theta(price, in, bumps.time(), value));
    }

    /**
     * Completes a lattice valuation: value, delta, gamma and theta from the lattice; vega, volga, vanna,
     * rho and charm from repriced lattices (vanna and charm difference the lattice deltas).
     */
    static OptionValuation complete(
            ToDoubleFunction<OptionInputs> price,
            ToDoubleFunction<OptionInputs> deltaOf,
            OptionInputs in,
            Bumps bumps,
            double value,
            double delta,
            double gamma,
            double theta) {
        double sigma = in.volatility();
        double hv = bumps.volatility();
        double vega;
        double volga;
        double vanna;
        if (sigma > hv) {
            OptionInputs vu = in.withVolatility(sigma + hv);
            OptionInputs vd = in.withVolatility(sigma - hv);
            double pu = price.applyAsDouble(vu);
            double pd = price.applyAsDouble(vd);
            vega = (pu - pd) / (2.0 * hv);
            volga = (pu - 2.0 * value + pd) / (hv * hv);
            vanna = (deltaOf.applyAsDouble(vu) - deltaOf.applyAsDouble(vd)) / (2.0 * hv);
        } else {
            OptionInputs v1 = in.withVolatility(sigma + hv);
            OptionInputs v2 = in.withVolatility(sigma + 2.0 * hv);
            double p1 = price.applyAsDouble(v1);
            double p2 = price.applyAsDouble(v2);
            vega = (p1 - value) / hv;
            volga = (p2 - 2.0 * p1 + value) / (hv * hv);
            vanna = (deltaOf.applyAsDouble(v1) - delta) / hv;
        }
        double hr = bumps.rate();
        double rho =
                (price.applyAsDouble(in.withRate(in.rate() + hr)) - price.applyAsDouble(in.withRate(in.rate() - hr)))
                        / (2.0 * hr);
        double t = in.expiry();
        double ht = Math.min(bumps.time(), 0.5 * t);
        double charm = 0.0;
        if (ht > 0.0) {
            // charm is ∂Δ/∂t with calendar time passing, i.e. −∂Δ/∂T
            charm = -(deltaOf.applyAsDouble(in.withExpiry(t + ht)) - deltaOf.applyAsDouble(in.withExpiry(t - ht)))
                    / (2.0 * ht);
        }
        return new OptionValuation(value, delta, gamma, vega, theta, rho, vanna, volga, charm);
    }

    /** Theta per year of calendar time passing, −∂V/∂T. */
    static double theta(ToDoubleFunction<OptionInputs> price, OptionInputs in, double bump, double value) {
        double t = in.expiry();
        if (t <= 0.0) {
            return 0.0;
        }
        double ht = Math.min(bump, 0.5 * t);
        return -(price.applyAsDouble(in.withExpiry(t + ht)) - price.applyAsDouble(in.withExpiry(t - ht))) / (2.0 * ht);
    }
}
