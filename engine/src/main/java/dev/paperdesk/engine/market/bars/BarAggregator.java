package dev.paperdesk.engine.market.bars;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.UnitScale;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds OHLCV bars of one instrument on several timeframes at once from its trades.
 *
 * <p>A bar covers {@code [open, open + duration)} aligned to UTC (as {@link Timeframe#floor}); a
 * trade exactly on a boundary opens the next bar. A bar is published when a trade arrives after
 * its end or when {@link #advanceTo} passes its end; {@link #flush} publishes the bars still open.
 * Intervals without trades publish nothing or a flat bar, as the {@link GapPolicy} says.
 *
 * <p>The fast path {@link #onTrade(long, long, long)} takes ticks and lots and allocates nothing
 * until a bar completes. Trades must arrive in time order; one older than the open bar is corrupt
 * input and is refused. Not thread-safe.
 */
public final class BarAggregator {
    private final InstrumentId instrumentId;
    private final UnitScale price;
    private final UnitScale quantity;
    private final GapPolicy gaps;
    private final Consumer<Bar> sink;
    private final Timeframe[] timeframes;
    private final long[] duration;
    private final long[] start;
    private final long[] end;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final boolean[] active;
    private final long[] lastClose;
    private final boolean[] seen;

    public BarAggregator(
            InstrumentId instrumentId,
            BigDecimal tickSize,
            BigDecimal lotSize,
            Collection<Timeframe> timeframes,
            GapPolicy gaps,
            Consumer<Bar> sink) {
        this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
        this.price = new UnitScale(tickSize);
        this.quantity = new UnitScale(lotSize);
        this.gaps = Objects.requireNonNull(gaps, "gaps");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException(instrumentId + ": no timeframe to aggregate");
        }
        this.timeframes = EnumSet.copyOf(timeframes).toArray(new Timeframe[0]);
        int n = this.timeframes.length;
        duration = new long[n];
        start = new long[n];
        end = new long[n];
        open = new long[n];
        high = new long[n];
        low = new long[n];
        close = new long[n];
        volume = new long[n];
        active = new boolean[n];
        lastClose = new long[n];
        seen = new boolean[n];
        for (int j = 0; j < n; j++) {
            duration[j] = this.timeframes[j].duration().toNanos();
        }
    }

    /** Bars of {@code instrument} at its tick and lot size. */
    public static BarAggregator of(
            Instrument instrument, Collection<Timeframe> timeframes, GapPolicy gaps, Consumer<Bar> sink) {
        return new BarAggregator(instrument.id(), instrument.tickSize(), instrument.lotSize(), timeframes, gaps, sink);
    }

    public InstrumentId instrumentId() {
        return instrumentId;
    }

    /** Adds a trade of {@code lots} lots at {@code priceTicks} ticks, at {@code epochNanos}. */
    public void onTrade(long epochNanos, long priceTicks, long lots) {
        if (lots < 0) {
            throw new IllegalArgumentException(instrumentId + ": negative trade size " + lots);
        }
        for (int j = 0; j < timeframes.length; j++) {
            if (epochNanos >= end[j] || !active[j]) {
                roll(j, epochNanos);
            } else if (epochNanos < start[j]) {
                throw new IllegalArgumentException(instrumentId + ": trade at " + Clock.toInstant(epochNanos)
                        + " is older than the open " + timeframes[j] + " bar at " + Clock.toInstant(start[j]));
            }
            if (priceTicks > high[j]) {
                high[j] = priceTicks;
            }
            if (priceTicks < low[j]) {
                low[j] = priceTicks;
            }
            if (open[j] == Long.MIN_VALUE) {
                open[j] = priceTicks;
            }
            close[j] = priceTicks;
            volume[j] += lots;
        }
    }

    /** Adds a trade print; its price must be on this instrument's tick and its size on the lot. */
    public void onTrade(TradePrint trade) {
        if (!trade.instrumentId().equals(instrumentId)) {
            throw new IllegalArgumentException("trade of " + trade.instrumentId() + " sent to bars of " + instrumentId);
        }
        long ticks;
        long lots;
        try {
            ticks = price.toCountExact(trade.price().value());
            lots = quantity.toCountExact(trade.size().value());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(instrumentId + ": trade " + trade.price() + " x " + trade.size()
                    + " is off the tick " + price.unit().toPlainString() + " or lot "
                    + quantity.unit().toPlainString());
        }
        onTrade(Clock.toNanos(trade.timestamp()), ticks, lots);
    }

    /** Publishes every open bar that ends at or before {@code epochNanos} (time passing without trades). */
    public void advanceTo(long epochNanos) {
        for (int j = 0; j < timeframes.length; j++) {
            if (active[j] && epochNanos >= end[j]) {
                publish(j);
                active[j] = false;
            }
        }
    }

    /** Publishes the bars still open (e.g. at the end of a run), although their interval has not ended. */
    public void flush() {
        for (int j = 0; j < timeframes.length; j++) {
            if (active[j]) {
                publish(j);
                active[j] = false;
            }
        }
    }

    /** The bar being built on {@code timeframe}, if a trade has opened one. */
    public Optional<Bar> current(Timeframe timeframe) {
        for (int j = 0; j < timeframes.length; j++) {
            if (timeframes[j] == timeframe) {
                return active[j]
                        ? Optional.of(bar(j, open[j], high[j], low[j], close[j], volume[j]))
                        : Optional.empty();
            }
        }
        throw new IllegalArgumentException(instrumentId + ": " + timeframe + " is not aggregated here");
    }

    private void roll(int j, long t) {
        long d = duration[j];
        long bucket = Math.floorDiv(t, d) * d;
        if (active[j]) {
            publish(j);
        }
        if (gaps == GapPolicy.FILL_FLAT && seen[j]) {
            // Flat bars from the end of the last published bar up to the new trade's bar.
            for (long s = end[j]; s < bucket; s += d) {
                sink.accept(bar(j, s, lastClose[j], lastClose[j], lastClose[j], lastClose[j], 0));
            }
        }
        start[j] = bucket;
        end[j] = bucket + d;
        open[j] = Long.MIN_VALUE;
        high[j] = Long.MIN_VALUE;
        low[j] = Long.MAX_VALUE;
        volume[j] = 0;
        active[j] = true;
    }

    private void publish(int j) {
        sink.accept(bar(j, open[j], high[j], low[j], close[j], volume[j]));
        lastClose[j] = close[j];
        seen[j] = true;
    }

    private Bar bar(int j, long o, long h, long l, long c, long v) {
        return bar(j, start[j], o, h, l, c, v);
    }

    private Bar bar(int j, long openNanos, long o, long h, long l, long c, long v) {
        return new Bar(
                instrumentId,
                timeframes[j],
                Clock.toInstant(openNanos),
                price.toDecimal(o),
                price.toDecimal(h),
                price.toDecimal(l),
                price.toDecimal(c),
                quantity.toDecimal(v));
    }
}
