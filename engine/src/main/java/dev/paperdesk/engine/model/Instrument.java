package dev.paperdesk.engine.model;

import java.math.BigDecimal;

/**
 * A tradable contract on one venue.
 *
 * <p>The family is sealed so that every switch over instrument kinds is checked by the compiler.
 * Tick size, lot size and multiplier are exact; the notional of {@code q} units at price {@code p}
 * is {@code p × q × multiplier} in the quote currency.
 */
public sealed interface Instrument
        permits Instrument.Equity,
                Instrument.Etf,
                Instrument.CryptoSpot,
                Instrument.Perpetual,
                Instrument.OptionContract,
                Instrument.FxPair {

    InstrumentId id();

    BigDecimal tickSize();

    BigDecimal lotSize();

    BigDecimal multiplier();

    Currency quoteCurrency();

    AssetClass assetClass();

    default String symbol() {
        return id().symbol();
    }

    default String venue() {
        return id().venue();
    }

    /** Exact notional value of {@code quantity} at {@code price}, in the quote currency. */
    default BigDecimal notional(Price price, Quantity quantity) {
        return price.value().multiply(quantity.value()).multiply(multiplier());
    }

    private static void validate(InstrumentId id, BigDecimal tick, BigDecimal lot, BigDecimal multiplier) {
        java.util.Objects.requireNonNull(id, "id");
        if (tick == null || tick.signum() <= 0) {
            throw new IllegalArgumentException(id + ": tick size must be positive");
        }
        if (lot == null || lot.signum() <= 0) {
            throw new IllegalArgumentException(id + ": lot size must be positive");
        }
        if (multiplier == null || multiplier.signum() <= 0) {
            throw new IllegalArgumentException(id + ": multiplier must be positive");
        }
    }

    /** A listed stock. */
    record Equity(InstrumentId id, BigDecimal tickSize, BigDecimal lotSize, Currency quoteCurrency, String sector)
            implements Instrument {
        public Equity {
            validate(id, tickSize, lotSize, BigDecimal.ONE);
        }

        @Override
        public BigDecimal multiplier() {
            return BigDecimal.ONE;
        }

        @Override
        public AssetClass assetClass() {
            return AssetClass.EQUITY;
        }
    }

    /** An exchange-traded fund. */
    record Etf(InstrumentId id, BigDecimal tickSize, BigDecimal lotSize, Currency quoteCurrency, String category)
            implements Instrument {
        public Etf {
            validate(id, tickSize, lotSize, BigDecimal.ONE);
        }

        @Override
        public BigDecimal multiplier() {
            return BigDecimal.ONE;
        }

        @Override
        public AssetClass assetClass() {
            return AssetClass.ETF;
        }
    }

    /** A spot crypto pair such as BTC-USDT: base asset bought with the quote currency. */
    record CryptoSpot(InstrumentId id, Currency base, Currency quoteCurrency, BigDecimal tickSize, BigDecimal lotSize)
            implements Instrument {
        public CryptoSpot {
            validate(id, tickSize, lotSize, BigDecimal.ONE);
        }

        @Override
        public BigDecimal multiplier() {
            return BigDecimal.ONE;
        }

        @Override
        public AssetClass assetClass() {
            return AssetClass.CRYPTO_SPOT;
        }
    }

    /** A linear perpetual swap settled in the quote currency, with periodic funding. */
    record Perpetual(
            InstrumentId id,
            Currency base,
            Currency quoteCurrency,
            BigDecimal tickSize,
            BigDecimal lotSize,
            BigDecimal multiplier,
            int fundingIntervalHours)
            implements Instrument {
        public Perpetual {
            validate(id, tickSize, lotSize, multiplier);
            if (fundingIntervalHours <= 0 || 24 % fundingIntervalHours != 0) {
                throw new IllegalArgumentException(id + ": funding interval must divide 24 hours");
            }
        }

        @Override
        public AssetClass assetClass() {
            return AssetClass.PERPETUAL;
        }
    }

    /** A listed option on an underlying instrument. */
    record OptionContract(
            InstrumentId id,
            InstrumentId underlying,
            OptionRight right,
            OptionStyle style,
            BigDecimal strike,
            java.time.LocalDate expiry,
            Currency quoteCurrency,
            BigDecimal tickSize,
            BigDecimal lotSize,
            BigDecimal multiplier)
            implements Instrument {
        public OptionContract {
            validate(id, tickSize, lotSize, multiplier);
            java.util.Objects.requireNonNull(underlying, "underlying");
            java.util.Objects.requireNonNull(right, "right");
            java.util.Objects.requireNonNull(style, "style");
            java.util.Objects.requireNonNull(expiry, "expiry");
            if (strike == null || strike.signum() <= 0) {
                throw new IllegalArgumentException(id + ": strike must be positive");
            }
        }

        @Override
        public AssetClass assetClass() {
            return AssetClass.OPTION;
        }
    }

    /** A currency pair quoted as units of quote currency per unit of base currency. */
    record FxPair(InstrumentId id, Currency base, Currency quoteCurrency, BigDecimal tickSize, BigDecimal lotSize)
            implements Instrument {
        public FxPair {
            validate(id, tickSize, lotSize, BigDecimal.ONE);
        }

        @Override
        public BigDecimal multiplier() {
            return BigDecimal.ONE;
        }

        @Override
        public AssetClass assetClass() {
            return AssetClass.FX;
        }
    }

    /** Call or put. */
    enum OptionRight {
        CALL,
        PUT
    }

    /** Exercise style. */
    enum OptionStyle {
        EUROPEAN,
        AMERICAN
    }
}
