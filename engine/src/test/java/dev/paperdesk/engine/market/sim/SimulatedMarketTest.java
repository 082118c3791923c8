package dev.paperdesk.engine.market.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.clock.WallClock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Quote;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {
    @Test
    void defaultMarketQuotesEveryInstrumentUnderTheSimulatedClock() {
        SimulatedMarket market = SimulatedMarket.defaultMarket(42);
        assertThat(market.instruments()).hasSize(128);
        assertThat(market.venues()).extracting(VenueProfile::name).contains("binance", "paradex", "nasdaq", "fx");
        assertThat(market.name()).contains("42");
        Instant start = Instant.parse("2024-03-05T15:00:00Z");
        EventLoop loop = new EventLoop(new SimulatedClock(start));
        List<Quote> quotes = new ArrayList<>();
        List<TradePrint> trades = new ArrayList<>();
        loop.execute(() -> market.start(loop, new MarketDataSink() {
            @Override
            public void onQuote(Quote quote) {
                assertThat(quote.timestamp()).isEqualTo(loop.clock().now());
                quotes.add(quote);
            }

            @Override
            public void onTrade(TradePrint trade) {
                trades.add(trade);
            }
        }));
        loop.runUntil(Clock.toNanos(start.plusSeconds(5)));
        assertThat(quotes.stream().map(Quote::instrumentId).distinct()).hasSize(128);
        assertThat(trades).isNotEmpty();
        assertThat(market.book(InstrumentId.parse("SOL-USDT-PERP@okx"))).get().matches(OrderBook::isLive);
        assertThat(market.simulator()).isPresent();
        market.stop();
        int seen = quotes.size();
        loop.runUntil(Clock.toNanos(start.plusSeconds(10)));
        assertThat(quotes).hasSize(seen);
    }

    @Test
    void runsOnTheWallClockAtAnySpeed() throws InterruptedException {
        WallClock clock = new WallClock(Instant.parse("2024-03-05T15:00:00Z"));
        clock.setSpeed(50);
        EventLoop loop = new EventLoop(clock);
        SimulatedMarket market = SimulatedMarket.defaultMarket(1, List.of("BTC-USDT@binance", "EUR/USD"))
                .withConfig(SimulationConfig.DEFAULT.withStep(Duration.ofMillis(500)));
        CountDownLatch enough = new CountDownLatch(40);
        List<Instant> stamps = new CopyOnWriteArrayList<>();
        loop.start("market-test");
        try {
            loop.execute(() -> market.start(loop, quote -> {
                // Events carry their step's time, which the wall clock has reached.
                assertThat(quote.timestamp()).isBeforeOrEqualTo(loop.clock().now());
                stamps.add(quote.timestamp());
                enough.countDown();
            }));
            assertThat(enough.await(60, TimeUnit.SECONDS)).isTrue();
            loop.call(() -> {
                market.stop();
                return null;
            });
        } finally {
            loop.stop();
        }
        for (int i = 1; i < stamps.size(); i++) {
            assertThat(stamps.get(i)).isAfterOrEqualTo(stamps.get(i - 1));
        }
    }
}
