package dev.paperdesk.engine.arbitrage;

/**
 * A resting limit order's place in the queue at its price: it joins behind the depth it found
 * there and fills once the volume traded at (or through) its price reaches {@code threshold} of
 * that depth (20 % by default, the engine's {@code queue(share=0.2)} model).
 */
public final class QueuePosition {
    private final double price;
    private final double restingDepthAtEntry;
    private final double fillThreshold;
    private double cumulativeVolumeAtPrice;
    private boolean filled;

    public QueuePosition(double price, double restingDepthAtEntry, double fillThreshold) {
        if (!(restingDepthAtEntry >= 0) || !(fillThreshold >= 0 && fillThreshold <= 1)) {
            throw new IllegalArgumentException("resting depth must not be negative and the threshold in [0, 1]: "
                    + restingDepthAtEntry + ", " + fillThreshold);
        }
        this.price = price;
        this.restingDepthAtEntry = restingDepthAtEntry;
        this.fillThreshold = fillThreshold;
    }

    /** Adds volume that traded at or through the order's price; returns whether the order now fills. */
    public boolean traded(double volume) {
        if (!filled && volume > 0) {
            cumulativeVolumeAtPrice += volume;
            filled = shouldFill();
        }
        return filled;
    }

    public boolean shouldFill() {
        return cumulativeVolumeAtPrice >= restingDepthAtEntry * fillThreshold;
    }

    public double price() {
        return price;
    }

    public double restingDepthAtEntry() {
        return restingDepthAtEntry;
    }

    public double fillThreshold() {
        return fillThreshold;
    }

    public double cumulativeVolumeAtPrice() {
        return cumulativeVolumeAtPrice;
    }

    public boolean isFilled() {
        return filled;
    }
}
