package dev.paperdesk.engine.pricing.strategy;

/** Profit and loss of a position across underlying prices, sampled in ascending order of spot. */
public record PayoffCurve(double[] spots, double[] profits) {
    public PayoffCurve {
        if (spots.length != profits.length) {
            throw new IllegalArgumentException(
                    "spots and profits differ in length: " + spots.length + " vs " + profits.length);
        }
        spots = spots.clone();
        profits = profits.clone();
    }

    /** Number of points. */
    public int size() {
        return spots.length;
    }

    @Override
    public double[] spots() {
        return spots.clone();
    }

    @Override
    public double[] profits() {
        return profits.clone();
    }
}
