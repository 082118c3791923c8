package dev.paperdesk.engine.strategy.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.backtest.BacktestData;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A bar reaches strategies and bar observers only when it opens after the series' last delivered bar. */
class StrategyRunnerBarOrderProperties {
    static final InstrumentId ACME = new InstrumentId("ACME", "hist");
    static final Instant START = Instant.parse("2025-03-03T00:00:00Z");

    /** Sends the given bars of one series, in order, all at one loop instant. */
    private record BarsFeed(List<Bar> bars) implements MarketDataFeed {
        @Override
        public String name() {
            return "bars";
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(BacktestData.csvInstrument(ACME));
        }

        @Override
        public void start(EventLoop loop, MarketDataSink sink) {
            loop.schedule(loop.nowNanos() + 1, () -> bars.forEach(sink::onBar));
        }

        @Override
        public void stop() {}
    }

    private static Bar bar(Instant open) {
        BigDecimal p = new BigDecimal("10.00");
        return new Bar(ACME, Timeframe.M1, open, p, p, p, p, BigDecimal.ONE);
    }

    private static List<Instant> observed(List<Instant> opens) {
        StrategyRunner runner = new StrategyRunner();
        List<Instant> seen = new ArrayList<>();
        runner.afterBar(b -> seen.add(b.openTime()));
        List<Bar> bars =
                opens.stream().map(StrategyRunnerBarOrderProperties::bar).toList();
        SessionConfig config = SessionConfig.simulated(null, START, 1).withFeed(runner.wrap(new BarsFeed(bars)));
        try (TradingSession session = TradingSession.open(config)) {
            session.advance(Duration.ofSeconds(1));
        }
        return seen;
    }

    /** Open times a few seconds and nanoseconds apart, either side of the start, in any order, repeated. */
    @Provide
    Arbitrary<List<Instant>> opens() {
        Arbitrary<Instant> open = Arbitraries.longs().between(-3, 3).flatMap(s -> Arbitraries.of(0, 1, 2, 999_999_999)
                .map(n -> START.plusSeconds(s).plusNanos(n)));
        return open.list().ofMaxSize(30);
    }

    @Property(tries = 500)
    void onlyBarsAfterTheLastDeliveredOneAreSeen(@ForAll("opens") List<Instant> opens) {
        List<Instant> expected = new ArrayList<>();
        Instant last = null;
        for (Instant o : opens) {
            if (last == null || o.isAfter(last)) {
                expected.add(o);
                last = o;
            }
        }
        assertThat(observed(opens)).containsExactlyElementsOf(expected);
    }

    @Example
    void aRepeatedOrOlderBarIsSkippedAndALaterNanosecondIsNot() {
        Instant t = START.plusSeconds(5).plusNanos(7);
        assertThat(observed(List.of(
                        t,
                        t,
                        t.plusNanos(1),
                        t,
                        t.plusSeconds(1).minusNanos(8),
                        t.minusSeconds(1).plusNanos(999_999_000),
                        t.plusSeconds(1))))
                .containsExactly(t, t.plusNanos(1), t.plusSeconds(1).minusNanos(8), t.plusSeconds(1));
    }
}
