package dev.paperdesk.engine.pricing.option;

import dev.paperdesk.engine.model.Instrument.OptionStyle;

/**
 * What the binomial American pricers share: the lattice Greeks (delta, gamma, theta), bumped Greeks
 * for the rest, the degenerate zero-volatility case and implied volatility by bracketing.
 */
abstract sealed class TreeAmericanPricer implements OptionPricer
        permits CoxRossRubinsteinAmericanPricer, LeisenReimerAmericanPricer {
    private final int steps;

    TreeAmericanPricer(int steps) {
        if (steps < 2 || steps > 100_000) {
            throw new IllegalArgumentException("tree steps must be between 2 and 100000, got " + steps);
        }
        this.steps = steps;
    }

    /** The number of time steps of the lattice. */
    public int steps() {
        return steps;
    }

    @Override
    public final OptionStyle style() {
        return OptionStyle.AMERICAN;
    }

    /** The lattice for these inputs, or null when it degenerates (then the forward path is certain). */
    abstract BinomialLattice.Result lattice(OptionInputs in);

    final BinomialLattice.Result evaluate(OptionInputs in) {
        if (in.expiry() > 0.0 && in.volatility() > 0.0) {
            BinomialLattice.Result r = lattice(in);
            if (r != null) {
                return r;
            }
        }
        return deterministic(in);
    }

    private BinomialLattice.Result deterministic(OptionInputs in) {
        double sign = in.sign();
        double value = BinomialLattice.deterministic(
                sign, in.spot(), in.strike(), in.expiry(), in.rate(), in.costOfCarry(), steps);
        double h = in.spot() * 1e-6;
        double up = BinomialLattice.deterministic(
                sign, in.spot() + h, in.strike(), in.expiry(), in.rate(), in.costOfCarry(), steps);
        double down = BinomialLattice.deterministic(
                sign, in.spot() - h, in.strike(), in.expiry(), in.rate(), in.costOfCarry(), steps);
        return new BinomialLattice.Result(value, (up - down) / (2.0 * h), 0.0, 0.0);
    }

    @Override
    public final double price(OptionInputs in) {
        return evaluate(in).value();
    }

    @Override
    public final OptionValuation valuation(OptionInputs in) {
        BinomialLattice.Result r = evaluate(in);
        if (in.expiry() == 0.0) {
            return new OptionValuation(r.value(), r.delta(), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        }
        return FiniteDifferenceGreeks.complete(
                this::price,
                x -> evaluate(x).delta(),
                in,
                FiniteDifferenceGreeks.LATTICE,
                r.value(),
                r.delta(),
                r.gamma(),
                r.theta());
    }

    @Override
    public final ImpliedVolatility impliedVolatility(OptionInputs in, double marketPrice) {
        return AmericanImpliedVolatilitySolver.solve(this, in, marketPrice);
    }
}
