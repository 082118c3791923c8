package dev.paperdesk.engine.montecarlo;

import dev.paperdesk.engine.analytics.ReturnSeries;
import java.util.Objects;

/**
 * Politis–Romano stationary bootstrap of periodic returns: blocks of consecutive returns with
 * geometrically distributed lengths of mean {@code meanBlockLength}, wrapping around the end, keep
 * short-range dependence such as volatility clustering.
 *
 * <p>At each step a new block starts at a uniformly drawn index with probability {@code 1 /
 * meanBlockLength}; otherwise the next return of the current block follows. Missing returns count as
 * zero. Paths have as many periods as the series and are annualised with {@code periodsPerYear}.
 *
 * @param returns the original periodic returns, at least one
 * @param meanBlockLength mean block length in periods, {@code >= 1} (1 is the plain i.i.d. bootstrap)
 * @param periodsPerYear periods in a year, for CAGR and Sharpe
 */
public record StationaryBlockBootstrap(ReturnSeries returns, double meanBlockLength, int periodsPerYear)
        implements ResamplingMethod {

    public StationaryBlockBootstrap {
        Objects.requireNonNull(returns, "returns");
        if (returns.isEmpty()) {
            throw new IllegalArgumentException("the block bootstrap needs at least one return");
        }
        if (!(meanBlockLength >= 1) || Double.isInfinite(meanBlockLength)) {
            throw new IllegalArgumentException(
                    "mean block length must be finite and at least 1, not " + meanBlockLength);
        }
        if (periodsPerYear < 1) {
            throw new IllegalArgumentException("periods per year must be at least 1, not " + periodsPerYear);
        }
        for (double r : returns.returns()) {
            if (r <= -1) {
                throw new IllegalArgumentException("a return of -100% or worse cannot be compounded: " + r);
            }
        }
    }

    @Override
    public String name() {
        return "stationary-block-bootstrap";
    }
}
