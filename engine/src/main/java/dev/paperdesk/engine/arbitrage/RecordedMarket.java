package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A recorded multi-venue market, replayed as a feed: every quote, print, book, mark, funding and
 * open-interest event in the order and at the engine time it first arrived. Replaying a recording
 * into a strategy gives the decisions the strategy took live; this is how the arbitrage strategy is
 * backtested over a recorded day.
 */
public final class RecordedMarket implements MarketDataFeed {
    private record Event(long nanos, Consumer<MarketDataSink> delivery) {}

    private final String name;
    private final List<Instrument> instruments;
    private final List<Event> events;
    private boolean running;

    private RecordedMarket(String name, List<Instrument> instruments, List<Event> events) {
        this.name = name;
        this.instruments = List.copyOf(instruments);
        this.events = List.copyOf(events);
    }

    /** Records a feed's events while it runs; {@link #replay} makes the recording a feed. */
    public static final class Recorder implements MarketDataFeed {
        private final MarketDataFeed feed;
        private final List<Event> events = new ArrayList<>();
        private EventLoop loop;

        public Recorder(MarketDataFeed feed) {
            this.feed = Objects.requireNonNull(feed, "feed");
        }

        @Override
        public String name() {
            return feed.name();
        }

        @Override
        public List<Instrument> instruments() {
            return feed.instruments();
        }

        @Override
        public MarketDataFeed origin() {
            return feed.origin();
        }

        @Override
        public void start(EventLoop eventLoop, MarketDataSink sink) {
            this.loop = eventLoop;
            feed.start(eventLoop, new MarketDataSink() {
                @Override
                public void onQuote(Quote q) {
                    record(s -> s.onQuote(q));
                    sink.onQuote(q);
                }

                @Override
                public void onTrade(TradePrint t) {
                    record(s -> s.onTrade(t));
                    sink.onTrade(t);
                }

                @Override
                public void onBook(BookSnapshot b) {
                    record(s -> s.onBook(b));
                    sink.onBook(b);
                }

                @Override
                public void onMarkPrice(MarkPrice m) {
                    record(s -> s.onMarkPrice(m));
                    sink.onMarkPrice(m);
                }

                @Override
                public void onFundingRate(FundingRate f) {
                    record(s -> s.onFundingRate(f));
                    sink.onFundingRate(f);
                }

                @Override
                public void onOpenInterest(OpenInterest o) {
                    record(s -> s.onOpenInterest(o));
                    sink.onOpenInterest(o);
                }
            });
        }

        private void record(Consumer<MarketDataSink> delivery) {
            events.add(new Event(loop.nowNanos(), delivery));
        }

        @Override
        public void stop() {
            feed.stop();
        }

        /** The events recorded so far, as a feed that replays them. */
        public RecordedMarket replay() {
            return new RecordedMarket("replay of " + feed.name(), feed.instruments(), events);
        }
    }

    /** How many events the recording holds. */
    public int size() {
        return events.size();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        running = true;
        if (!events.isEmpty() && events.get(0).nanos() < loop.nowNanos()) {
            throw new IllegalStateException(
                    "the recording starts at " + Clock.toInstant(events.get(0).nanos()) + ", before the replay's clock "
                            + Clock.toInstant(loop.nowNanos()));
        }
        scheduleBatch(loop, sink, 0);
    }

    /**
     * One loop task per recorded time, each scheduling the next when it has run, as the simulator
     * schedules its next step: the replayed events interleave with timers as the live ones did.
     */
    private void scheduleBatch(EventLoop loop, MarketDataSink sink, int from) {
        if (from >= events.size()) {
            return;
        }
        long at = events.get(from).nanos();
        int to = from;
        while (to < events.size() && events.get(to).nanos() == at) {
            to++;
        }
        int end = to;
        loop.schedule(at, () -> {
            if (!running) {
                return;
            }
            for (int k = from; k < end; k++) {
                events.get(k).delivery().accept(sink);
            }
            scheduleBatch(loop, sink, end);
        });
    }

    @Override
    public void stop() {
        running = false;
    }
}
