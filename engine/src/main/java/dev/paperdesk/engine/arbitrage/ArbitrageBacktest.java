package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.analytics.ClosedTrade;
import dev.paperdesk.engine.analytics.MetricsConfig;
import dev.paperdesk.engine.analytics.PerformanceSummary;
import dev.paperdesk.engine.analytics.ReturnSeries;
import dev.paperdesk.engine.analytics.TradeStatistics;
import dev.paperdesk.engine.backtest.BacktestFill;
import dev.paperdesk.engine.backtest.BacktestMetrics;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.backtest.BacktestSettings;
import dev.paperdesk.engine.backtest.BacktestTiming;
import dev.paperdesk.engine.backtest.BacktestTrade;
import dev.paperdesk.engine.backtest.BenchmarkComparison;
import dev.paperdesk.engine.backtest.EquityPoint;
import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.execution.models.ModelAssumptions;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The arbitrage strategy backtested over a {@link MarketRecording} like any other strategy: the
 * replayed run's trades, fills, equity curve and metrics in the shape of a bar backtest's {@link
 * BacktestResult}, so RESULT.json, the archive and the desktop's history and comparison take it as
 * they take the others.
 */
public final class ArbitrageBacktest {
    /** The strategy reference the backtest command and view accept for this strategy. */
    public static final String STRATEGY = "builtin:funding-arbitrage";

    private static final String NAME = "funding-arbitrage";
    private static final long SAMPLE_NANOS = 60_000_000_000L;
    private static final int HOURS_A_YEAR = 8_760;
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final List<String> FIXED = List.of("starting_capital", "seed");

    /**
     * What the replay produced.
     *
     * @param result the run as a backtest result
     * @param arbitrage the run as {@code arbitrage simulate} reports it
     * @param events how many recorded events were replayed (RESULT.json's {@code timing.bars})
     */
    public record Outcome(BacktestResult result, ArbitrageResult arbitrage, long events) {}

    private ArbitrageBacktest() {}

    /** True when {@code strategy} names this strategy. */
    public static boolean isArbitrage(String strategy) {
        return STRATEGY.equals(strategy == null ? null : strategy.strip());
    }

