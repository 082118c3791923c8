package dev.paperdesk.engine.model;

/** Broad asset classes; margin defaults and market hours are set per class. */
public enum AssetClass {
    EQUITY,
    ETF,
    CRYPTO_SPOT,
    PERPETUAL,
    OPTION,
    FX
}
