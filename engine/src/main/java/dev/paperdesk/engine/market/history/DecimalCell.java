package dev.paperdesk.engine.market.history;

import java.math.BigDecimal;

/**
 * Strict reading of a number cell: an optional sign, digits with at most one '.', and an optional
 * exponent ({@code 1.5e-05}, as pandas writes small values). No grouping, no locale, no NaN.
 */
final class DecimalCell {
    private DecimalCell() {}

    /** The exact value, or {@code null} when the text is not such a number. */
    static BigDecimal parse(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n) {
            char e = s.charAt(i);
            if (e != 'e' && e != 'E') {
                return null;
            }
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                expDigits++;
            }
            if (expDigits == 0 || expDigits > 4 || i < n) {
                return null;
            }
        }
        return new BigDecimal(s);
    }
}
