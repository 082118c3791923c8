package dev.paperdesk.engine.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** An ISO-4217-like currency or asset code such as {@code USD}, {@code USDT} or {@code BTC}. */
public record Currency(String code) {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,10}");

    public static final Currency USD = new Currency("USD");
    public static final Currency EUR = new Currency("EUR");
    public static final Currency BTC = new Currency("BTC");
    public static final Currency USDT = new Currency("USDT");

    public Currency {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid currency code: '" + code + "'");
        }
    }

    /** Decimal places of the currency's minor unit, used to round fees and commissions. */
    public int minorUnits() {
        return switch (code) {
            case "USD", "EUR", "GBP", "CHF", "CAD", "AUD", "NZD" -> 2;
            case "JPY" -> 0;
            default -> 8;
        };
    }

    public static Currency of(String code) {
        return new Currency(code.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return code;
    }
}
