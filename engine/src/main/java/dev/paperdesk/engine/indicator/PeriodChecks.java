package dev.paperdesk.engine.indicator;

/** Argument checks shared by the indicator constructors, so messages read the same everywhere. */
final class PeriodChecks {
    /** The largest period accepted, as in TA-Lib. */
    static final int MAX_PERIOD = 100_000;

    private PeriodChecks() {}

    static int period(String name, int value) {
        if (value < 1 || value > MAX_PERIOD) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_PERIOD + ", was " + value);
        }
        return value;
    }

    static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, was " + value);
        }
        return value;
    }
}
