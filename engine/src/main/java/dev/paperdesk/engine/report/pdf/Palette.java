package dev.paperdesk.engine.report.pdf;

import java.awt.Color;
import java.math.BigDecimal;

/** The colours of every report, in one place: text, rules, series, and P&amp;L green and red. */
public final class Palette {
    public static final Color TEXT = new Color(0x1f, 0x23, 0x28);
    public static final Color MUTED = new Color(0x5f, 0x67, 0x70);
    public static final Color RULE = new Color(0xc8, 0xcd, 0xd3);
    public static final Color GRID = new Color(0xe6, 0xe9, 0xed);
    public static final Color HEADER_FILL = new Color(0xee, 0xf1, 0xf4);
    public static final Color STRIPE = new Color(0xf7, 0xf8, 0xfa);
    public static final Color ACCENT = new Color(0x1f, 0x5f, 0xbf);
    public static final Color SECOND = new Color(0x8a, 0x8f, 0x96);
    public static final Color POSITIVE = new Color(0x1a, 0x7f, 0x37);
    public static final Color NEGATIVE = new Color(0xc0, 0x28, 0x28);
    public static final Color NEGATIVE_FILL = new Color(0xf2, 0xc4, 0xc4);
    public static final Color FAN_OUTER = new Color(0xcf, 0xdc, 0xf2);
    public static final Color FAN_INNER = new Color(0x9d, 0xb9, 0xe6);
    public static final Color WARNING = new Color(0xb2, 0x6b, 0x00);

    private Palette() {}

    /** Green for gains, red for losses, the text colour for zero (at cents). */
    public static Color pnl(BigDecimal v) {
        if (v == null) {
            return TEXT;
        }
        int s = v.setScale(2, java.math.RoundingMode.HALF_EVEN).signum();
        return s > 0 ? POSITIVE : s < 0 ? NEGATIVE : TEXT;
    }

    public static Color pnl(double v) {
        return Double.isNaN(v) || Math.abs(v) < 1e-12 ? TEXT : v > 0 ? POSITIVE : NEGATIVE;
    }

    /** A heatmap cell: white at zero, deepening to green or red at {@code ±scale}. */
    public static Color heat(double v, double scale) {
        if (Double.isNaN(v)) {
            return Color.WHITE;
        }
        double t = Math.min(1, Math.abs(v) / (scale <= 0 ? 1 : scale));
        Color end = v >= 0 ? new Color(0x4c, 0xa8, 0x6a) : new Color(0xd9, 0x5c, 0x5c);
        return blend(Color.WHITE, end, 0.15 + 0.85 * t);
    }

    static Color blend(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
