package dev.paperdesk.engine.model;

/** Direction of an order or fill. */
public enum Side {
    BUY,
    SELL;

    /** +1 for buys, -1 for sells: the sign a fill of this side gives to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    public static Side parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "buy", "b", "long" -> BUY;
            case "sell", "s", "short" -> SELL;
            default -> throw new IllegalArgumentException("side must be buy or sell, not '" + text + "'");
        };
    }
}
