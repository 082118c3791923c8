package dev.paperdesk.engine.arbitrage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paperdesk.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Arbitrage results as files: RESULT.json (snake_case keys, ISO-8601 times and durations, plain
 * decimals for money) and the trades as CSV, both written atomically.
 */
public final class ArbitrageFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Header of the trades CSV. */
    public static final String TRADES_HEADER = "id,symbol,long_venue,short_venue,status,opened_at,entry_time,"
            + "exit_time,quantity,position_size,entry_long_price,entry_short_price,entry_spread_bps,confidence,"
            + "projected_profit,funding_pnl,fees,actual_profit,leg_outs,leg_out_loss,exit_reason";

    private ArbitrageFiles() {}

    /** Any result part as JSON text. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write arbitrage JSON: " + e.getMessage(), e);
        }
    }

    public static void writeResult(Path target, ArbitrageResult result) throws IOException {
        AtomicFiles.writeString(target, json(result) + "\n");
    }

    public static void writeTrades(Path target, ArbitrageResult result) throws IOException {
        AtomicFiles.writeString(target, tradesCsv(result));
    }

    /** The trades CSV text, one row per trade. */
    public static String tradesCsv(ArbitrageResult result) {
        StringBuilder sb = new StringBuilder(TRADES_HEADER).append('\n');
        for (TradeRecord t : result.trades()) {
            sb.append(t.id())
                    .append(',')
                    .append(t.symbol())
                    .append(',')
                    .append(t.longVenue())
                    .append(',')
                    .append(t.shortVenue())
                    .append(',')
                    .append(t.status().name())
                    .append(',')
                    .append(t.openedAt())
                    .append(',')
                    .append(text(t.entryTime()))
                    .append(',')
                    .append(text(t.exitTime()))
                    .append(',')
                    .append(plain(t.quantity()))
                    .append(',')
                    .append(plain(t.positionSize()))
                    .append(',')
                    .append(plain(t.entryLongPrice()))
                    .append(',')
                    .append(plain(t.entryShortPrice()))
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.4f", t.entrySpreadBps()))
                    .append(',')
                    .append(t.confidence())
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.6f", t.projectedProfit()))
                    .append(',')
                    .append(plain(t.fundingPnl()))
                    .append(',')
                    .append(plain(t.fees()))
                    .append(',')
                    .append(plain(t.actualProfit()))
                    .append(',')
                    .append(t.legOuts().size())
                    .append(',')
                    .append(plain(t.legOutLoss()))
                    .append(',')
                    .append(text(t.exitReason()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String plain(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    /** Reads a RESULT.json back as a tree (for tests and tools). */
    public static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
