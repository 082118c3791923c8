package dev.paperdesk.engine.strategy.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.strategy.StrategyFailure;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Many strategies at once on the live simulated market (simulated clock), each controlled alone. */
class StrategyRunnerTest {
    static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");

    /** Buys one lot on its first bar, then counts bars and fills. */
    static class Counter implements Strategy {
        final String name;
        int bars;
        int fills;
        boolean stopped;
        StrategyContext ctx;

        Counter(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            context.subscribeBars(BTC, Timeframe.M1);
        }

        @Override
        public void onBar(Bar bar) {
            if (bars++ == 0) {
                ctx.buyMarket(BTC, new Quantity(new BigDecimal("0.01")), "first");
            }
        }

        @Override
        public void onFill(Fill fill) {
            fills++;
            assertThat(ctx.position(BTC).quantity()).isPositive(); // the fill is booked before onFill
        }

        @Override
        public void onStop() {
            stopped = true;
        }
    }

    /** Throws on its third bar. */
    static final class Bomb extends Counter {
        Bomb() {
            super("bomb");
        }

        @Override
        public void onBar(Bar bar) {
            super.onBar(bar);
            if (bars == 3) {
                throw new IllegalStateException("boom");
            }
        }
    }

    @Test
    void runsElevenStrategiesAndControlsEachAlone() {
        StrategyRunner runner = new StrategyRunner();
        SessionConfig config = SessionConfig.simulated(null, Instant.parse("2025-03-03T00:00:00Z"), 9)
                .withFeed(runner.wrap(SimulatedMarket.defaultMarket(9, List.of("BTC-USDT@binance"))));
        List<StrategyFailure> failures = new ArrayList<>();
        runner.onFailure(failures::add);
        try (TradingSession session = TradingSession.open(config)) {
            PortfolioId shared = portfolio(session, "shared");
            List<Counter> counters = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Counter c = new Counter("c" + i);
                counters.add(c);
                // half on their own portfolio, half sharing one
                PortfolioId p = i % 2 == 0 ? portfolio(session, "own" + i) : shared;
                ids.add(runner.start(c, ParameterValues.empty(), p));
            }
            Bomb bomb = new Bomb();
            long bombId = runner.start(bomb, ParameterValues.empty(), portfolio(session, "bomb"));

            session.advance(Duration.ofMinutes(6));
            // the wrapper hides nothing of the simulator: its books and the paper-trading models stay
            assertThat(session.book(BTC)).isPresent();
            assertThat(session.executionSettings().defaults())
                    .isEqualTo(SessionConfig.defaultExecution(SimulatedMarket.defaultMarket(9), config.fees(), true)
                            .defaults());

            assertThat(runner.status(bombId).orElseThrow().state()).isEqualTo(StrategyState.FAILED);
            assertThat(runner.status(bombId).orElseThrow().error())
                    .contains("strategy 'bomb' failed in onBar")
                    .contains("boom");
            assertThat(failures).hasSize(1);
            assertThat(bomb.bars).isEqualTo(3);
            for (Counter c : counters) {
                assertThat(c.bars).as(c.name).isGreaterThanOrEqualTo(4);
                assertThat(c.fills).as(c.name).isEqualTo(1);
            }
            assertThat(runner.statuses()).filteredOn(s -> s.id() != bombId).allSatisfy(s -> {
                assertThat(s.state()).isEqualTo(StrategyState.RUNNING);
                assertThat(s.fills()).isEqualTo(1);
            });
            PortfolioSnapshotCheck.sharedHoldsFive(session, shared, BTC);

            Counter paused = counters.get(0);
            Counter stopped = counters.get(1);
            runner.pause(ids.get(0));
            runner.stop(ids.get(1));
            session.advance(Duration.ofMinutes(3));
            int pausedBars = paused.bars;
            session.advance(Duration.ofMinutes(3));
            assertThat(paused.bars).isEqualTo(pausedBars);
            assertThat(runner.status(ids.get(0)).orElseThrow().state()).isEqualTo(StrategyState.PAUSED);
            assertThat(stopped.stopped).isTrue();
            assertThat(runner.status(ids.get(1)).orElseThrow().state()).isEqualTo(StrategyState.STOPPED);
            int stoppedBars = stopped.bars;
            assertThat(counters.get(2).bars).isGreaterThan(pausedBars);

            runner.resume(ids.get(0));
            session.advance(Duration.ofMinutes(3));
            assertThat(paused.bars).isGreaterThan(pausedBars);
            assertThat(stopped.bars).isEqualTo(stoppedBars);
            assertThat(bomb.bars).isEqualTo(3);
        }
    }

    /** On each bar, the context's cash against the portfolio snapshot's; buys on the first, sells on the fourth. */
    static final class CashCheck extends Counter {
        final TradingSession session;
        final PortfolioId portfolio;
        final List<Money> seen = new ArrayList<>();
        final List<Money> expected = new ArrayList<>();

        CashCheck(TradingSession session, PortfolioId portfolio) {
            super("cash");
            this.session = session;
            this.portfolio = portfolio;
        }

        @Override
        public void onBar(Bar bar) {
            // read before the snapshot: the context's cash must not depend on a snapshot made first
            seen.add(ctx.cash());
            PortfolioSnapshot s = session.portfolio(portfolio).orElseThrow();
            expected.add(Money.of(s.cash(), s.baseCurrency()));
            super.onBar(bar);
            if (bars == 4) {
                ctx.sellMarket(BTC, new Quantity(new BigDecimal("0.01")), "out");
            }
        }

        @Override
        public void onFill(Fill fill) {
            fills++; // the second fill leaves the position flat
        }
    }

    @Test
    void theContextsCashIsTheSnapshotsCashValueAndScaleFlatAndHeld() {
        StrategyRunner runner = new StrategyRunner();
        SessionConfig config = SessionConfig.simulated(null, Instant.parse("2025-03-03T00:00:00Z"), 9)
                .withFeed(runner.wrap(SimulatedMarket.defaultMarket(9, List.of("BTC-USDT@binance"))));
        try (TradingSession session = TradingSession.open(config)) {
            PortfolioId id = portfolio(session, "cash");
            CashCheck check = new CashCheck(session, id);
            runner.start(check, ParameterValues.empty(), id);
            session.advance(Duration.ofMinutes(12));
            assertThat(check.fills).isEqualTo(2);
            assertThat(check.seen).hasSizeGreaterThanOrEqualTo(6).isEqualTo(check.expected);
            // the bought coin was paid for in USDT: the cash moved with the fills
            assertThat(check.seen.stream().map(Money::amount).distinct()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aRuleStrategyOnAnInstrumentTheMarketDoesNotListSaysSoInItsLog() {
        StrategyRunner runner = new StrategyRunner();
        SessionConfig config = SessionConfig.simulated(null, Instant.parse("2025-03-03T00:00:00Z"), 9)
                .withFeed(runner.wrap(SimulatedMarket.defaultMarket(9, List.of("BTC-USDT@binance"))));
        String yaml = dev.paperdesk.engine.strategy.builtin.Templates.text("builtin:sma-cross")
                .orElseThrow()
                .replace("timeframe: 1h", "timeframe: 1m");
        try (TradingSession session = TradingSession.open(config)) {
            PortfolioId id = portfolio(session, "elsewhere");
            var built = dev.paperdesk.engine.strategy.rules.RuleStrategyLoader.load("sma.yaml", yaml)
                    .orThrow()
                    .build(java.util.Map.of())
                    .orThrow();
            long handle = runner.start(built, ParameterValues.empty(), id);
            session.advance(Duration.ofMinutes(5));
            assertThat(runner.log(handle))
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .endsWith(" WARN BTC-USDT@sim is not listed on this market: no bar of it will reach the strategy");
            runner.stop(handle);
            session.advance(Duration.ofSeconds(1));
            // it never had a bar to act on: nothing more to explain
            assertThat(runner.log(handle)).hasSize(1);
        }
    }

    /** Notes, for each bar, whether it came during the warm-up and whether its SMA(30) was defined. */
    static final class WarmUpProbe implements Strategy {
        final List<String> seen = new ArrayList<>();
        private StrategyContext ctx;
        private dev.paperdesk.engine.strategy.api.IndicatorHandle sma;

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
            sma = context.indicator(dev.paperdesk.engine.strategy.api.IndicatorRequest.of(
                    BTC, dev.paperdesk.engine.model.Timeframe.M1, "sma:30"));
        }

        @Override
        public void onBar(Bar bar) {
            seen.add((ctx.isWarmingUp() ? "warm " : "live ") + !Double.isNaN(sma.value()));
            if (ctx.isWarmingUp() && seen.size() == 1) {
                try {
                    ctx.submit(new dev.paperdesk.engine.strategy.api.StrategyOrder.Market(
                            BTC,
                            dev.paperdesk.engine.model.Side.BUY,
                            dev.paperdesk.engine.model.Quantity.of(1),
                            false,
                            "old"));
                    seen.add("ordered on a stored bar");
                } catch (IllegalStateException e) {
                    seen.add(e.getMessage());
                }
            }
        }
    }

    @Test
    void aLiveStrategyWarmsUpOnTheStoredBarsAndTradesWithItsIndicatorsReady() {
        Instant start = Instant.parse("2025-03-03T00:00:00Z");
        dev.paperdesk.engine.backtest.MemoryBarStore history = new dev.paperdesk.engine.backtest.MemoryBarStore();
        List<Bar> stored = new ArrayList<>();
        for (int i = 40; i >= 1; i--) {
            BigDecimal p = BigDecimal.valueOf(60000 + i);
            stored.add(new Bar(
                    BTC,
                    dev.paperdesk.engine.model.Timeframe.M1,
                    start.minusSeconds(60L * i),
                    p,
                    p,
                    p,
                    p,
                    BigDecimal.ONE));
        }
        history.insert(
                new dev.paperdesk.engine.store.BarStore.SeriesKey(BTC, dev.paperdesk.engine.model.Timeframe.M1),
                stored,
                dev.paperdesk.engine.store.BarStore.WriteMode.REPLACE);

        StrategyRunner runner = new StrategyRunner();
        SessionConfig config = SessionConfig.simulated(null, start, 9)
                .withFeed(runner.wrap(SimulatedMarket.defaultMarket(9, List.of("BTC-USDT@binance"))));
        try (TradingSession session = TradingSession.open(config)) {
            WarmUpProbe warmed = new WarmUpProbe();
            WarmUpProbe cold = new WarmUpProbe();
            long handle = runner.start(warmed, ParameterValues.empty(), portfolio(session, "warmed"), history);
            runner.start(cold, ParameterValues.empty(), portfolio(session, "cold"));
            session.advance(Duration.ofMinutes(2).plusSeconds(1));

            assertThat(warmed.seen).hasSize(43);
            assertThat(warmed.seen.get(0)).isEqualTo("warm false");
            assertThat(warmed.seen.get(1))
                    .isEqualTo("strategy 'probe' is warming up on stored bars: orders are refused");
            assertThat(warmed.seen.get(31)).isEqualTo("warm true"); // the 30th stored bar defines SMA(30)
            assertThat(warmed.seen.subList(41, 43)).containsExactly("live true", "live true");
            assertThat(runner.log(handle)).anySatisfy(l -> assertThat(l)
                    .endsWith(" INFO warmed up on 40 1m BTC-USDT@binance stored bars, up to 2025-03-03T00:00:00Z"));
            // without the stored bars the indicator starts empty
            assertThat(cold.seen).containsExactly("live false", "live false");
            assertThat(runner.status(handle).orElseThrow().state()).isEqualTo(StrategyState.RUNNING);
        }
    }

    private static PortfolioId portfolio(TradingSession session, String name) {
        return TradingSession.await(
                        session.createPortfolio(name, "", Currency.USD, new BigDecimal("100000"), CostBasisMethod.FIFO))
                .id();
    }

    /** Checks on the shared portfolio: five strategies bought 0.01 each. */
    static final class PortfolioSnapshotCheck {
        static void sharedHoldsFive(TradingSession session, PortfolioId shared, InstrumentId id) {
            BigDecimal q = session.portfolio(shared).orElseThrow().positions().stream()
                    .filter(p -> p.instrumentId().equals(id))
                    .findFirst()
                    .orElseThrow()
                    .quantity();
            assertThat(q).isEqualByComparingTo("0.05");
        }
    }
}
