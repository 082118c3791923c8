package dev.paperdesk.engine.pricing.option;

/**
 * The value of one option and its sensitivities, in the units every pricer of this package uses.
 *
 * <ul>
 *   <li>{@code value}: price per unit of underlying (multiply by the contract multiplier for a contract).
 *   <li>{@code delta} = ∂V/∂S; {@code gamma} = ∂²V/∂S².
 *   <li>{@code vega} = ∂V/∂σ per 1.00 of volatility (σ from 0.20 to 1.20); {@link #vegaPerPoint()} is per
 *       volatility point (0.20 to 0.21), vega / 100.
 *   <li>{@code theta} = ∂V/∂t per year of calendar time passing (the negative of ∂V/∂T, so a long
 *       option usually has negative theta); {@link #thetaPerDay()} is per calendar day, theta / 365.
 *   <li>{@code rho} = ∂V/∂r per 1.00 of rate, dividend yield held fixed (so the carry moves with r);
 *       {@link #rhoPerPoint()} is per percentage point, rho / 100.
 *   <li>{@code vanna} = ∂²V/∂S∂σ = ∂delta/∂σ, per 1.00 of volatility.
 *   <li>{@code volga} = ∂²V/∂σ² (vomma), per 1.00 of volatility squared.
 *   <li>{@code charm} = ∂delta/∂t per year of calendar time passing (delta decay).
 * </ul>
 */
public record OptionValuation(
        double value,
        double delta,
        double gamma,
        double vega,
        double theta,
        double rho,
        double vanna,
        double volga,
        double charm) {

    /** Calendar days per year in the per-day theta convention (ACT/365F). */
    public static final double DAYS_PER_YEAR = 365.0;

    /** Theta per calendar day: theta / 365. */
    public double thetaPerDay() {
        return theta / DAYS_PER_YEAR;
    }

    /** Vega per volatility point (0.01): vega / 100. */
    public double vegaPerPoint() {
        return vega / 100.0;
    }

    /** Rho per percentage point of rate (0.01): rho / 100. */
    public double rhoPerPoint() {
        return rho / 100.0;
    }

    /** Charm per calendar day: charm / 365. */
    public double charmPerDay() {
        return charm / DAYS_PER_YEAR;
    }
}
