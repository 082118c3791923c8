package dev.paperdesk.engine.market.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.bars.GapPolicy;
import dev.paperdesk.engine.market.bars.TradeBarsSink;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Timeframe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same bytes: every event of a simulated day through the real event loop. */
class SimulatedMarketDeterminismTest {
    static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    static final List<String> SUBSET = List.of(
            "BTC-USDT@binance",
            "BTC-USDT@kucoin",
            "BTC-USDT-PERP@binance",
            "BTC-USDT-PERP@hyperliquid",
            "ETH-USDT-PERP@paradex",
            "ORBZ",
            "SPYX",
            "EUR/USD",
            "EUR/JPY");
    // One-second steps keep a full simulated day quick; the code path is the same at any step.
    static final SimulationConfig CONFIG =
            SimulationConfig.DEFAULT.withStep(Duration.ofSeconds(1)).withBookInterval(Duration.ofMinutes(1));

    static String runDay(long seed, MarketDataSink extra) {
        CanonicalEventDigest digest = new CanonicalEventDigest();
        MarketDataSink sink = extra == null ? digest : new Tee(digest, extra);
        SimulatedMarket market = new SimulatedMarket(MarketUniverse.standard().select(SUBSET), CONFIG, seed);
        EventLoop loop = new EventLoop(new SimulatedClock(START));
        loop.execute(() -> market.start(loop, sink));
        loop.runUntil(Clock.toNanos(START.plus(Duration.ofDays(1))));
        market.stop();
        assertThat(digest.quotes).isPositive();
        assertThat(digest.trades).isPositive();
        assertThat(digest.books).isPositive();
        assertThat(digest.marks).isPositive();
        assertThat(digest.fundings).isPositive();
        assertThat(digest.openInterests).isPositive();
        return digest.hex() + "/" + digest.events();
    }

    @Test
    void sameSeedGivesTheSameEventStreamAndAnotherSeedAnotherOne() {
        String first = runDay(42, null);
        String second = runDay(42, null);
        String other = runDay(43, null);
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void addingAListenerDoesNotChangeTheStream() {
        List<Object> bars = new ArrayList<>();
        TradeBarsSink barsSink = new TradeBarsSink(
                MarketUniverse.standard().select(SUBSET).instruments(),
                List.of(Timeframe.M1, Timeframe.H1),
                GapPolicy.SKIP,
                bars::add);
        assertThat(runDay(7, barsSink)).isEqualTo(runDay(7, null));
        assertThat(bars).isNotEmpty();
    }

    /** Forwards every event to two sinks. */
    record Tee(MarketDataSink a, MarketDataSink b) implements MarketDataSink {
        @Override
        public void onQuote(Quote quote) {
            a.onQuote(quote);
            b.onQuote(quote);
        }

        @Override
        public void onTrade(TradePrint trade) {
            a.onTrade(trade);
            b.onTrade(trade);
        }

        @Override
        public void onBook(dev.paperdesk.engine.market.BookSnapshot book) {
            a.onBook(book);
            b.onBook(book);
        }

        @Override
        public void onMarkPrice(dev.paperdesk.engine.market.MarkPrice mark) {
            a.onMarkPrice(mark);
            b.onMarkPrice(mark);
        }

        @Override
        public void onFundingRate(dev.paperdesk.engine.market.FundingRate funding) {
            a.onFundingRate(funding);
            b.onFundingRate(funding);
        }

        @Override
        public void onOpenInterest(dev.paperdesk.engine.market.OpenInterest openInterest) {
            a.onOpenInterest(openInterest);
            b.onOpenInterest(openInterest);
        }
    }
}
