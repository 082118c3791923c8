package dev.paperdesk.engine.pricing.option;

/**
 * A reusable, mutable holder for one option's value and its five first-order Greeks, filled by the
 * allocation-free pricer entry points so that a chain refresh allocates nothing per contract.
 *
 * <p>Units are those of {@link OptionValuation}: per unit of underlying, vega per 1.00 of volatility,
 * theta per year of calendar time passing, rho per 1.00 of rate. One holder belongs to one thread; the
 * caller copies what it keeps before the next fill.
 */
public final class PriceAndGreeks {
    double value;
    double delta;
    double gamma;
    double vega;
    double theta;
    double rho;
    private BjerksundStenslandAmericanPricer.Workspace bs2002;

    /** Scratch for the Bjerksund–Stensland kernel, created on first use so BSM-only holders stay small. */
    BjerksundStenslandAmericanPricer.Workspace bs2002() {
        BjerksundStenslandAmericanPricer.Workspace w = bs2002;
        if (w == null) {
            w = new BjerksundStenslandAmericanPricer.Workspace();
            bs2002 = w;
        }
        return w;
    }

    /** The value per unit of underlying. */
    public double value() {
        return value;
    }

    /** ∂V/∂S. */
    public double delta() {
        return delta;
    }

    /** ∂²V/∂S². */
    public double gamma() {
        return gamma;
    }

    /** ∂V/∂σ per 1.00 of volatility. */
    public double vega() {
        return vega;
    }

    /** ∂V/∂t per year of calendar time passing. */
    public double theta() {
        return theta;
    }

    /** ∂V/∂r per 1.00 of rate, dividend yield held fixed. */
    public double rho() {
        return rho;
    }

    void set(double value, double delta, double gamma, double vega, double theta, double rho) {
        this.value = value;
        this.delta = delta;
        this.gamma = gamma;
        this.vega = vega;
        this.theta = theta;
        this.rho = rho;
    }

    @Override
    public String toString() {
        return "PriceAndGreeks[value=" + value + ", delta=" + delta + ", gamma=" + gamma + ", vega=" + vega + ", theta="
                + theta + ", rho=" + rho + "]";
    }
}