    /**
     * Replays {@code recording} into a fresh strategy with the default thresholds, {@code capital},
     * the overrides in {@code parameters} (snake_case names of {@link ArbitrageSettings}, e.g.
     * {@code min_confidence=60}) and {@code seed} for the venue latency draws.
     *
     * @throws RecordingFormatException when the recording is truncated or corrupt
     * @throws IllegalArgumentException naming a bad parameter
     */
    public static Outcome run(
            Path recording, BigDecimal capital, Map<String, String> parameters, long seed, Consumer<Instant> progress)
            throws IOException {
        ArbitrageSettings settings = settings(capital, parameters, seed);
        long started = System.nanoTime();
        try (MarketRecording.Replay replay = MarketRecording.open(recording)) {
            MarketRecording.Header header = replay.header();
            if (header.duration().isZero()) {
                throw new IllegalArgumentException(recording + ": the recording is empty (zero duration)");
            }
            if (!header.coversBand(ArbitrageStrategy.DEPTH_BAND_BPS)) {
                throw new IllegalArgumentException(recording + ": its books keep the levels within "
                        + header.bookBandBps().toPlainString() + " bps of the touch, the strategy reads depth within "
                        + ArbitrageStrategy.DEPTH_BAND_BPS + " bps: record the day with a wider band");
            }
            ArbitrageStrategy strategy = new ArbitrageStrategy(settings, VenueProfile.cryptoVenues(), null);
            EquitySampler sampler = new EquitySampler(replay, strategy, capital);
            ArbitrageResult arb;
            try {
                arb = ArbitrageSimulation.run(strategy, sampler, seed, header.start(), header.duration(), progress);
            } catch (RuntimeException e) {
                throw unwrap(e);
            }
            long events = replay.replayed();
            // events stamped at the very end were not needed; the file must still be sound to its end marker
            replay.readToEnd();
            sampler.sample(Clock.toNanos(header.end()));
            long runMs = (System.nanoTime() - started) / 1_000_000;
            BacktestResult result = result(recording, header, settings, parameters, arb, sampler, events, runMs);
            return new Outcome(result, arb, events);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) throws IOException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RecordingFormatException f) {
                throw f;
            }
        }
        return e;
    }

    /** The default thresholds with {@code capital}, {@code seed} and the named overrides. */
    public static ArbitrageSettings settings(BigDecimal capital, Map<String, String> parameters, long seed) {
        ArbitrageSettings base = ArbitrageSettings.defaults(seed).withStartingCapital(capital);
        if (parameters.isEmpty()) {
            return base;
        }
        RecordComponent[] components = ArbitrageSettings.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Map<String, Integer> byName = new LinkedHashMap<>();
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(base);
                types[i] = components[i].getType();
                String key = snake(components[i].getName());
                if (!FIXED.contains(key)) {
                    byName.put(key, i);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            Integer i = byName.get(p.getKey().strip());
            if (i == null) {
                throw new IllegalArgumentException("unknown parameter '" + p.getKey() + "' of " + STRATEGY + "; known: "
                        + String.join(", ", byName.keySet()));
            }
            String text = p.getValue().strip();
            try {
                // no conditional expression here: it would promote every branch to double
                if (types[i] == int.class) {
                    values[i] = Integer.parseInt(text);
                } else if (types[i] == long.class) {
                    values[i] = Long.parseLong(text);
                } else {
                    values[i] = Double.parseDouble(text);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "parameter " + p.getKey() + " needs a " + types[i].getSimpleName() + ", not '" + text + "'");
            }
        }
        try {
            return ArbitrageSettings.class.getDeclaredConstructor(types).newInstance(values);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The thresholds as parameters (snake_case, the form {@code --param} takes), without capital and seed. */
    static Map<String, String> parameters(ArbitrageSettings s) {
        Map<String, String> out = new TreeMap<>();
        try {
            for (RecordComponent c : ArbitrageSettings.class.getRecordComponents()) {
                String key = snake(c.getName());
                if (!FIXED.contains(key)) {
                    out.put(key, String.valueOf(c.getAccessor().invoke(s)));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ equity

    /**
     * Passes the recording through and marks the book every simulated minute: capital plus realised
     * P&amp;L plus the open trades' unrealized P&amp;L (what closing them now would realise, net of their
     * entry fees and the exits' estimated fees: {@link TradeRecord#unrealizedPnl()}).
     */
    private static final class EquitySampler implements MarketDataFeed {
        private final MarketDataFeed inner;
        private final ArbitrageStrategy strategy;
        private final BigDecimal capital;
        private final List<EquityPoint> points = new ArrayList<>();
        private BigDecimal peak;

        EquitySampler(MarketDataFeed inner, ArbitrageStrategy strategy, BigDecimal capital) {
            this.inner = inner;
            this.strategy = strategy;
            this.capital = capital;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<Instrument> instruments() {
            return inner.instruments();
        }

        @Override
        public void start(EventLoop loop, MarketDataSink sink) {
            // scheduled after the strategy's own timers: a minute's mark follows that second's monitor
            loop.scheduleEvery(loop.nowNanos() + SAMPLE_NANOS, SAMPLE_NANOS, () -> sample(loop.nowNanos()));
            inner.start(loop, sink);
        }

        @Override
        public void stop() {
            inner.stop();
        }

        void sample(long nanos) {
            Instant at = Clock.toInstant(nanos);
            if (!points.isEmpty() && !points.get(points.size() - 1).time().isBefore(at)) {
                return;
            }
            BigDecimal unrealized = BigDecimal.ZERO;
            for (TradeRecord t : strategy.openTrades()) {
                unrealized = unrealized.add(BigDecimal.valueOf(t.unrealizedPnl()));
            }
            BigDecimal equity = capital.add(strategy.metrics(nanos).cumulativePnl())
                    .add(unrealized)
                    .setScale(8, RoundingMode.HALF_EVEN);
            peak = peak == null ? equity : peak.max(equity);
            double dd = equity.divide(peak, MC).doubleValue() - 1;
            points.add(new EquityPoint(at, equity, dd, capital));
        }
    }

    // ------------------------------------------------------------------------------------ result

    private static BacktestResult result(
            Path recording,
            MarketRecording.Header header,
            ArbitrageSettings settings,
            Map<String, String> overrides,
            ArbitrageResult arb,
            EquitySampler sampler,
            long events,
            long runMs) {
        BigDecimal capital = settings.startingCapital();
        Map<String, String> params = parameters(settings);
        params.putAll(overrides);
        BacktestSettings config = new BacktestSettings(
                NAME,
                STRATEGY,
                params,
                header.instruments().stream().map(i -> i.id().toString()).toList(),
                "events",
                header.start(),
                header.end(),
                capital,
                settings.seed(),
                models(settings),
                "cash",
                Map.of());
        List<BacktestTrade> trades = new ArrayList<>();
        List<ClosedTrade> closed = new ArrayList<>();
        List<BacktestFill> fills = new ArrayList<>();
        long orderId = 0;
        for (TradeRecord t : arb.trades()) {
            for (OrderRecord o : t.orders()) {
                orderId++;
                if (o.fillPrice() != null && o.filledAt() != null) {
                    fills.add(new BacktestFill(
                            o.filledAt(),
                            orderId,
                            o.instrument(),
                            o.side(),
                            o.quantity(),
                            o.fillPrice(),
                            o.fee(),
                            t.id() + " " + o.purpose()));
                }
            }
            if (t.status() != TradeStatus.CLOSED || t.entryTime() == null || t.exitTime() == null) {
                continue;
            }
            BacktestTrade bt = trade(t);
            trades.add(bt);
            double notional = t.positionSize().doubleValue();
            closed.add(new ClosedTrade(
                    InstrumentId.parse(t.symbol() + "@" + t.longVenue()),
                    AssetClass.PERPETUAL,
                    t.shortVenue(),
                    t.entryTime(),
                    t.exitTime(),
                    t.quantity().doubleValue(),
                    bt.pnl().doubleValue(),
                    notional == 0 ? 0 : bt.pnl().doubleValue() / notional,
                    bt.fees().doubleValue()));
        }
        BacktestMetrics metrics = metrics(capital, sampler.points, trades, closed);
        BenchmarkComparison benchmark =
                new BenchmarkComparison("cash", 0.0, 0.0, null, 0.0, metrics.totalReturn(), null, null);
        ModelAssumptions assumptions = new ModelAssumptions(
                settings.seed(),
                List.of(new ModelAssumptions.Line(
                        "arbitrage",
                        String.format(
                                Locale.ROOT,
                                "limit at the touch, fills once %.0f %% of the resting depth traded at or through it",
                                settings.queueShare() * 100),
                        "market hedge after " + settings.legTimeoutMillis()
                                + " ms: size-depth(base=2, impact=3, cap=5)",
                        "venue latency profiles (log-normal with spikes), stale above "
                                + (long) settings.staleLatencyMillis() + " ms",
                        "venue perpetual maker fees on limits, taker on market hedges; funding at settlements",
                        "queue(share=" + settings.queueShare() + ")",
                        config.instruments())),
                List.of());
        return new BacktestResult(
                config,
                assumptions,
                metrics,
                benchmark,
                trades,
                fills,
                sampler.points,
                // the measured run time, as bar backtests report it: the only field that differs between two runs
                new BacktestTiming(events, runMs),
                false,
                "",
                List.of(),
                List.of());
    }

    private static String models(ArbitrageSettings s) {
        return String.format(
                Locale.ROOT,
                "arbitrage(queue=%s, leg_timeout_ms=%d, hedge=size-depth(base=2, impact=3, cap=5), stale_ms=%s)",
                s.queueShare(),
                s.legTimeoutMillis(),
                s.staleLatencyMillis());
    }

    /**
     * One round trip as a pair: the instrument is {@code SYMBOL long@VENUE short@VENUE}, prices are
     * the spread in price units (short leg minus long leg, at entry and at exit), P&amp;L the realised
     * profit after fees and funding, MAE and MFE the spread's excursions per unit while active.
     */
    private static BacktestTrade trade(TradeRecord t) {
        BigDecimal entryLong = fill(t, "long", true);
        BigDecimal entryShort = fill(t, "short", true);
        BigDecimal exitLong = fill(t, "long", false);
        BigDecimal exitShort = fill(t, "short", false);
        BigDecimal entry = entryShort == null || entryLong == null ? null : entryShort.subtract(entryLong);
        BigDecimal exit = exitShort == null || exitLong == null ? null : exitShort.subtract(exitLong);
        return new BacktestTrade(
                t.symbol() + " long@" + t.longVenue() + " short@" + t.shortVenue(),
                "SPREAD",
                t.entryTime(),
                t.exitTime(),
                t.quantity(),
                entry,
                exit,
                t.actualProfit(),
                t.fees(),
                Duration.between(t.entryTime(), t.exitTime()),
                excursion(t.maxAdverseExcursion()),
                excursion(t.maxFavourableExcursion()));
    }

    /** A per-unit spread excursion in price units, to 8 decimals. */
    private static BigDecimal excursion(double perUnit) {
        return BigDecimal.valueOf(Math.max(0, perUnit)).setScale(8, RoundingMode.HALF_EVEN);
    }

    /** The fill price of a leg's entry (or exit), hedge included; {@code null} if it never filled. */
    private static BigDecimal fill(TradeRecord t, String leg, boolean entry) {
        BigDecimal price = null;
        for (OrderRecord o : t.orders()) {
            boolean entryOrder = o.purpose().startsWith("entry");
            if (leg.equals(o.leg()) && entryOrder == entry && o.fillPrice() != null) {
                price = o.fillPrice();
            }
        }
        return price;
    }

    private static BacktestMetrics metrics(
            BigDecimal capital, List<EquityPoint> points, List<BacktestTrade> trades, List<ClosedTrade> closed) {
        double start = capital.doubleValue();
        // hourly returns: the last mark of each hour; crypto trades around the clock, 8,760 hours a year
        List<Double> hourly = new ArrayList<>();
        long lastHour = Long.MIN_VALUE;
        for (EquityPoint p : points) {
            long hour = Math.floorDiv(Clock.toNanos(p.time()) - 1, 3_600_000_000_000L);
            if (hour == lastHour) {
                hourly.set(hourly.size() - 1, p.equity().doubleValue());
            } else {
                hourly.add(p.equity().doubleValue());
                lastHour = hour;
            }
        }
        double[] r = new double[hourly.size()];
        double prev = start;
        for (int i = 0; i < r.length; i++) {
            r[i] = hourly.get(i) / prev - 1;
            prev = hourly.get(i);
        }
        double finalEquity = points.isEmpty()
                ? start
                : points.get(points.size() - 1).equity().doubleValue();
        double total = finalEquity / start - 1;
        PerformanceSummary perf = null;
        if (r.length >= 2) {
            // the dates only label the periods; the annualisation comes from the periods a year
            List<LocalDate> labels = ReturnSeries.consecutiveDays(LocalDate.of(2000, 1, 1), r.length);
            perf = PerformanceSummary.of(ReturnSeries.of(labels, r), MetricsConfig.of(HOURS_A_YEAR, 0));
        }
        double maxDd = 0;
        for (EquityPoint p : points) {
            maxDd = Math.min(maxDd, p.drawdown());
        }
        TradeStatistics ts = closed.isEmpty() ? null : TradeStatistics.of(closed);
        return new BacktestMetrics(
                finalEquity,
                total,
                perf == null ? null : num(perf.annualReturn()),
                perf == null ? null : num(perf.sharpeRatio()),
                perf == null ? null : num(perf.sortinoRatio()),
                maxDd,
                perf == null ? null : num(perf.annualVolatility()),
                ts == null ? null : num(ts.winRate()),
                ts == null ? null : num(ts.profitFactor()),
                ts == null ? null : num(ts.expectancy()),
                ts == null ? 0.0 : num(ts.exposure()),
                trades.size());
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
