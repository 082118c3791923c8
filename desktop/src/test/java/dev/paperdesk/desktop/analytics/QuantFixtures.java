package dev.paperdesk.desktop.analytics;

import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestConfig;
import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.Backtester;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Backtests run through the engine on generated daily bars, saved in a session's workspace. */
public final class QuantFixtures {
    public static final InstrumentId ACME = InstrumentId.parse("ACME@hist");

    private QuantFixtures() {}

    /** {@code days} weekday bars of a noisy sine wave around 40 with a slow drift, from 2021-01-04. */
    public static List<Bar> bars(int days, long seed) {
        Random random = new Random(seed);
        List<Bar> out = new ArrayList<>();
        LocalDate d = LocalDate.of(2021, 1, 1);
        double prev = 40;
        for (int i = 0; i < days; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            double close = 40 + 0.01 * i + 6 * Math.sin(i / 25.0) + random.nextGaussian() * 0.5;
            double open = prev + random.nextGaussian() * 0.2;
            out.add(new Bar(
                    ACME,
                    Timeframe.D1,
                    d.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    cents(open),
                    cents(Math.max(open, close) + 0.2),
                    cents(Math.min(open, close) - 0.2),
                    cents(close),
                    BigDecimal.valueOf(1000)));
            prev = close;
            i++;
        }
        return out;
    }

    private static BigDecimal cents(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Runs the SMA cross template over {@link #bars} with the given parameters. */
    public static BacktestResult run(int days, Map<String, String> parameters) {
        BacktestData data = BacktestData.ofBars(BacktestData.csvInstrument(ACME), bars(days, 5));
        String reference = "builtin:sma-cross";
        var definition = StrategySource.load(reference, StrategySource.text(reference), List.of(ACME), Timeframe.D1);
        return Backtester.run(BacktestConfig.of(reference, definition, data).withParameters(parameters));
    }

    /** Runs a backtest and saves it in {@code session}'s workspace; returns its id there. */
    public static long saveBacktest(TradingSession session, int days) {
        BacktestResult r = run(days, Map.of("fast", "10", "slow", "30"));
        return BacktestArchive.save(session.backtests().orElseThrow(), r, Instant.parse("2026-03-02T15:00:00Z"));
    }
}
