package dev.paperdesk.engine.options;

import dev.paperdesk.engine.market.TradingHours;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.pricing.chain.ExpiryKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The live chain refresh: 1,000 contracts (500 strikes, call and put) repriced at a new underlying
 * price with surface volatility, value, the five Greeks, bid/ask on the tick and the immutable row
 * views the session hands out. {@code equity} is American (puts through Bjerksund–Stensland),
 * {@code crypto} European. Run:
 * {@code ./mvnw -B -ntp -Pjmh -pl engine test-compile exec:exec -Djmh.args="ChainRefreshBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChainRefreshBenchmark {
    static final int STRIKES = 500;

    @Param({"equity", "crypto"})
    String kind;

    OptionUnderlying underlying;
    OptionListing.Slice slice;
    Instant now;
    BigDecimal[] spots;
    int tick;

    @Setup
    public void setUp() {
        boolean crypto = kind.equals("crypto");
        double spot = crypto ? 65_000 : 450;
        Instrument instrument = crypto
                ? new Instrument.CryptoSpot(
                        InstrumentId.parse("BTC-USDT@binance"),
                        new Currency("BTC"),
                        Currency.USDT,
                        new BigDecimal("0.01"),
                        new BigDecimal("0.00001"))
                : new Instrument.Etf(
                        InstrumentId.parse("SPYX@nasdaq"),
                        new BigDecimal("0.01"),
                        BigDecimal.ONE,
                        Currency.USD,
                        "Broad market");
        underlying = new OptionUnderlying(instrument, crypto ? 0.55 : 0.2, spot, TradingHours.continuous());
        now = Instant.parse("2026-03-03T15:00:00Z");
        LocalDate expiry = LocalDate.parse("2026-04-17");
        List<BigDecimal> strikes = new ArrayList<>();
        for (int i = 0; i < STRIKES; i++) {
            // 50% to 150% of spot
            strikes.add(BigDecimal.valueOf(Math.round(spot * (0.5 + i / (double) STRIKES))));
        }
        slice = new OptionListing.Slice(
                new OptionExpiry(expiry, ExpiryKind.MONTHLY, underlying.expiresAt(expiry)),
                strikes,
                underlying,
                42,
                0.5);
        spots = new BigDecimal[64];
        for (int i = 0; i < spots.length; i++) {
            spots[i] = BigDecimal.valueOf(spot * (1 + (i - 32) * 0.0005));
        }
    }

    @Benchmark
    public OptionChainView refresh1000Contracts() {
        tick = (tick + 1) & 63;
        return OptionMarket.price(underlying, slice, spots[tick], now);
    }
}
