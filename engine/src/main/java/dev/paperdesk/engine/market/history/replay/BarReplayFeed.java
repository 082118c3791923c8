package dev.paperdesk.engine.market.history.replay;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Replays stored bars of one or several series on the event loop. Each bar is due at its close
 * time ({@code openTime + timeframe}); then the sink receives a {@link Quote} at the close
 * ({@code close ± halfSpreadTicks × tick}, both sizes the bar's volume, at least one lot) and
 * then the {@link Bar} itself, so a strategy reacting to the bar sees the matching quote already
 * in force. Bars closing at the same instant are delivered in the order the series were given.
 *
 * <p>With a {@link dev.paperdesk.engine.clock.SimulatedClock} the replay runs as fast as the loop
 * can go; with a {@link dev.paperdesk.engine.clock.WallClock} started at {@link #startTime()} it
 * runs at the clock's speed factor. Bars that close before the loop's time at {@link #start} are
 * skipped, so a replay can resume. Series are read from the store a page at a time.
 */
public final class BarReplayFeed implements MarketDataFeed {
    /** Bars read from the store per query and series. */
    static final int PAGE = 4096;

    /** A series to replay and the instrument its quotes are for (tick and lot size). */
    public record ReplaySeries(Instrument instrument, Timeframe timeframe) {
        public ReplaySeries {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(timeframe, "timeframe");
        }

        SeriesKey key() {
            return new SeriesKey(instrument.id(), timeframe);
        }
    }

    private final BarStore store;
    private final List<ReplaySeries> series;
    private final Instant from;
    private final Instant to;
    private final int halfSpreadTicks;
    private EventLoop.Timer timer;
    private EventLoop loop;
    private boolean stopped;
    private long delivered;

    /** Replays every bar of {@code series} with open time in {@code [from, to)}, one tick either side of the close. */
    public BarReplayFeed(BarStore store, List<ReplaySeries> series, Instant from, Instant to) {
        this(store, series, from, to, 1);
    }

    public BarReplayFeed(BarStore store, List<ReplaySeries> series, Instant from, Instant to, int halfSpreadTicks) {
        this.store = Objects.requireNonNull(store, "store");
        this.series = List.copyOf(series);
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        if (this.series.isEmpty()) {
            throw new IllegalArgumentException("replay needs at least one series");
        }
        if (this.series.stream().map(ReplaySeries::key).distinct().count() != this.series.size()) {
            throw new IllegalArgumentException("a series is listed twice");
        }
        if (halfSpreadTicks < 0) {
            throw new IllegalArgumentException("half spread must not be negative: " + halfSpreadTicks);
        }
        this.halfSpreadTicks = halfSpreadTicks;
    }

    @Override
    public String name() {
        return "replay of " + series.stream().map(s -> s.key().toString()).toList();
    }

    @Override
    public List<Instrument> instruments() {
        Map<Object, Instrument> distinct = new LinkedHashMap<>();
        for (ReplaySeries s : series) {
            distinct.putIfAbsent(s.instrument().id(), s.instrument());
        }
        return List.copyOf(distinct.values());
    }

    /** The open time of the earliest bar to replay (a good start for the clock), or {@code from} if there is none. */
    public Instant startTime() {
        Instant earliest = null;
        for (ReplaySeries s : series) {
            List<Bar> firstBar = store.read(s.key(), from, to, 1);
            if (!firstBar.isEmpty()
                    && (earliest == null || firstBar.get(0).openTime().isBefore(earliest))) {
                earliest = firstBar.get(0).openTime();
            }
        }
        return earliest == null ? from : earliest;
    }

    /** Bars delivered so far. */
    public long delivered() {
        return delivered;
    }

    @Override
    public void start(EventLoop loop, MarketDataSink sink) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(sink, "sink");
        stopped = false;
        long now = loop.nowNanos();
        PriorityQueue<Cursor> due = new PriorityQueue<>(
                Comparator.comparingLong((Cursor c) -> c.closeNanos).thenComparingInt(c -> c.order));
        for (int i = 0; i < series.size(); i++) {
            Cursor c = new Cursor(series.get(i), i, now);
            if (c.advance()) {
                due.add(c);
            }
        }
        Cursor head = due.peek();
        if (head == null) {
            timer = null;
            return;
        }
        this.loop = loop;
        // One timer, re-armed for each close instant: no task object per bar.
        Runnable step = series.size() == 1 ? () -> deliverOne(head, sink) : () -> deliverDue(due, sink);
        timer = loop.schedule(head.closeNanos, step);
    }

    /** The single series' bar due now, then the timer for its next bar. */
    private void deliverOne(Cursor c, MarketDataSink sink) {
        if (stopped) {
            return;
        }
        deliver(c, sink);
        if (c.advance() && !stopped) {
            loop.reschedule(timer, c.closeNanos);
        } else {
            timer = null;
        }
    }

    /** Every series' bar closing now, in series order, then the timer for the next close. */
    private void deliverDue(PriorityQueue<Cursor> due, MarketDataSink sink) {
        long at = due.isEmpty() ? Long.MIN_VALUE : due.peek().closeNanos;
        while (!stopped && !due.isEmpty() && due.peek().closeNanos == at) {
            Cursor c = due.poll();
            deliver(c, sink);
            if (c.advance()) {
                due.add(c);
            }
        }
        Cursor next = due.peek();
        if (next == null || stopped) {
            timer = null;
            return;
        }
        loop.reschedule(timer, next.closeNanos);
    }

    private void deliver(Cursor c, MarketDataSink sink) {
        Bar bar = c.current();
        BigDecimal close = bar.close();
        BigDecimal size = bar.volume().max(c.lot);
        Quantity sizes = new Quantity(size);
        // Without a spread the close itself is the bid when subtracting zero would keep its scale.
        Price bid = new Price(c.half.signum() == 0 && close.scale() >= c.half.scale() ? close : close.subtract(c.half));
        // Without a spread bid and ask are the same number (value and scale): one price serves both.
        Price ask = c.half.signum() == 0 ? bid : new Price(close.add(c.half));
        sink.onQuote(new Quote(c.series.instrument().id(), c.closeTime(), bid, ask, sizes, sizes));
        sink.onBar(bar);
        delivered++;
    }

    @Override
    public void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    /** Walks one series page by page. */
    private final class Cursor {
        final ReplaySeries series;
        final int order;
        final SeriesKey key;
        final long notBeforeNanos;
        final long durationNanos;
        /** The timeframe's length as seconds and a nanosecond part in {@code [0, 1e9)}. */
        final long durationSeconds;

        final int durationNanoPart;
        final BigDecimal half;
        final BigDecimal lot;
        List<Bar> page = List.of();
        int index;
        Instant nextFrom;
        boolean exhausted;
        long closeNanos;
        /** {@link #closeNanos} as epoch seconds and nanosecond of the second, worked out without a division. */
        long closeSecond;

        int closeNanoOfSecond;

        Cursor(ReplaySeries series, int order, long notBeforeNanos) {
            this.series = series;
            this.order = order;
            this.key = series.key();
            this.notBeforeNanos = notBeforeNanos;
            this.durationNanos = series.timeframe().duration().toNanos();
            this.durationSeconds = series.timeframe().duration().getSeconds();
            this.durationNanoPart = series.timeframe().duration().getNano();
            this.half = series.instrument().tickSize().multiply(BigDecimal.valueOf(halfSpreadTicks));
            this.lot = series.instrument().lotSize();
            // Bars closing before now are skipped: start reading one bar length before now.
            Instant resumeAt =
                    Clock.toInstant(notBeforeNanos).minus(series.timeframe().duration());
            this.nextFrom = resumeAt.isAfter(from) ? resumeAt : from;
        }

        /**
         * The bar {@link #advance} moved to. Read from the page rather than kept in a field: storing a
         * bar in this long-lived cursor each bar is a reference store across heap regions, whose
         * garbage collector barrier (a full fence with G1) would stall every bar.
         */
        Bar current() {
            return page.get(index - 1);
        }

        /**
         * The current bar's close instant: the next bar's open time when that is the same instant (bars
         * without gaps), so no instant is made per bar.
         */
        Instant closeTime() {
            if (index < page.size()) {
                Instant next = page.get(index).openTime();
                long seconds = next.getEpochSecond();
                // the same instant: seconds and nanoseconds both match the close
                if (seconds == closeSecond && next.getNano() == closeNanoOfSecond) {
                    return next;
                }
            }
            return Instant.ofEpochSecond(closeSecond, closeNanoOfSecond);
        }

        /** Moves to the next bar due at or after the start time; false when the series is done. */
        boolean advance() {
            while (true) {
                if (index >= page.size()) {
                    if (exhausted) {
                        return false;
                    }
                    // read, not copied: the page goes (with its delivered bars) when the next one is read
                    page = store.read(key, nextFrom, to, PAGE);
                    index = 0;
                    if (page.size() < PAGE) {
                        exhausted = true;
                    }
                    if (!page.isEmpty()) {
                        nextFrom = page.get(page.size() - 1).openTime().plusNanos(1);
                    }
                    continue;
                }
                Bar bar = page.get(index++);
                Instant open = bar.openTime();
                long close = Math.addExact(Clock.toNanos(open), durationNanos);
                if (close >= notBeforeNanos) {
                    closeNanos = close;
                    // open + length by parts (nanoseconds of a second stay below 1e9): the floor
                    // quotient and remainder of close by 1e9, as closeTime compares them
                    int nano = open.getNano() + durationNanoPart;
                    long second = open.getEpochSecond() + durationSeconds;
                    if (nano >= 1_000_000_000) {
                        nano -= 1_000_000_000;
                        second++;
                    }
                    closeSecond = second;
                    closeNanoOfSecond = nano;
                    return true;
                }
            }
        }
    }
}
