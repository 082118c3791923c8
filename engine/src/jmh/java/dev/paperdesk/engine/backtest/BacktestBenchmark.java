package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DecimalNumFactory;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.NumFactory;
import org.ta4j.core.rules.CrossedDownIndicatorRule;
import org.ta4j.core.rules.CrossedUpIndicatorRule;

/**
 * sma-cross (SMA 10/30, long only, market orders at the next bar's open) over 1,000,000 one-minute
 * bars. {@code paperdesk}: the full backtest — bar replay through the trading session, the bar fill
 * model, fees, portfolio accounting, the YAML rule strategy, equity sampling, trades and metrics.
 * {@code ta4j}: ta4j 0.22.2's {@code BarSeriesManager} with its default next-open execution on the
 * same bars (double numbers, series built in setup, fresh indicators per run). {@code ta4jDecimal}: the
 * same with ta4j's default number type, {@code DecimalNum} (exact decimal arithmetic, as in our ledger).
 * Score: bars per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BacktestBenchmark {
    static final int BARS = 1_000_000;
    static final InstrumentId SYMBOL = new InstrumentId("ACME", "hist");

    BacktestConfig config;
    BarSeries series;
    BarSeries decimalSeries;

    @Setup
    public void setUp() {
        List<Bar> bars = bars(BARS, 7);
        BacktestData data = BacktestData.ofBars(BacktestData.csvInstrument(SYMBOL), bars);
        config = BacktestConfig.of(
                "builtin:sma-cross",
                StrategySource.load(
                        "builtin:sma-cross", StrategySource.text("builtin:sma-cross"), List.of(SYMBOL), Timeframe.M1),
                data);
        series = series(bars, DoubleNumFactory.getInstance());
        decimalSeries = series(bars, DecimalNumFactory.getInstance());
    }

    /** The bars as a ta4j series with the given number type (doubles or ta4j's exact decimals). */
    private static BarSeries series(List<Bar> bars, NumFactory numbers) {
        BarSeries out = new BaseBarSeriesBuilder()
                .withName("ACME")
                .withNumFactory(numbers)
                .build();
        for (Bar b : bars) {
            out.barBuilder()
                    .timePeriod(Duration.ofMinutes(1))
                    .endTime(b.openTime().plus(Duration.ofMinutes(1)))
                    .openPrice(numbers.numOf(b.open()))
                    .highPrice(numbers.numOf(b.high()))
                    .lowPrice(numbers.numOf(b.low()))
                    .closePrice(numbers.numOf(b.close()))
                    .volume(numbers.numOf(b.volume()))
                    .add();
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public BacktestResult paperdesk() {
        return Backtester.run(config);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public TradingRecord ta4j() {
        return smaCross(series);
    }

    @Benchmark
    @OperationsPerInvocation(BARS)
    public TradingRecord ta4jDecimal() {
        return smaCross(decimalSeries);
    }

    /** sma-cross on ta4j: fresh indicators and strategy per run, next-open execution. */
    private static TradingRecord smaCross(BarSeries bars) {
        ClosePriceIndicator close = new ClosePriceIndicator(bars);
        SMAIndicator fast = new SMAIndicator(close, 10);
        SMAIndicator slow = new SMAIndicator(close, 30);
        BaseStrategy strategy =
                new BaseStrategy(new CrossedUpIndicatorRule(fast, slow), new CrossedDownIndicatorRule(fast, slow));
        return new BarSeriesManager(bars).run(strategy);
    }

    /** A random walk with mean reversion, in cents, one bar a minute. */
    static List<Bar> bars(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant t =
                java.time.LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Bar> out = new ArrayList<>(n);
        double close = 100;
        for (int i = 0; i < n; i++) {
            double open = close;
            close = Math.max(1, close + (100 - close) * 0.001 + random.nextGaussian() * 0.05);
            double high = Math.max(open, close) + Math.abs(random.nextGaussian()) * 0.02;
            double low = Math.min(open, close) - Math.abs(random.nextGaussian()) * 0.02;
            out.add(new Bar(
                    SYMBOL,
                    Timeframe.M1,
                    t.plus(Duration.ofMinutes(i)),
                    cents(open),
                    cents(high),
                    cents(low),
                    cents(close),
                    BigDecimal.valueOf(100 + random.nextInt(900))));
        }
        return out;
    }

    private static BigDecimal cents(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
    }
}
