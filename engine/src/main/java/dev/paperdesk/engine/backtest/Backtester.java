package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.PerformanceSummary;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.analytics.TradeStatistics;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.execution.models.ModelAssumptions;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.session.EquityReader;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.runner.StrategyRunner;
import dev.paperdesk.engine.strategy.runner.StrategyState;
import dev.paperdesk.engine.strategy.runner.StrategyStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a backtest: opens an in-memory {@link TradingSession} on a simulated clock whose feed is a
 * {@link BarReplayFeed} of the configured bars, wrapped by a {@link StrategyRunner}; the strategy
 * trades in a portfolio holding the starting capital; the clock is advanced in slices until the last
 * bar has closed (reporting progress, checking for cancellation between slices). The orders go
 * through the same validation, execution models, fees and accounting as paper trading.
 */
public final class Backtester {
    /** Progress reports per run (slices of the simulated time range). */
    private static final int SLICES = 200;

    private static final MathContext MC = MathContext.DECIMAL64;

    private Backtester() {}

    /** Builds the strategy with the configured parameters; the message lists the problems. */
    public static StrategyDefinition.Build.Built build(BacktestConfig config) {
        return switch (config.strategy().build(config.parameters())) {
            case StrategyDefinition.Build.Built b -> b;
            case StrategyDefinition.Build.Invalid i -> throw new IllegalArgumentException(i.message());
        };
    }

    public static BacktestResult run(BacktestConfig config) {
        return run(config, p -> {}, CancellationToken.none());
    }

