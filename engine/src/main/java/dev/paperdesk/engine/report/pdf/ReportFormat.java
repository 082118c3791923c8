package dev.paperdesk.engine.report.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Number, money, percentage, date and duration formats of the reports: '.' decimals and ','
 * grouping whatever the machine's locale, negatives with a true minus sign (U+2212).
 */
public final class ReportFormat {
    /** The minus sign used in reports. */
    public static final String MINUS = "\u2212";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ReportFormat() {}

    private static DecimalFormat pattern(String p) {
        DecimalFormat f = new DecimalFormat(p, DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f;
    }

    /** {@code 1,234.50}, {@code −12.00}. */
    public static String money(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal r = v.setScale(2, RoundingMode.HALF_EVEN);
        String body = pattern("#,##0.00").format(r.abs());
        return r.signum() < 0 ? MINUS + body : body;
    }

    /** Money with an explicit sign for P&amp;L: {@code +1,234.50}, {@code −12.00}, {@code 0.00}. */
    public static String signedMoney(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal r = v.setScale(2, RoundingMode.HALF_EVEN);
        String body = pattern("#,##0.00").format(r.abs());
        return r.signum() > 0 ? "+" + body : r.signum() < 0 ? MINUS + body : body;
    }

    public static String money(double v) {
        return Double.isFinite(v) ? money(BigDecimal.valueOf(v)) : "\u2014";
    }

    public static String signedMoney(double v) {
        return Double.isFinite(v) ? signedMoney(BigDecimal.valueOf(v)) : "\u2014";
    }

    /** A price with its own decimals, at least two and at most eight: {@code 60,012.50}. */
    public static String price(BigDecimal v) {
        if (v == null) {
            return "";
        }
        int scale = Math.max(2, Math.min(8, v.stripTrailingZeros().scale()));
        String body = pattern("#,##0." + "0".repeat(scale)).format(v.abs());
        return v.signum() < 0 ? MINUS + body : body;
    }

    /** A quantity without trailing zeros: {@code 1.5}, {@code 300}. */
    public static String quantity(BigDecimal v) {
        if (v == null) {
            return "";
        }
        int scale = Math.max(0, Math.min(10, v.stripTrailingZeros().scale()));
        String body =
                pattern(scale == 0 ? "#,##0" : "#,##0." + "0".repeat(scale)).format(v.abs());
        return v.signum() < 0 ? MINUS + body : body;
    }

    /** A fraction as a signed percentage: {@code +12.34%}, {@code −5.00%}; a dash when undefined. */
    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "\u2014";
        }
        String body = String.format(Locale.US, "%.2f%%", Math.abs(fraction) * 100);
        double rounded = Math.round(fraction * 10000) / 10000.0;
        return rounded > 0 ? "+" + body : rounded < 0 ? MINUS + body : body;
    }

    /** A fraction as an unsigned percentage: {@code 54.3%}. */
    public static String share(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.US, "%.1f%%", fraction * 100) : "\u2014";
    }

    /** A ratio with two decimals, a dash when undefined, ∞ when infinite. */
    public static String ratio(double v) {
        if (Double.isNaN(v)) {
            return "\u2014";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "\u221e" : MINUS + "\u221e";
        }
        String body = String.format(Locale.US, "%.2f", Math.abs(v));
        return v < 0 && Math.round(v * 100) != 0 ? MINUS + body : body;
    }

    public static String dateTime(Instant t, ZoneId zone) {
        return t == null ? "" : DATE_TIME.format(t.atZone(zone));
    }

    public static String dateTimeSeconds(Instant t, ZoneId zone) {
        return t == null ? "" : DATE_TIME_SECONDS.format(t.atZone(zone));
    }

    public static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** A holding time: {@code 3d 4h}, {@code 2h 05m}, {@code 45s}. */
    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long s = d.getSeconds();
        if (s >= 86_400) {
            return (s / 86_400) + "d " + ((s % 86_400) / 3600) + "h";
        }
        if (s >= 3600) {
            return (s / 3600) + "h " + String.format(Locale.US, "%02dm", (s % 3600) / 60);
        }
        if (s >= 60) {
            return (s / 60) + "m " + String.format(Locale.US, "%02ds", s % 60);
        }
        return s + "s";
    }

    /** Three significant figures for labels on charts: {@code 169k}, {@code 1.25M}, {@code −512.30}. */
    public static String compact(double v) {
        if (!Double.isFinite(v)) {
            return "\u2014";
        }
        double a = Math.abs(v);
        String sign = v < 0 ? MINUS : "";
        if (a >= 1e6) {
            return sign + String.format(Locale.US, "%.3gM", a / 1e6);
        }
        if (a >= 1e3) {
            return sign + String.format(Locale.US, "%.3gk", a / 1e3);
        }
        return sign + String.format(Locale.US, "%.2f", a);
    }

    /** Compact axis labels: {@code 1.2M}, {@code 350k}, {@code 12.5}. */
    public static String axis(double v, double step) {
        double a = Math.abs(v);
        String sign = v < 0 ? MINUS : "";
        if (a >= 1e6 && step >= 1e4) {
            return sign + trim(a / 1e6, step / 1e6) + "M";
        }
        if (a >= 1e3 && step >= 10) {
            return sign + trim(a / 1e3, step / 1e3) + "k";
        }
        return sign + trim(a, step);
    }

    private static String trim(double v, double step) {
        // As many decimals as the step needs: 2.5 needs one, 0.25 two, 5 none.
        int decimals = Math.max(
                0,
                new BigDecimal(String.format(Locale.US, "%.6f", step))
                        .stripTrailingZeros()
                        .scale());
        return String.format(Locale.US, "%." + Math.min(6, decimals) + "f", v);
    }
}
