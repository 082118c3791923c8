package dev.paperdesk.desktop.analytics;

import java.util.Locale;

/**
 * How analytics figures read: returns and drawdowns as percentages with two decimals and a sign,
 * ratios with two decimals, money with thousands separators; an undefined figure is an en dash.
 */
public final class MetricText {
    /** Shown for a figure that is undefined (too little history, no trades, division by zero). */
    public static final String NONE = "\u2013";

    private MetricText() {}

    /** {@code 0.0123} reads {@code +1.23%}. */
    public static String signedPercent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return NONE;
        }
        // no "-0.00%": a figure that rounds to zero has no sign
        return Math.abs(fraction) < 0.00005 ? "0.00%" : String.format(Locale.US, "%+.2f%%", fraction * 100);
    }

    /** {@code 0.0123} reads {@code 1.23%}: shares and volatilities, which have no direction. */
    public static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.US, "%.2f%%", fraction * 100) : NONE;
    }

    public static String ratio(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "\u221e";
        }
        return Double.isFinite(value) ? String.format(Locale.US, "%.2f", value) : NONE;
    }

    public static String money(double value) {
        return Double.isFinite(value) ? String.format(Locale.US, "%,.2f", value) : NONE;
    }

    public static String signedMoney(double value) {
        return Double.isFinite(value) ? String.format(Locale.US, "%+,.2f", value) : NONE;
    }
}
