package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.execution.models.ExecutionSettings;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.montecarlo.CancellationToken;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.runner.StrategyRunner;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BacktesterTest {
    static final InstrumentId ACME = new InstrumentId("ACME", "hist");
    static final Instrument ACME_EQUITY = BacktestData.csvInstrument(ACME);
    static final List<Bar> BARS = GeneratedBars.wave(ACME, Timeframe.H1, 700, 7);

    static BacktestConfig smaCross() {
        StrategyDefinition def = StrategySource.load(
                "builtin:sma-cross", StrategySource.text("builtin:sma-cross"), List.of(ACME), Timeframe.H1);
        return BacktestConfig.of("builtin:sma-cross", def, BacktestData.ofBars(ACME_EQUITY, BARS));
    }

    @Test
    void marketOrdersFillAtTheOpenOfTheBarAfterEachCrossing() {
        BacktestResult r = Backtester.run(smaCross());

        List<Integer> crossings = crossings(BARS, 10, 30);
        assertThat(crossings).hasSizeGreaterThan(4);
        assertThat(r.fills()).isNotEmpty();
        Map<Instant, Bar> byOpen = new HashMap<>();
        BARS.forEach(b -> byOpen.put(b.openTime(), b));
        // every crossing (up: buy, down: sell) after the first buy is answered at the next bar's open
        int first = crossings.stream().filter(i -> i > 0).findFirst().orElseThrow();
        List<String> expected = new ArrayList<>();
        for (int k : crossings) {
            if (Math.abs(k) < first || Math.abs(k) + 1 >= BARS.size()) {
                continue;
            }
            Bar next = BARS.get(Math.abs(k) + 1);
            // filled at the next bar's open and stamped with it
            expected.add((k > 0 ? "BUY " : "SELL ") + next.openTime() + " " + next.open());
        }
        List<String> actual = r.fills().stream()
                .map(f -> f.side() + " " + f.time() + " " + f.price().stripTrailingZeros())
                .toList();
        assertThat(actual)
                .containsExactlyElementsOf(expected.stream()
                        .map(s -> s.substring(0, s.lastIndexOf(' ') + 1)
                                + new BigDecimal(s.substring(s.lastIndexOf(' ') + 1)).stripTrailingZeros())
                        .toList());
        for (BacktestFill f : r.fills()) {
            assertThat(f.price()).isEqualByComparingTo(byOpen.get(f.time()).open());
        }
        assertThat(r.trades()).hasSize(r.fills().size() / 2);
        assertThat(r.timing().bars()).isEqualTo(BARS.size());
        assertThat(r.equity()).hasSize(BARS.size());
    }

    @Test
    void metricsAgreeWithTheEquityCurveAndTrades() {
        BacktestResult r = Backtester.run(smaCross());
        EquityPoint last = r.equity().get(r.equity().size() - 1);
        assertThat(r.metrics().finalEquity()).isEqualTo(last.equity().doubleValue());
        assertThat(r.metrics().totalReturn()).isCloseTo(last.equity().doubleValue() / 100_000 - 1, within());
        assertThat(r.metrics().trades()).isEqualTo(r.trades().size());
        double pnl = r.trades().stream().mapToDouble(t -> t.pnl().doubleValue()).sum();
        boolean flatAtEnd = r.fills().size() % 2 == 0;
        if (flatAtEnd) {
            assertThat(pnl).isCloseTo(last.equity().doubleValue() - 100_000, within());
        }
        double minDd =
                r.equity().stream().mapToDouble(EquityPoint::drawdown).min().orElseThrow();
        assertThat(minDd).isLessThanOrEqualTo(0);
        long wins = r.trades().stream().filter(t -> t.pnl().signum() > 0).count();
        assertThat(r.metrics().winRate()).isCloseTo((double) wins / r.trades().size(), within());
        // exposure: the time in the (long-only, never overlapping) trades over the whole run
        double held = r.trades().stream()
                .mapToDouble(t ->
                        java.time.Duration.between(t.entryTime(), t.exitTime()).toNanos())
                .sum();
        double run = java.time.Duration.between(r.equity().get(0).time(), last.time())
                .toNanos();
        assertThat(r.metrics().exposure()).isCloseTo(held / run, within()).isLessThan(1.0);
        // buy and hold: capital at the first close, marked at the last
        double bh = 100_000
                * BARS.get(BARS.size() - 1).close().doubleValue()
                / BARS.get(0).close().doubleValue();
        assertThat(last.benchmark().doubleValue()).isCloseTo(bh, org.assertj.core.data.Offset.offset(0.01));
        for (BacktestTrade t : r.trades()) {
            assertThat(t.mae()).isNotNegative();
            assertThat(t.mfe()).isNotNegative();
            assertThat(t.holding()).isEqualTo(Duration.between(t.entryTime(), t.exitTime()));
        }
        assertThat(r.assumptions().scopes()).isNotEmpty();
    }

    @Test
    void aDailyFillIsDatedTheTradingDayOfItsOpenNotTheNextCalendarDay() {
        // weekday bars only: a crossing signalled on a Friday fills at Monday's open, dated Monday
        List<Bar> days = new java.util.ArrayList<>();
        for (Bar b : GeneratedBars.wave(ACME, Timeframe.D1, 2000, 11)) {
            java.time.DayOfWeek d =
                    b.openTime().atZone(java.time.ZoneOffset.UTC).getDayOfWeek();
            if (d != java.time.DayOfWeek.SATURDAY && d != java.time.DayOfWeek.SUNDAY) {
                days.add(b);
            }
        }
        StrategyDefinition def = StrategySource.load(
                "builtin:sma-cross", StrategySource.text("builtin:sma-cross"), List.of(ACME), Timeframe.D1);
        BacktestResult r =
                Backtester.run(BacktestConfig.of("builtin:sma-cross", def, BacktestData.ofBars(ACME_EQUITY, days)));

        Map<Instant, Bar> byOpen = new HashMap<>();
        days.forEach(b -> byOpen.put(b.openTime(), b));
        assertThat(r.fills()).hasSizeGreaterThan(6);
        assertThat(r.fills()).allSatisfy(f -> assertThat(byOpen.get(f.time()))
                .as("the bar opening at the fill's time %s", f.time())
                .isNotNull()
                .satisfies(b -> assertThat(f.price()).isEqualByComparingTo(b.open())));
        assertThat(r.fills()).anySatisfy(f -> assertThat(
                        f.time().atZone(java.time.ZoneOffset.UTC).getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.MONDAY));
        assertThat(r.trades()).allSatisfy(t -> {
            assertThat(byOpen).containsKey(t.entryTime());
            assertThat(byOpen).containsKey(t.exitTime());
        });
    }

    @Test
    void aRuleThatNeverActsIsExplainedInTheWarnings() {
        // volume-breakout's 13:00-21:00 UTC window on daily bars: every signal closes at midnight
        List<Bar> days = GeneratedBars.wave(ACME, Timeframe.D1, 300, 5);
        StrategyDefinition def = StrategySource.load(
                "builtin:volume-breakout", StrategySource.text("builtin:volume-breakout"), List.of(ACME), Timeframe.D1);
        BacktestResult r = Backtester.run(
                BacktestConfig.of("builtin:volume-breakout", def, BacktestData.ofBars(ACME_EQUITY, days)));

        assertThat(r.trades()).isEmpty();
        int line = lineOf(StrategySource.text("builtin:volume-breakout"), "- time:");
        assertThat(r.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(" WARN rule 'breakout' never acted: on the ")
                .contains(" 1d bars it could act on, ")
                .contains("'time' (line " + line + ") held on none")
                .endsWith("(those bars close at 00:00 UTC; a time window needs bars that close inside it)");
        // the exit rule never could act (never a position): nothing to explain
        assertThat(r.warnings().get(0)).doesNotContain("trend-lost");
    }

    @Test
    void partsThatHoldButNeverTogetherAreCountedAndARuleThatActsSaysNothing() {
        String yaml =
                """
                name: never-both
                instruments: [ACME@hist]
                timeframe: 1h
                rules:
                  - name: impossible
                    when:
                      all:
                        - above: [close, open]
                        - below: [close, open]
                        - position: [flat, long]
                    then: {action: buy, size: {quantity: 1}}
                  - name: unreachable
                    when: [{above: [close, 0]}, {position: long}]
                    then: {action: sell, size: {quantity: 1}}
                """;
        StrategyDefinition def = StrategySource.load("never.yaml", yaml, List.of(ACME), Timeframe.H1);
        List<Bar> bars = BARS.subList(0, 50);
        BacktestResult r = Backtester.run(BacktestConfig.of("never.yaml", def, BacktestData.ofBars(ACME_EQUITY, bars)));
        long up = bars.stream().filter(b -> b.close().compareTo(b.open()) > 0).count();
        long down = bars.stream().filter(b -> b.close().compareTo(b.open()) < 0).count();
        assertThat(up).isPositive();
        assertThat(down).isPositive();
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0))
                .endsWith("rule 'impossible' never acted: on the 50 1h bars it could act on, its parts held ('above'"
                        + " (line 8) on " + up + ", 'below' (line 9) on " + down + ", 'position' (line 10) on 50)"
                        + " but never all on the same bar");
        assertThat(r.warnings().get(1))
                .endsWith("rule 'unreachable' never acted: on the 50 1h bars it could act on, 'position' (line 13)"
                        + " held on none");

        assertThat(Backtester.run(smaCross()).warnings()).isEmpty();
    }

    @Test
    void aPartThatReadsAnIndicatorNeverWarmedUpIsNamedAsSuch() {
        // macd-momentum's trend filter is an EMA(50) of 4h bars: a day of 5m bars makes 6 of them
        List<Bar> bars = GeneratedBars.wave(ACME, Timeframe.M5, 288, 5);
        StrategyDefinition def = StrategySource.load(
                "builtin:macd-momentum", StrategySource.text("builtin:macd-momentum"), List.of(ACME), Timeframe.M5);
        BacktestResult r =
                Backtester.run(BacktestConfig.of("builtin:macd-momentum", def, BacktestData.ofBars(ACME_EQUITY, bars)));

        assertThat(r.trades()).isEmpty();
        int line = lineOf(StrategySource.text("builtin:macd-momentum"), "- above: [close, trend]");
        assertThat(r.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("rule 'momentum-up' never acted: on the ")
                .contains("'above' (line " + line + ") held on none")
                .endsWith("; 'above' (line " + line + ") read an indicator that was undefined on all of them"
                        + " (too few bars of its timeframe to warm it up)");
    }

    @Test
    void entriesSkippedForASizeBelowOneLotAreCountedInTheWarnings() {
        // 10 USD buys a tenth of a share, and the instrument trades whole shares: the rule holds on every
        // bar yet never trades, and the run says why instead of ending with no trades and no reason
        String yaml =
                """
                name: too-small
                instruments: [ACME@hist]
                timeframe: 1h
                rules:
                  - name: tiny
                    when: [{above: [close, 0]}, {position: flat}]
                    then: {action: buy, size: {amount: 10, step: 0.001}}
                """;
        StrategyDefinition def = StrategySource.load("too-small.yaml", yaml, List.of(ACME), Timeframe.H1);
        List<Bar> bars = BARS.subList(0, 50);
        BacktestResult r =
                Backtester.run(BacktestConfig.of("too-small.yaml", def, BacktestData.ofBars(ACME_EQUITY, bars)));

        assertThat(r.trades()).isEmpty();
        Bar last = bars.get(49);
        String sized = BigDecimal.TEN
                .divide(last.close().multiply(new BigDecimal("0.001")), 0, java.math.RoundingMode.DOWN)
                .multiply(new BigDecimal("0.001"))
                .stripTrailingZeros()
                .toPlainString();
        assertThat(r.warnings())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .endsWith("rule 'tiny' held but placed no order 50 times: its size rounded to zero (the last, on the"
                        + " bar of " + last.openTime() + ", sized " + sized + " units at "
                        + last.close().toPlainString() + ", less than one lot of 1 of ACME@hist)");
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }

    @Test
    void aSizeInCryptoStepsTradesWholeSharesOfAStock() {
        // 25 % of the equity in steps of 0.001 would be a fractional number of ACME shares (lot 1)
        String yaml =
                """
                name: quarter
                instruments: [ACME@hist]
                timeframe: 1h
                rules:
                  - name: out
                    when: {position: long}
                    then: {action: close}
                  - name: in
                    when: {position: flat}
                    then: {action: buy, size: {equity_pct: 25, step: 0.001}}
                """;
        StrategyDefinition def = StrategySource.load("quarter.yaml", yaml, List.of(ACME), Timeframe.H1);
        BacktestResult r = Backtester.run(
                BacktestConfig.of("quarter.yaml", def, BacktestData.ofBars(ACME_EQUITY, BARS.subList(0, 40))));
        assertThat(r.rejections()).isEmpty();
        assertThat(r.fills()).hasSizeGreaterThan(10);
        assertThat(r.fills())
                .allSatisfy(f -> assertThat(f.quantity().stripTrailingZeros().scale())
                        .as("whole shares: %s", f.quantity())
                        .isLessThanOrEqualTo(0));
        // a quarter of the equity, rounded down to whole shares at the signal close
        BigDecimal first = r.fills().get(0).quantity();
        assertThat(first)
                .isEqualByComparingTo(
                        new BigDecimal("25000").divide(BARS.get(0).close(), 0, java.math.RoundingMode.DOWN));
    }

    @Test
    void maeAndMfeComeFromTheBarsATradeWasOpenThrough() {
        BacktestResult r = Backtester.run(smaCross());
        assertThat(r.trades()).hasSizeGreaterThan(3);
        for (BacktestTrade t : r.trades()) {
            // long only: from the entry's bar (filled at its open) to the bar before the exit's
            BigDecimal high = null;
            BigDecimal low = null;
            for (Bar b : BARS) {
                if (!b.openTime().isBefore(t.entryTime()) && b.openTime().isBefore(t.exitTime())) {
                    high = high == null ? b.high() : high.max(b.high());
                    low = low == null ? b.low() : low.min(b.low());
                }
            }
            assertThat(high).isNotNull();
            assertThat(t.mfe())
                    .isEqualByComparingTo(high.subtract(t.entryPrice()).max(BigDecimal.ZERO));
            assertThat(t.mae())
                    .isEqualByComparingTo(t.entryPrice().subtract(low).max(BigDecimal.ZERO));
        }
    }

    @Test
    void feesAreChargedPerOrderAndRunsAreDeterministicPerSeed() {
        FeeModel perOrder =
                new StandardFeeModel(BigDecimal.ZERO, new BigDecimal("5"), BigDecimal.ZERO, BigDecimal.ZERO);
        BacktestConfig c = smaCross().withModels(BacktestConfig.barModels(perOrder));
        BacktestResult a = Backtester.run(c);
        BacktestResult b = Backtester.run(c);
        assertThat(a.fills()).isEqualTo(b.fills());
        assertThat(a.equity()).isEqualTo(b.equity());
        assertThat(a.fills()).allSatisfy(f -> assertThat(f.fee()).isEqualByComparingTo("5"));
        assertThat(a.trades()).allSatisfy(t -> assertThat(t.fees()).isEqualByComparingTo("10"));
    }

    @Test
    void slippageModelMovesFillsAgainstTheOrder() {
        // A fixed size, so both runs trade the same quantities and only the prices differ.
        BacktestConfig fixed = smaCross().withParameters(Map.of("qty", "500"));
        BacktestResult plain = Backtester.run(fixed);
        BacktestResult slipped = Backtester.run(fixed.withModels(BacktestConfig.barModels(FeeModel.NONE)
                .withSlippage(new dev.paperdesk.engine.execution.models.SlippageModel.FixedBps(20))));
        assertThat(slipped.fills()).as(String.join("\n", slipped.rejections())).hasSameSizeAs(plain.fills());
        for (int i = 0; i < plain.fills().size(); i++) {
            BacktestFill a = plain.fills().get(i);
            BacktestFill b = slipped.fills().get(i);
            assertThat(b.time()).isEqualTo(a.time());
            if (a.side().equals("BUY")) {
                assertThat(b.price()).isGreaterThan(a.price());
            } else {
                assertThat(b.price()).isLessThan(a.price());
            }
        }
        assertThat(slipped.metrics().finalEquity()).isLessThan(plain.metrics().finalEquity());
        assertThat(slipped.config().models()).contains("slippage=fixed");
    }

    @Test
    void twoInstrumentsTradeSideBySideWithTheFirstAsBenchmark() {
        InstrumentId other = new InstrumentId("BETA", "hist");
        List<Bar> otherBars = GeneratedBars.wave(other, Timeframe.H1, 700, 99);
        MemoryBarStore store = new MemoryBarStore();
        store.insert(
                new dev.paperdesk.engine.store.BarStore.SeriesKey(ACME, Timeframe.H1),
                BARS,
                dev.paperdesk.engine.store.BarStore.WriteMode.REPLACE);
        store.insert(
                new dev.paperdesk.engine.store.BarStore.SeriesKey(other, Timeframe.H1),
                otherBars,
                dev.paperdesk.engine.store.BarStore.WriteMode.REPLACE);
        BacktestData data = BacktestData.all(
                store,
                List.of(
                        new BarReplayFeed.ReplaySeries(ACME_EQUITY, Timeframe.H1),
                        new BarReplayFeed.ReplaySeries(BacktestData.csvInstrument(other), Timeframe.H1)));
        StrategyDefinition def = StrategySource.load(
                "builtin:sma-cross", StrategySource.text("builtin:sma-cross"), List.of(ACME, other), Timeframe.H1);
        BacktestResult r =
                Backtester.run(BacktestConfig.of("builtin:sma-cross", def, data).withParameters(Map.of("qty", "10")));
        assertThat(r.fills()).extracting(BacktestFill::instrument).contains("ACME@hist", "BETA@hist");
        assertThat(r.equity()).hasSize(700); // one point per close instant
        assertThat(r.timing().bars()).isEqualTo(1400);
        assertThat(r.benchmark().instrument()).isEqualTo("ACME@hist");
        assertThat(r.trades()).allSatisfy(t -> assertThat(t.quantity()).isEqualByComparingTo("10"));
    }

    @Test
    void cancellingStopsTheRunEarly() {
        CancellationToken token = new CancellationToken();
        List<BacktestProgress> seen = new ArrayList<>();
        BacktestResult r = Backtester.run(
                smaCross(),
                p -> {
                    seen.add(p);
                    if (p.barsDone() > 100) {
                        token.cancel();
                    }
                },
                token);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.timing().bars()).isLessThan(BARS.size()).isGreaterThan(100);
        assertThat(seen).extracting(BacktestProgress::barsTotal).containsOnly((long) BARS.size());
    }

    /**
     * Parity: a paper-trading session on the same replayed bars, advanced an hour at a time with the
     * strategy started through the runner, books exactly the backtest's fills.
     */
    @Test
    void paperTradingOnTheReplayedFeedGivesTheBacktestsFills() {
        BacktestConfig config = smaCross();
        BacktestResult backtest = Backtester.run(config);

        BacktestData data = config.data();
        StrategyRunner runner = new StrategyRunner();
        BarReplayFeed feed = new BarReplayFeed(data.store(), data.series(), data.from(), data.to(), 0);
        SessionConfig sc = SessionConfig.simulated(null, feed.startTime(), 42)
                .withFeed(runner.wrap(feed))
                .withExecution(ExecutionSettings.of(42, config.models()));
        List<String> paper;
        try (TradingSession session = TradingSession.open(sc)) {
            PortfolioId pid = TradingSession.await(
                            session.createPortfolio("paper", "", Currency.USD, config.capital(), CostBasisMethod.FIFO))
                    .id();
            var built = Backtester.build(config);
            runner.start(built.strategy(), built.values(), pid);
            Instant end = data.to().plus(Duration.ofHours(1));
            while (session.now().isBefore(end)) {
                session.advance(Duration.ofHours(1));
            }
            paper = session.fills().stream()
                    .filter(f -> f.portfolioId().equals(pid))
                    .map(BacktesterTest::describe)
                    .toList();
        }
        assertThat(paper).isNotEmpty();
        assertThat(paper)
                .containsExactlyElementsOf(backtest.fills().stream()
                        .map(f -> f.time() + " " + f.side() + " " + f.quantity().stripTrailingZeros() + " @ "
                                + f.price().stripTrailingZeros() + " fee "
                                + f.fee().stripTrailingZeros())
                        .toList());
    }

    /**
     * Without a listener following portfolios the engine does not re-mark them on every quote; the
     * equity it reports at each bar is still, value and scale, the snapshot equity an engine that
     * re-marks on every quote publishes, and the fills are the same.
     */
    @Test
    void equityWithoutPortfolioFollowersIsTheEagerSnapshotsEquity() {
        BacktestConfig config = smaCross();
        List<String> eager = equityAtEveryBar(config, true);
        List<String> lazy = equityAtEveryBar(config, false);
        assertThat(lazy).hasSize(BARS.size());
        assertThat(lazy).containsExactlyElementsOf(eager);
        assertThat(Backtester.run(config).equity().stream()
                        .map(p -> p.time() + " " + p.equity().toString())
                        .toList())
                .containsExactlyElementsOf(lazy.stream()
                        .map(l -> l.substring(0, l.lastIndexOf(' ')))
                        .toList());
    }

    /** "close equity fills" at each bar; with {@code follow} a listener follows portfolios and the snapshot is read. */
    private static List<String> equityAtEveryBar(BacktestConfig config, boolean follow) {
        BacktestData data = config.data();
        StrategyRunner runner = new StrategyRunner();
        BarReplayFeed feed = new BarReplayFeed(data.store(), data.series(), data.from(), data.to(), 0);
        SessionConfig sc = SessionConfig.simulated(null, feed.startTime(), 42)
                .withFeed(runner.wrap(feed))
                .withExecution(ExecutionSettings.of(42, config.models()));
        List<String> out = new ArrayList<>();
        try (TradingSession session = TradingSession.open(sc)) {
            if (follow) {
                session.addListener(e -> {});
            }
            PortfolioId pid = TradingSession.await(
                            session.createPortfolio("paper", "", Currency.USD, config.capital(), CostBasisMethod.FIFO))
                    .id();
            runner.afterBar(bar -> {
                BigDecimal eq = session.equity(pid).orElseThrow();
                if (follow) {
                    assertThat(eq.toString())
                            .isEqualTo(session.portfolio(pid)
                                    .orElseThrow()
                                    .equity()
                                    .toString());
                }
                out.add(bar.openTime().plus(bar.timeframe().duration()) + " " + eq + " "
                        + session.fills().size());
            });
            var built = Backtester.build(config);
            runner.start(built.strategy(), built.values(), pid);
            Instant end = data.to().plus(Duration.ofHours(1));
            while (session.now().isBefore(end)) {
                session.advance(Duration.ofHours(1));
            }
        }
        return out;
    }

    private static String describe(Fill f) {
        return f.timestamp() + " " + f.side() + " " + f.quantity().value().stripTrailingZeros() + " @ "
                + f.price().value().stripTrailingZeros() + " fee "
                + f.fee().amount().stripTrailingZeros();
    }

    /** Indexes of bars where SMA(fast) crosses SMA(slow): +i above, -i below (i > 0). */
    /**
     * Trading from bar T with the bars before it as warm-up: SMA(30) is defined from T on, so the
     * first cross up a few bars after T is taken at once, exactly as in the run over all bars; data cut
     * at T (no warm-up) cannot see that cross. Nothing before T is traded, recorded or measured.
     */
    @Test
    void barsBeforeTheTradingStartOnlyWarmUpTheIndicators() {
        List<Integer> crossings = crossings(BARS, 10, 30);
        int k = 0;
        while (!(crossings.get(k) > 100 && crossings.get(k) - Math.abs(crossings.get(k - 1)) > 6)) {
            k++;
        }
        int up = crossings.get(k);
        int t = up - 5;
        Instant tradeFrom = BARS.get(t).openTime();

        BacktestConfig all = smaCross();
        BacktestResult full = Backtester.run(all);
        BacktestResult warm = Backtester.run(all.withData(all.data().trading(tradeFrom, null)));
        BacktestResult cut =
                Backtester.run(all.withData(BacktestData.ofBars(ACME_EQUITY, BARS.subList(t, BARS.size()))));

        Instant firstFill = BARS.get(up + 1).openTime();
        assertThat(warm.fills().get(0).side()).isEqualTo("BUY");
        assertThat(warm.fills().get(0).time()).isEqualTo(firstFill);
        // Same signals as the run over all bars (quantities differ: the cash at each entry does).
        java.util.function.Function<BacktestFill, String> signal = f -> f.side() + " " + f.time() + " " + f.price();
        assertThat(warm.fills())
                .extracting(signal)
                .containsExactlyElementsOf(full.fills().stream()
                        .filter(f -> f.time().isAfter(tradeFrom))
                        .map(signal)
                        .toList());
        assertThat(cut.fills().get(0).time()).isAfter(firstFill);

        assertThat(warm.config().from()).isEqualTo(tradeFrom);
        assertThat(warm.timing().bars()).isEqualTo(BARS.size() - t);
        assertThat(warm.equity()).hasSize(BARS.size() - t);
        assertThat(warm.equity().get(0).time()).isEqualTo(tradeFrom.plus(Duration.ofHours(1)));
        // Buy and hold starts with the first traded bar, as in the cut run.
        assertThat(warm.benchmark().totalReturn()).isEqualTo(cut.benchmark().totalReturn());
    }

    @Test
    void aTradingRangeOutsideTheDataIsRefused() {
        BacktestData data = smaCross().data();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> data.trading(data.to().plusSeconds(1), null))
                .hasMessageContaining("no bars to trade");
    }

    static List<Integer> crossings(List<Bar> bars, int fast, int slow) {
        List<Integer> out = new ArrayList<>();
        double[] f = sma(bars, fast);
        double[] s = sma(bars, slow);
        for (int i = 1; i < bars.size(); i++) {
            if (Double.isNaN(s[i - 1])) {
                continue;
            }
            if (f[i] > s[i] && f[i - 1] <= s[i - 1]) {
                out.add(i);
            } else if (f[i] < s[i] && f[i - 1] >= s[i - 1]) {
                out.add(-i);
            }
        }
        return out;
    }

    static double[] sma(List<Bar> bars, int n) {
        double[] out = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            if (i + 1 < n) {
                out[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = i + 1 - n; j <= i; j++) {
                sum += bars.get(j).close().doubleValue();
            }
            out[i] = sum / n;
        }
        return out;
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
