package dev.paperdesk.engine.indicator;

/**
 * Wilder's parabolic stop-and-reverse following TA-Lib's SAR: the first bar only seeds; at the
 * second bar the trend starts short if the low fell by more than the high rose (a positive −DM),
 * long otherwise, with the SAR at the first bar's low (long) or high (short) and the extreme point
 * at the second bar's high (long) or low (short). Each bar outputs the SAR computed for it, then
 * the next SAR is {@code sar + af (ep − sar)}, kept outside the last two bars' range; the
 * acceleration {@code af} starts at {@code acceleration}, grows by it with every new extreme, and
 * stops at {@code maximum}. A bar that crosses the SAR reverses the trend, outputs the old extreme
 * point (bounded by the bars' range) and resets {@code af}. Lookback 1.
 */
public final class ParabolicSar implements StreamingIndicator {
    private final double acceleration;
    private final double maximum;
    private int count;
    private boolean isLong;
    private double af;
    private double ep;
    private double sar;
    private double prevHigh;
    private double prevLow;
    private double value = Double.NaN;

    public ParabolicSar(double acceleration, double maximum) {
        this.acceleration = PeriodChecks.positive("SAR acceleration", acceleration);
        this.maximum = PeriodChecks.positive("SAR maximum", maximum);
        if (acceleration > maximum) {
            throw new IllegalArgumentException(
                    "SAR acceleration must not exceed the maximum, was " + acceleration + " > " + maximum);
        }
    }

    /** Feeds the next bar. */
    public void update(double high, double low) {
        if (count == 0) {
            prevHigh = high;
            prevLow = low;
            count = 1;
            return;
        }
        if (count == 1) {
            double up = high - prevHigh;
            double down = prevLow - low;
            boolean minusDm = down > 0 && up < down;
            isLong = !minusDm;
            af = acceleration;
            if (isLong) {
                ep = high;
                sar = prevLow;
            } else {
                ep = low;
                sar = prevHigh;
            }
            // TA-Lib lets the second bar stand in for "yesterday" on its own first step.
            prevHigh = high;
            prevLow = low;
            count = 2;
        }
        double newHigh = high;
        double newLow = low;
        if (isLong) {
            if (newLow <= sar) {
                isLong = false;
                sar = Math.max(ep, Math.max(prevHigh, newHigh));
                value = sar;
                af = acceleration;
                ep = newLow;
                sar = sar + af * (ep - sar);
                sar = Math.max(sar, Math.max(prevHigh, newHigh));
            } else {
                value = sar;
                if (newHigh > ep) {
                    ep = newHigh;
                    af = Math.min(af + acceleration, maximum);
                }
                sar = sar + af * (ep - sar);
                sar = Math.min(sar, Math.min(prevLow, newLow));
            }
        } else if (newHigh >= sar) {
            isLong = true;
            sar = Math.min(ep, Math.min(prevLow, newLow));
            value = sar;
            af = acceleration;
            ep = newHigh;
            sar = sar + af * (ep - sar);
            sar = Math.min(sar, Math.min(prevLow, newLow));
        } else {
            value = sar;
            if (newLow < ep) {
                ep = newLow;
                af = Math.min(af + acceleration, maximum);
            }
            sar = sar + af * (ep - sar);
            sar = Math.max(sar, Math.max(prevHigh, newHigh));
        }
        prevHigh = newHigh;
        prevLow = newLow;
    }

    /** The SAR of the latest bar, NaN on the first bar. */
    public double value() {
        return value;
    }

    /** Whether the current trend is long (SAR below price). */
    public boolean isLong() {
        return isLong;
    }

    @Override
    public void update(long epochMillis, double open, double high, double low, double close, double volume) {
        update(high, low);
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public double value(int output) {
        return value;
    }

    @Override
    public boolean isReady() {
        return count >= 2;
    }

    @Override
    public int lookback(int output) {
        return 1;
    }

    @Override
    public void reset() {
        count = 0;
        isLong = false;
        af = 0.0;
        ep = 0.0;
        sar = 0.0;
        prevHigh = 0.0;
        prevLow = 0.0;
        value = Double.NaN;
    }

    /** SAR of the bars: NaN for the first entry. */
    public static double[] batch(double[] high, double[] low, double acceleration, double maximum) {
        return OhlcvArrays.ofHlc(high, low, low).run(new ParabolicSar(acceleration, maximum))[0];
    }
}