    /**
     * Runs {@code config} on the calling thread.
     *
     * @throws IllegalArgumentException when the strategy cannot be built with the parameters
     */
    public static BacktestResult run(
            BacktestConfig config, Consumer<BacktestProgress> progress, CancellationToken cancel) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancel, "cancel");
        long started = System.nanoTime();
        StrategyDefinition.Build.Built built = build(config);
        // longer timeframes the strategy reads are built from the data's bars, as the live market builds them
        BacktestData data = config.data().withTimeframes(built.strategy().timeframes());
        long total = config.data().barCount(); // the data's own bars: built ones are not counted

        StrategyRunner runner = new StrategyRunner();
        // the replay quotes the close exactly (no spread) so that marks are the closes
        BarReplayFeed feed = new BarReplayFeed(data.store(), data.series(), data.from(), data.to(), 0);
        Instant start = feed.startTime();
        SessionConfig sessionConfig = new SessionConfig(
                null,
                runner.wrap(feed),
                config.models().fee(),
                start,
                false,
                config.capital(),
                ExecutionSettings.of(config.seed(), config.models()));
        Recorder recorder = new Recorder(config, total, derived(config.data(), data));
        ModelAssumptions assumptions;
        List<Fill> fills;
        List<Order> orders;
        boolean cancelled = false;
        String failure;
        List<String> warnings;
        try (TradingSession session = TradingSession.open(sessionConfig)) {
            PortfolioId portfolio = TradingSession.await(session.createPortfolio(
                            built.strategy().name(),
                            "backtest of " + config.strategySource(),
                            Currency.USD,
                            config.capital(),
                            CostBasisMethod.FIFO))
                    .id();
            recorder.portfolio = portfolio;
            recorder.session = session;
            runner.afterBar(recorder::onBar);
            if (data.hasWarmUp()) {
                // Bars completing by the trading start only prime indicators: no orders before it.
                runner.warmUpUntil(data.tradeFrom());
            }
            long handle = runner.start(built.strategy(), built.values(), portfolio);
            Instant end = data.to().plus(maxTimeframe(config.data())); // built bars end by data.to()
            Duration slice = Duration.between(start, end).dividedBy(SLICES);
            if (slice.isZero()) {
                slice = Duration.ofNanos(1);
            }
            while (session.now().isBefore(end)) {
                if (cancel.isCancelled()) {
                    cancelled = true;
                    break;
                }
                Duration step = Duration.between(session.now(), end);
                session.advance(step.compareTo(slice) < 0 ? step : slice);
                progress.accept(new BacktestProgress(
                        recorder.bars + recorder.warmUpBars,
                        total,
                        session.now(),
                        Duration.ofNanos(System.nanoTime() - started)));
            }
            runner.stop(handle);
            session.advance(Duration.ZERO);
            warnings = warnings(runner.log(handle));
            failure = runner.status(handle)
                    .filter(s -> s.state() == StrategyState.FAILED)
                    .map(StrategyStatus::error)
                    .orElse("");
            assumptions = TradingSession.await(session.modelAssumptions());
            fills = session.fills().stream()
                    .filter(f -> f.portfolioId().equals(portfolio))
                    .toList();
            orders = session.orders();
        }
        Map<Long, String> tags = new HashMap<>();
        orders.forEach(o -> tags.put(o.id().value(), o.request().tag()));
        List<BacktestFill> fillRows = fills.stream()
                .map(f -> new BacktestFill(
                        f.timestamp(),
                        f.orderId().value(),
                        f.instrumentId().toString(),
                        f.side().name(),
                        f.quantity().value(),
                        f.price().value(),
                        f.fee().amount(),
                        tags.getOrDefault(f.orderId().value(), "")))
                .toList();
        List<BacktestTrade> trades = Trades.of(fills, data);
        List<String> rejections = orders.stream()
                .filter(o -> o.rejection() != null)
                .map(o -> o.updatedAt() + " " + o.request().side() + " "
                        + o.request().quantity().value().stripTrailingZeros().toPlainString() + " "
                        + o.request().instrumentId() + ": " + o.rejection().message())
                .toList();
        long runMs = (System.nanoTime() - started) / 1_000_000;
        return recorder.result(
                built,
                assumptions,
                trades,
                fillRows,
                new BacktestTiming(runnerBars(recorder), runMs),
                cancelled,
                failure,
                rejections,
                warnings);
    }

    /** The strategy's log lines ({@code time LEVEL message}) at WARN and ERROR. */
    static List<String> warnings(List<String> log) {
        List<String> out = new ArrayList<>();
        for (String line : log) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3 && (parts[1].equals("WARN") || parts[1].equals("ERROR"))) {
                out.add(line);
            }
        }
        return out;
    }

    private static long runnerBars(Recorder r) {
        return r.bars;
    }

    private static Duration maxTimeframe(BacktestData data) {
        Duration max = Duration.ZERO;
        for (ReplaySeries s : data.series()) {
            if (s.timeframe().duration().compareTo(max) > 0) {
                max = s.timeframe().duration();
            }
        }
        return max;
    }

    /** Per instrument, the timeframes {@code run} has and {@code given} has not (built for the run); null when none. */
    private static Map<InstrumentId, EnumSet<Timeframe>> derived(BacktestData given, BacktestData run) {
        if (run == given) {
            return null;
        }
        Map<InstrumentId, EnumSet<Timeframe>> out = new HashMap<>();
        for (ReplaySeries s :
                run.series().subList(given.series().size(), run.series().size())) {
            out.computeIfAbsent(s.instrument().id(), k -> EnumSet.noneOf(Timeframe.class))
                    .add(s.timeframe());
        }
        return out;
    }

    /** Each instrument's lot, by id. */
    private static Map<String, BigDecimal> lots(BacktestData data) {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        for (ReplaySeries s : data.series()) {
            out.put(s.instrument().id().toString(), s.instrument().lotSize().stripTrailingZeros());
        }
        return out;
    }

    /** Samples equity and the benchmark at every bar close, on the engine thread. */
    private static final class Recorder implements EquityReader {
        private final BacktestConfig config;
        private final Instant tradeFrom;
        private final InstrumentId benchmark;
        private final EquityCurve.Builder points;
        private EquityCurve equity;
        private BigDecimal benchmarkUnits;
        private BigDecimal benchmarkClose;
        PortfolioId portfolio;
        TradingSession session;
        long bars;
        long warmUpBars;

        /**
         * Series built for the run (a strategy's longer timeframes): they reach the strategy but are not
         * the data's bars, so they are neither counted nor sampled; null when there are none.
         */
        private final Map<InstrumentId, EnumSet<Timeframe>> derived;

        Recorder(BacktestConfig config, long expected, Map<InstrumentId, EnumSet<Timeframe>> derived) {
            this.config = config;
            this.derived = derived;
            this.tradeFrom = config.data().tradeFrom();
            this.benchmark = config.benchmark();
            this.points = new EquityCurve.Builder(config.capital(), (int) Math.min(expected, 1 << 24));
        }

        void onBar(Bar bar) {
            if (derived != null) {
                var built = derived.get(bar.instrumentId());
                if (built != null && built.contains(bar.timeframe())) {
                    return;
                }
            }
            Instant open = bar.openTime();
            if (open.isBefore(tradeFrom)) {
                warmUpBars++; // warm-up: neither equity nor benchmark starts before trading does
                return;
            }
            bars++;
            if (bar.instrumentId().equals(benchmark)) {
                if (benchmarkUnits == null) {
                    benchmarkUnits = config.capital().divide(bar.close(), MC);
                    points.benchmarkUnits(benchmarkUnits);
                }
                benchmarkClose = bar.close();
            }
            // the bar's close instant, without making it
            Duration length = bar.timeframe().duration();
            long seconds = open.getEpochSecond() + length.getSeconds();
            int nanos = open.getNano() + length.getNano();
            if (nanos >= 1_000_000_000) {
                seconds++;
                nanos -= 1_000_000_000;
            }
            // marked at this bar's close without a portfolio snapshot: the same number the snapshot shows,
            // as the scaled long the engine holds while a position is re-marked (no object per bar)
            closeSeconds = seconds;
            closeNanos = nanos;
            if (!session.equity(portfolio, this)) {
                points.add(seconds, nanos, config.capital(), benchmarkClose);
            }
        }

        /** The close being sampled, for the equity the session hands back. */
        private long closeSeconds;

        private int closeNanos;

        @Override
        public void scaled(long unscaled, int scale) {
            points.add(closeSeconds, closeNanos, unscaled, scale, benchmarkClose);
        }

        @Override
        public void decimal(BigDecimal equity) {
            points.add(closeSeconds, closeNanos, equity, benchmarkClose);
        }

        EquityCurve curve() {
            if (equity == null) {
                equity = points.build();
            }
            return equity;
        }

        BacktestResult result(
                StrategyDefinition.Build.Built built,
                ModelAssumptions assumptions,
                List<BacktestTrade> trades,
                List<BacktestFill> fills,
                BacktestTiming timing,
                boolean cancelled,
                String failure,
                List<String> rejections,
                List<String> warnings) {
            BacktestData data = config.data();
            BacktestSettings settings = new BacktestSettings(
                    built.strategy().name(),
                    config.strategySource(),
                    config.parameters(),
                    data.series().stream()
                            .map(s -> s.instrument().id().toString())
                            .toList(),
                    data.primary().timeframe().toString(),
                    data.tradeFrom(),
                    data.to(),
                    config.capital(),
                    config.seed(),
                    config.models().spec(),
                    config.benchmark().toString(),
                    lots(data));

            EquityCurve equity = curve();
            // daily series: the last point of each UTC day (only those points are converted)
            List<LocalDate> days = new ArrayList<>();
            List<Double> eqDaily = new ArrayList<>();
            List<Double> bmDaily = new ArrayList<>();
            int n = equity.size();
            // the seconds of the current point's day, [dayStart, dayStart + 86,400): a division per day, not per point
            long day = 0;
            long dayStart = 0;
            long dayEnd = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                long second = equity.daySecond(i);
                if (second < dayStart || second >= dayEnd) {
                    day = Math.floorDiv(second, 86_400L);
                    dayStart = day * 86_400L;
                    dayEnd = dayStart + 86_400L;
                }
                if (i + 1 < n) {
                    long next = equity.daySecond(i + 1);
                    if (next >= dayStart && next < dayEnd) {
                        continue; // the same day
                    }
                }
                days.add(LocalDate.ofEpochDay(day));
                eqDaily.add(equity.equity(i).doubleValue());
                bmDaily.add(equity.benchmark(i).doubleValue());
            }
            double capital = config.capital().doubleValue();
            double[] r = returns(capital, eqDaily);
            double[] br = returns(capital, bmDaily);
            PerformanceSummary perf = null;
            PerformanceSummary bperf = null;
            if (r.length >= 2) {
                // 365 periods a year for a market that trades on weekends, 252 otherwise
                MetricsConfig conventions = MetricsConfig.daily(days);
                perf = PerformanceSummary.of(ReturnSeries.withBenchmark(days, r, br), conventions);
                bperf = PerformanceSummary.of(ReturnSeries.of(days, br), conventions);
            }
            double finalEquity = eqDaily.isEmpty() ? capital : eqDaily.get(eqDaily.size() - 1);
            double finalBench = bmDaily.isEmpty() ? capital : bmDaily.get(bmDaily.size() - 1);
            double total = finalEquity / capital - 1;
            double btotal = finalBench / capital - 1;
            List<ClosedTrade> closedTrades = closed(trades, data);
            TradeStatistics ts = trades.isEmpty() ? null : TradeStatistics.of(closedTrades);
            // over the whole run, not only from the first entry to the last exit
            Double exposure = trades.isEmpty() || equity.size() < 2
                    ? 0.0
                    : num(TradeStatistics.exposure(closedTrades, equity.time(0), equity.time(equity.size() - 1)));
            BacktestMetrics metrics = new BacktestMetrics(
                    finalEquity,
                    total,
                    perf == null ? null : num(perf.annualReturn()),
                    perf == null ? null : num(perf.sharpeRatio()),
                    perf == null ? null : num(perf.sortinoRatio()),
                    perf == null ? null : num(perf.maxDrawdown()),
                    perf == null ? null : num(perf.annualVolatility()),
                    ts == null ? null : num(ts.winRate()),
                    ts == null ? null : num(ts.profitFactor()),
                    ts == null ? null : num(ts.expectancy()),
                    exposure,
                    trades.size());
            BenchmarkComparison bench = new BenchmarkComparison(
                    config.benchmark().toString(),
                    btotal,
                    bperf == null ? null : num(bperf.annualReturn()),
                    bperf == null ? null : num(bperf.sharpeRatio()),
                    bperf == null ? null : num(bperf.maxDrawdown()),
                    total - btotal,
                    perf == null ? null : num(perf.alpha()),
                    perf == null ? null : num(perf.beta()));
            return new BacktestResult(
                    settings,
                    assumptions,
                    metrics,
                    bench,
                    trades,
                    fills,
                    equity,
                    timing,
                    cancelled,
                    failure,
                    rejections,
                    warnings);
        }

        private static double[] returns(double start, List<Double> values) {
            double[] r = new double[values.size()];
            double prev = start;
            for (int i = 0; i < r.length; i++) {
                double v = values.get(i);
                r[i] = v / prev - 1;
                prev = v;
            }
            return r;
        }

        private static Double num(double v) {
            return Double.isFinite(v) ? v : null;
        }

        private static List<ClosedTrade> closed(List<BacktestTrade> trades, BacktestData data) {
            Map<String, Instrument> byId = new HashMap<>();
            data.series().forEach(s -> byId.put(s.instrument().id().toString(), s.instrument()));
            List<ClosedTrade> out = new ArrayList<>();
            for (BacktestTrade t : trades) {
                Instrument inst = byId.get(t.instrument());
                double notional = t.entryPrice().multiply(t.quantity()).doubleValue();
                out.add(new ClosedTrade(
                        inst.id(),
                        inst.assetClass(),
                        t.side(),
                        t.entryTime(),
                        t.exitTime(),
                        t.quantity().doubleValue(),
                        t.pnl().doubleValue(),
                        notional == 0 ? 0 : t.pnl().doubleValue() / notional,
                        t.fees().doubleValue()));
            }
            return out;
        }
    }

    private static final long[] TEN_POWERS = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L,
        10_000_000_000_000_000L,
        100_000_000_000_000_000L,
        1_000_000_000_000_000_000L
    };

    /**
     * {@code units × price} rounded half-even to cents: the same BigDecimal as {@code
     * units.multiply(price).setScale(2, HALF_EVEN)}, in long arithmetic when the numbers fit (the
     * product of a 16-digit unit count and a price does not fit a long, but its two halves around the
     * rounding digit do).
     */
    static BigDecimal cents(BigDecimal units, BigDecimal price) {
        int k = units.scale() + price.scale() - 2;
        if (units.signum() > 0
                && price.signum() > 0
                && k >= 0
                && k < TEN_POWERS.length
                && units.precision() <= 18
                && price.precision() <= 18) {
            long u = units.unscaledValue().longValue();
            long c = price.unscaledValue().longValue();
            long pow = TEN_POWERS[k];
            long high = u / pow;
            long low = u % pow;
            // u × c / 10^k = high × c + low × c / 10^k
            if (Math.multiplyHigh(high, c) == 0 && Math.multiplyHigh(low, c) == 0 && high * c >= 0 && low * c >= 0) {
                long lowProduct = low * c;
                long q = high * c + lowProduct / pow;
                long r = lowProduct % pow;
                if (q >= 0 && r <= Long.MAX_VALUE / 2) {
                    long twice = 2 * r;
                    if (twice > pow || (twice == pow && (q & 1) == 1)) {
                        q++;
                    }
                    if (q > 0) {
                        return BigDecimal.valueOf(q, 2);
                    }
                }
            }
        }
        return units.multiply(price).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Pairs fills into round trips per instrument, average-price accounting, with excursions from the bars. */
    static final class Trades {
        private Trades() {}

        static List<BacktestTrade> of(List<Fill> fills, BacktestData data) {
            Map<InstrumentId, Open> open = new HashMap<>();
            // one reader per series: trades come in order, each search starts where the last ended
            Map<InstrumentId, MemoryBarStore.Ranges> ranges = new HashMap<>();
            List<BacktestTrade> out = new ArrayList<>();
            for (Fill f : fills) {
                BigDecimal q = f.quantity().value();
                BigDecimal signed = f.side() == Side.BUY ? q : q.negate();
                BigDecimal price = f.price().value();
                BigDecimal fee = f.fee().amount();
                Open o = open.get(f.instrumentId());
                while (signed.signum() != 0) {
                    if (o == null) {
                        o = new Open(f.instrumentId(), signed.signum() > 0, f.timestamp());
                        open.put(f.instrumentId(), o);
                    }
                    boolean adds = (signed.signum() > 0) == o.isLong;
                    if (adds) {
                        o.entryCost = o.entryCost.add(price.multiply(signed.abs()));
                        o.qty = o.qty.add(signed.abs());
                        o.fees = o.fees.add(fee);
                        fee = BigDecimal.ZERO;
                        signed = BigDecimal.ZERO;
                    } else {
                        BigDecimal closing = signed.abs().min(o.qty.subtract(o.closed));
                        BigDecimal share = closing.divide(signed.abs(), MC);
                        o.exitValue = o.exitValue.add(price.multiply(closing));
                        o.closed = o.closed.add(closing);
                        BigDecimal feePart = fee.multiply(share, MC);
                        o.fees = o.fees.add(feePart);
                        fee = fee.subtract(feePart);
                        signed = signed.signum() > 0 ? signed.subtract(closing) : signed.add(closing);
                        if (o.closed.compareTo(o.qty) == 0) {
                            out.add(o.finish(f.timestamp(), data, ranges));
                            open.remove(f.instrumentId());
                            o = null;
                        }
                    }
                }
            }
            return out;
        }

        private static final class Open {
            final InstrumentId instrument;
            final boolean isLong;
            final Instant entry;
            BigDecimal qty = BigDecimal.ZERO;
            BigDecimal closed = BigDecimal.ZERO;
            BigDecimal entryCost = BigDecimal.ZERO;
            BigDecimal exitValue = BigDecimal.ZERO;
            BigDecimal fees = BigDecimal.ZERO;

            Open(InstrumentId instrument, boolean isLong, Instant entry) {
                this.instrument = instrument;
                this.isLong = isLong;
                this.entry = entry;
            }

            BacktestTrade finish(Instant exit, BacktestData data, Map<InstrumentId, MemoryBarStore.Ranges> ranges) {
                BigDecimal entryPrice = entryCost.divide(qty, MC);
                BigDecimal exitPrice = exitValue.divide(qty, MC);
                BigDecimal gross = isLong ? exitValue.subtract(entryCost) : entryCost.subtract(exitValue);
                BigDecimal high = null;
                BigDecimal low = null;
                for (ReplaySeries s : data.series()) {
                    if (!s.instrument().id().equals(instrument)) {
                        continue;
                    }
                    // the bars the trade was open through: fills are stamped with the open of their bar, so
                    // from the entry's bar (its range comes after a fill at its open) up to the exit's bar
                    Instant from = entry;
                    Instant to = exit;
                    if (data.store() instanceof MemoryBarStore memory) {
                        // from the store's columns of highs and lows: no bar is read back
                        MemoryBarStore.Range range = ranges.computeIfAbsent(
                                        instrument, i -> memory.ranges(BacktestData.key(s)))
                                .range(from, to);
                        if (range != null) {
                            high = range.high();
                            low = range.low();
                        }
                        break;
                    }
                    for (Bar b : data.store().read(BacktestData.key(s), from, to, Integer.MAX_VALUE)) {
                        high = high == null ? b.high() : high.max(b.high());
                        low = low == null ? b.low() : low.min(b.low());
                    }
                    break;
                }
                BigDecimal mfe = BigDecimal.ZERO;
                BigDecimal mae = BigDecimal.ZERO;
                if (high != null) {
                    mfe = (isLong ? high.subtract(entryPrice) : entryPrice.subtract(low)).max(BigDecimal.ZERO);
                    mae = (isLong ? entryPrice.subtract(low) : high.subtract(entryPrice)).max(BigDecimal.ZERO);
                }
                return new BacktestTrade(
                        instrument.toString(),
                        isLong ? "LONG" : "SHORT",
                        entry,
                        exit,
                        qty,
                        entryPrice,
                        exitPrice,
                        gross.subtract(fees),
                        fees,
                        Duration.between(entry, exit),
                        mae,
                        mfe);
            }
        }
    }
}
