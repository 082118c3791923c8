package dev.paperdesk.desktop.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, money and time formats used across the UI; one place so every table reads the same. */
public final class Formats {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("UTC"));
    private static final DateTimeFormatter TIME_MILLIS =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.of("UTC"));
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern(
                    "EEE yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneId.of("UTC"));

    /** An option contract's id: underlying, expiry (yyyyMMdd), right, strike and venue. */
    private static final java.util.regex.Pattern OPTION_ID =
            java.util.regex.Pattern.compile("(.+?)-(\\d{4})(\\d{2})(\\d{2})-([CP])-([0-9.]+)@(.+)");

    private static final String[] MONTHS = {
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
    };

    private Formats() {}

    /**
     * An instrument as a trader reads it in a narrow column: an option contract
     * {@code ORBZ-20260320-C-182.5@nasdaq} reads {@code ORBZ 20MAR26 182.5 C}, the way order tickets
     * print it, so the distinguishing expiry, strike and right survive where the full id would be cut
     * after the underlying; any other id is unchanged. The full id stays in the tooltip and in exports.
     */
    public static String instrument(String id) {
        if (id == null) {
            return "";
        }
        java.util.regex.Matcher m = OPTION_ID.matcher(id);
        if (!m.matches()) {
            return id;
        }
        int month = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            return id;
        }
        return m.group(1) + " " + m.group(4) + MONTHS[month - 1] + m.group(2).substring(2) + " " + m.group(6) + " "
                + m.group(5);
    }

    private static DecimalFormat pattern(String p) {
        DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f;
    }

    /** Money with thousands separators and two decimals, e.g. {@code 5,000,000.00}. */
    public static String money(BigDecimal v) {
        return v == null ? "" : pattern("#,##0.00").format(v);
    }

    /** Money with an explicit sign, for P&amp;L: {@code +1,234.50} / {@code −12.00}. */
    public static String signedMoney(BigDecimal v) {
        if (v == null) {
            return "";
        }
        String body = pattern("#,##0.00").format(v.abs());
        int sign = v.setScale(2, RoundingMode.HALF_EVEN).signum();
        return sign > 0 ? "+" + body : sign < 0 ? "\u2212" + body : body;
    }

    /** A price with as many decimals as it has (at least two), e.g. {@code 60,012.5} → {@code 60,012.50}. */
    public static String price(BigDecimal v) {
        if (v == null) {
            return "";
        }
        int scale = Math.max(2, Math.min(8, v.stripTrailingZeros().scale()));
        return pattern("#,##0." + "0".repeat(scale)).format(v);
    }

    /**
     * An average price: as {@link #price} but with at most four decimals from 1 up (an average of fills
     * at 64,980.5 and 64,990.1 is 64,984.7536464…, read as 64,984.7536) and eight below (0.00162008).
     */
    public static String averagePrice(BigDecimal v) {
        if (v == null) {
            return "";
        }
        int most = v.abs().compareTo(BigDecimal.ONE) >= 0 ? 4 : 8;
        return price(v.setScale(Math.min(most, Math.max(v.scale(), 0)), java.math.RoundingMode.HALF_EVEN));
    }

    /**
     * A number with exactly {@code decimals} decimals and thousands separators, so a column of
     * prices on one tick size lines up: {@code fixed(60012.5, 2)} → {@code 60,012.50}.
     */
    public static String fixed(BigDecimal v, int decimals) {
        if (v == null) {
            return "";
        }
        return pattern(decimals <= 0 ? "#,##0" : "#,##0." + "0".repeat(decimals))
                .format(v);
    }

    /** The decimals needed to write every multiple of {@code step} exactly: 0.01 → 2, 0.5 → 1, 5 → 0. */
    public static int decimalsOf(BigDecimal step) {
        return step == null ? 2 : Math.max(0, step.stripTrailingZeros().scale());
    }

    /** A quantity without trailing zeros, e.g. {@code 1.5}, {@code 300}. */
    public static String quantity(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        int scale = Math.max(0, s.scale());
        return pattern(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale)).format(v);
    }

    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "" : String.format(Locale.US, "%+.2f%%", fraction * 100);
    }

    /** A holding time as the reports write it: {@code 3d 4h}, {@code 2h 05m}, {@code 45s}. */
    public static String duration(java.time.Duration d) {
        return dev.paperdesk.engine.report.pdf.ReportFormat.duration(d);
    }

    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** A UTC time of day with milliseconds, e.g. {@code 14:30:05.123}. */
    public static String timeMillis(Instant t) {
        return t == null ? "" : TIME_MILLIS.format(t);
    }

    public static String clock(Instant t) {
        return t == null ? "" : CLOCK.format(t);
    }

    /** CSS style class for a P&amp;L value: {@code pnl-positive}, {@code pnl-negative} or {@code pnl-zero}. */
    public static String pnlStyleClass(BigDecimal v) {
        if (v == null) {
            return "pnl-zero";
        }
        int s = v.setScale(2, RoundingMode.HALF_EVEN).signum();
        return s > 0 ? "pnl-positive" : s < 0 ? "pnl-negative" : "pnl-zero";
    }
}
