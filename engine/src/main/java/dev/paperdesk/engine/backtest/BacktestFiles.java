package dev.paperdesk.engine.backtest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.paperdesk.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A backtest result as files: {@code RESULT.json} (everything, snake_case keys, ISO-8601 times and
 * durations, {@code null} for undefined figures), and the trades and equity curve as CSV.
 */
public final class BacktestFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Header of the trades CSV. */
    public static final String TRADES_HEADER =
            "instrument,side,entry_time,exit_time,quantity,entry_price,exit_price,pnl,fees,holding_seconds,mae,mfe";

    /** Header of the equity CSV. */
    public static final String EQUITY_HEADER = "time,equity,drawdown,benchmark";

    private BacktestFiles() {}

    public static String toJson(BacktestResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a result written by {@link #toJson}.
     *
     * @throws IllegalArgumentException naming what is wrong in the text
     */
    public static BacktestResult fromJson(String json) {
        try {
            return MAPPER.readValue(json, BacktestResult.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a backtest result: " + e.getMessage(), e);
        }
    }

    public static void writeJson(Path file, BacktestResult result) throws IOException {
        AtomicFiles.writeString(file, toJson(result));
    }

    public static String tradesCsv(BacktestResult result) {
        StringBuilder sb = new StringBuilder(TRADES_HEADER).append('\n');
        for (BacktestTrade t : result.trades()) {
            sb.append(t.instrument())
                    .append(',')
                    .append(t.side())
                    .append(',')
                    .append(t.entryTime())
                    .append(',')
                    .append(t.exitTime())
                    .append(',')
                    .append(plain(t.quantity()))
                    .append(',')
                    .append(plain(t.entryPrice()))
                    .append(',')
                    .append(plain(t.exitPrice()))
                    .append(',')
                    .append(plain(t.pnl()))
                    .append(',')
                    .append(plain(t.fees()))
                    .append(',')
                    .append(t.holding().toSeconds())
                    .append(',')
                    .append(plain(t.mae()))
                    .append(',')
                    .append(plain(t.mfe()))
                    .append('\n');
        }
        return sb.toString();
    }

    public static String equityCsv(BacktestResult result) {
        StringBuilder sb = new StringBuilder(EQUITY_HEADER).append('\n');
        for (EquityPoint p : result.equity()) {
            sb.append(p.time())
                    .append(',')
                    .append(plain(p.equity()))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.8f", p.drawdown()))
                    .append(',')
                    .append(plain(p.benchmark()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String plain(java.math.BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
