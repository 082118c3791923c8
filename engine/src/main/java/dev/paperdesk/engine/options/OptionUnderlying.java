package dev.paperdesk.engine.options;

import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.pricing.surface.SsviParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An instrument options are listed on, with the contract terms of its options.
 *
 * <p>Stocks and ETFs: American, 100 shares per contract, physical delivery, penny ticks, expiring at
 * 16:00 New York, 4.5% rate. Crypto spot: European, one coin per contract traded in lots of 0.1,
 * cash-settled in the quote currency, expiring at 08:00 UTC, zero rate (a stablecoin pays none).
 *
 * @param atmVolatility the short-dated at-the-money volatility the surface is built around
 * @param referencePrice a price level fixed for the session (the simulator's start price) that sets
 *     the crypto tick, so a contract's terms do not drift with the market
 */
public record OptionUnderlying(Instrument instrument, double atmVolatility, double referencePrice, TradingHours hours) {

    /** Rate of the USD equity chains (continuously compounded). */
    public static final double EQUITY_RATE = 0.045;

    public OptionUnderlying {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(hours, "hours");
        if (!(instrument instanceof Instrument.Equity
                || instrument instanceof Instrument.Etf
                || instrument instanceof Instrument.CryptoSpot)) {
            throw new IllegalArgumentException(
                    instrument.id() + ": options are listed on stocks, ETFs and crypto spot");
        }
        if (!(atmVolatility > 0) || !(referencePrice > 0)) {
            throw new IllegalArgumentException(instrument.id() + ": volatility and reference price must be positive");
        }
    }

    public InstrumentId id() {
        return instrument.id();
    }

    /** True for crypto: European, cash-settled. */
    public boolean crypto() {
        return instrument instanceof Instrument.CryptoSpot;
    }

    public OptionStyle style() {
        return crypto() ? OptionStyle.EUROPEAN : OptionStyle.AMERICAN;
    }

    public boolean cashSettled() {
        return crypto();
    }

    public BigDecimal multiplier() {
        return crypto() ? BigDecimal.ONE : BigDecimal.valueOf(100);
    }

    public BigDecimal lotSize() {
        return crypto() ? new BigDecimal("0.1") : BigDecimal.ONE;
    }

    public Currency currency() {
        return instrument.quoteCurrency();
    }

    /** Penny ticks for equity options; for crypto 10⁻⁴ of the reference price's power of ten (1 USDT for BTC). */
    public BigDecimal tick() {
        if (!crypto()) {
            return new BigDecimal("0.01");
        }
        int exponent = (int) Math.floor(Math.log10(referencePrice)) - 4;
        return BigDecimal.ONE.scaleByPowerOfTen(Math.max(exponent, -4));
    }

    public double rate() {
        return crypto() ? 0.0 : EQUITY_RATE;
    }

    /** Dividend yield; zero, so an American call is worth its European twin. */
    public double dividendYield() {
        return 0.0;
    }

    /** The surface shape: equity skew for stocks and ETFs, flatter crypto smile otherwise. */
    public SsviParameters surfaceShape() {
        return crypto() ? SsviParameters.crypto(atmVolatility) : SsviParameters.equity(atmVolatility);
    }

    /** The zone the expiry time is in. */
    public ZoneId zone() {
        return crypto() ? ZoneOffset.UTC : ZoneId.of("America/New_York");
    }

    /** The time of day contracts expire. */
    public LocalTime expiryTime() {
        return crypto() ? LocalTime.of(8, 0) : LocalTime.of(16, 0);
    }

    /** The instant contracts of {@code expiry} expire. */
    public java.time.Instant expiresAt(LocalDate expiry) {
        return expiry.atTime(expiryTime()).atZone(zone()).toInstant();
    }
}
