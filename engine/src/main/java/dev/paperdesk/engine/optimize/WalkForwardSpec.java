package dev.paperdesk.engine.optimize;

import java.util.Locale;
import java.util.Objects;

/**
 * The window lengths of a walk-forward analysis: {@code inSample} bars or days to optimize on, then
 * {@code outOfSample} bars or days to test on; the windows roll forward by the out-of-sample length.
 */
public record WalkForwardSpec(int inSample, int outOfSample, Unit unit) {
    /** What the lengths count. */
    public enum Unit {
        /** Bars of the first (signal) series. */
        BARS,
        /** Calendar days (UTC). */
        DAYS
    }

    public WalkForwardSpec {
        Objects.requireNonNull(unit, "unit");
        if (inSample < 2) {
            throw new IllegalArgumentException("the in-sample length must be at least 2, not " + inSample);
        }
        if (outOfSample < 1) {
            throw new IllegalArgumentException("the out-of-sample length must be at least 1, not " + outOfSample);
        }
    }

    /**
     * Parses {@code IS:OOS} in bars ({@code 500:100}) or days ({@code 365d:90d}).
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static WalkForwardSpec parse(String text) {
        String[] parts = text.strip().toLowerCase(Locale.ROOT).split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "walk-forward '" + text + "' is not IS:OOS (e.g. 500:100 bars or 365d:90d)");
        }
        boolean isDays = parts[0].endsWith("d");
        boolean oosDays = parts[1].endsWith("d");
        if (isDays != oosDays) {
            throw new IllegalArgumentException("walk-forward '" + text + "': both lengths must be bars or both days");
        }
        try {
            int is = Integer.parseInt(isDays ? parts[0].substring(0, parts[0].length() - 1) : parts[0]);
            int oos = Integer.parseInt(oosDays ? parts[1].substring(0, parts[1].length() - 1) : parts[1]);
            return new WalkForwardSpec(is, oos, isDays ? Unit.DAYS : Unit.BARS);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("walk-forward '" + text + "': lengths must be whole numbers");
        }
    }

    @Override
    public String toString() {
        String u = unit == Unit.DAYS ? "d" : "";
        return inSample + u + ":" + outOfSample + u;
    }
}
