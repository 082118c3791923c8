package dev.paperdesk.engine.arbitrage;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.clock.SimulatedClock;
import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * A recorded multi-venue perpetual market as a file: every quote, print, book, mark, funding and
 * open-interest event of the perpetuals, at the engine time it arrived, in a compact gzip'd binary
 * of format version {@value #VERSION} (layout in docs/arbitrage.md). {@link #record} writes one
 * atomically; {@link #open} reads one back as a feed that replays it lazily, so a whole day never
 * sits in memory.
 *
 * <p>Books keep the levels within a band of the touch stated in the header ({@link
 * #STRATEGY_BOOK_BAND_BPS} by default: the depth the arbitrage strategy and its fill model read;
 * 0 keeps every level). Nothing else is left out or rounded: every event and every other field is
 * exact.
 */
public final class MarketRecording {
    /** The usual file name extension: Paperdesk market recording. */
    public static final String EXTENSION = ".pdmr";
    /** The format version this class writes and reads. */
    public static final int VERSION = 2;
    /**
     * The book band recorded by default: the strategy's depth band ({@link ArbitrageStrategy#DEPTH_BAND_BPS}),
     * the only part of a book its scanner, sizer and hedge slippage read.
     */
    public static final BigDecimal STRATEGY_BOOK_BAND_BPS = BigDecimal.valueOf(ArbitrageStrategy.DEPTH_BAND_BPS);

    private static final byte[] MAGIC = "PDMKTREC".getBytes(StandardCharsets.US_ASCII);
    private static final int END = 0;
    private static final int QUOTE = 1;
    private static final int TRADE = 2;
    private static final int BOOK = 3;
    private static final int MARK = 4;
    private static final int FUNDING = 5;
    private static final int OPEN_INTEREST = 6;
    private static final long SLICE_NANOS = 3_600_000_000_000L;
    private static final int MAX_TEXT = 200;
    private static final int MAX_LEVELS = 10_000;

    /**
     * What a recording holds besides its events.
     *
     * @param source what was recorded, e.g. the simulated market and its seed
     * @param seed the market's seed (0 when not seeded)
     * @param start engine time of the recording's start
     * @param end engine time of its end; the replay runs until then
     * @param bookBandBps books keep the levels within this many bps of their touch (0: every level)
     * @param instruments the perpetuals recorded, in the feed's order
     */
    public record Header(
            int version,
            String source,
            long seed,
            Instant start,
            Instant end,
            BigDecimal bookBandBps,
            List<Instrument.Perpetual> instruments) {
        public Header {
            Objects.requireNonNull(source, "source");
            if (bookBandBps.signum() < 0) {
                throw new IllegalArgumentException("negative book band: " + bookBandBps);
            }
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            instruments = List.copyOf(instruments);
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("recording ends before it starts: " + start + " > " + end);
            }
        }

        public Duration duration() {
            return Duration.between(start, end);
        }

        /** True when books hold every level the feed published. */
        public boolean fullBooks() {
            return bookBandBps.signum() == 0;
        }

        /** True when the books hold at least the levels within {@code bps} of the touch. */
        public boolean coversBand(double bps) {
            return fullBooks() || bookBandBps.doubleValue() >= bps;
        }
    }

    private MarketRecording() {}

    /** {@link #record(MarketDataFeed, String, long, Instant, Duration, BigDecimal, Path, Consumer)} with the strategy's band. */
    public static long record(
            MarketDataFeed feed,
            String source,
            long seed,
            Instant start,
            Duration duration,
            Path target,
            Consumer<Instant> progress)
            throws IOException {
        return record(feed, source, seed, start, duration, STRATEGY_BOOK_BAND_BPS, target, progress);
    }

    /**
     * Runs {@code feed} on its own loop with a simulated clock from {@code start} for {@code duration}
     * and writes its perpetuals' events to {@code target} (atomically), books cut to the levels
     * within {@code bookBandBps} of their touch (0: every level); {@code progress} hears the engine
     * time after each simulated hour. Returns how many events were written.
     */
    public static long record(
            MarketDataFeed feed,
            String source,
            long seed,
            Instant start,
            Duration duration,
            BigDecimal bookBandBps,
            Path target,
            Consumer<Instant> progress)
            throws IOException {
        Objects.requireNonNull(feed, "feed");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        List<Instrument.Perpetual> perps = feed.instruments().stream()
                .filter(i -> i instanceof Instrument.Perpetual)
                .map(i -> (Instrument.Perpetual) i)
                .toList();
        if (perps.isEmpty()) {
            throw new IllegalArgumentException(feed.name() + " has no perpetuals to record");
        }
        Header header = new Header(VERSION, source, seed, start, start.plus(duration), bookBandBps, perps);
        long[] count = new long[1];
        AtomicFiles.write(target, raw -> {
            GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
                {
                    // most of a day is sizes that barely repeat: the best level still gains about 5 % over the fastest
                    def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
                }
            };
            Writer w = new Writer(new DataOutputStream(gz), header);
            w.header();
            EventLoop loop = new EventLoop(new SimulatedClock(start));
            loop.onError(e -> {
                throw new IllegalStateException("recording failed: " + e.getMessage(), e);
            });
            MarketDataSink sink = w.sink(loop);
            loop.execute(() -> feed.start(loop, sink));
            long end = Clock.toNanos(header.end());
            for (long t = loop.nowNanos(); t < end; ) {
                t = Math.min(end, t + SLICE_NANOS);
                loop.runUntil(t);
                w.check();
                progress.accept(loop.clock().now());
            }
            feed.stop();
            w.end();
            count[0] = w.events;
            gz.finish();
            gz.flush();
        });
        return count[0];
    }

    /** Reads the header of {@code file} (and checks the magic and version). */
    public static Header readHeader(Path file) throws IOException {
        try (Reader r = new Reader(file)) {
            return r.header;
        }
    }

    /**
     * Counts and checks every event of {@code file} to its end marker: a truncated or corrupt file
     * fails here, naming the event, byte offset and field.
     */
    public static long verify(Path file) throws IOException {
        try (Reader r = new Reader(file)) {
            while (r.next() != null) {
                // each event is decoded and validated; nothing is delivered
            }
            return r.events;
        }
    }

    /** The recording as a feed that replays it at its recorded engine times, reading as it goes. */
    public static Replay open(Path file) throws IOException {
        return new Replay(file);
    }

    // slots of a listing's last values: most decimals are written against the previous one in their slot
    private static final int S_BID = 0;
    private static final int S_ASK = 1;
    private static final int S_BID_SIZE = 2;
    private static final int S_ASK_SIZE = 3;
    private static final int S_TRADE_PRICE = 4;
    private static final int S_TRADE_SIZE = 5;
    private static final int S_MARK = 6;
    private static final int S_INDEX = 7;
    private static final int S_RATE = 8;
    private static final int S_OI = 9;
    private static final int S_FUNDING_RATE = 10;
    private static final int S_FUNDING_MARK = 11;
    private static final int S_LEVELS = 12;

    // the event head byte: kind in the low bits, then what follows
    private static final int KIND_MASK = 0x07;
    private static final int H_TIME = 0x08;
    private static final int H_STAMP = 0x10;
    private static final int H_BID_SIZE = 0x20;
    private static final int H_ASK_SIZE = 0x40;
    private static final int H_SELL = 0x20;

    // a decimal's low two bits: against the reference at its scale, at a lower scale, or explicit
    private static final int D_SAME = 0;
    private static final int D_LOWER = 1;
    private static final int D_EXPLICIT = 2;
    private static final int MAX_SIZES_REMEMBERED = 64;

    /** A level's price or size slot: bids and asks interleaved by level index. */
    private static int levelSlot(int side, int level, int what) {
        return S_LEVELS + level * 4 + side * 2 + what;
    }

    /**
     * What the writer and the reader both remember of each listing, updated identically on both
     * sides: the last value of each slot (kept at the widest scale it had, so a round price costs a
     * byte, not a fresh start) and the last size seen at each price of each side of the book, the
     * reference of the next size at that price (a level that did not change costs a byte).
     */
    private static final class Context {
        private final BigDecimal[][] slots;
        private final List<List<TreeMap<BigDecimal, BigDecimal>>> sizes = new ArrayList<>();

        Context(int listings) {
            slots = new BigDecimal[listings][S_LEVELS + 80];
            for (int i = 0; i < listings; i++) {
                sizes.add(List.of(new TreeMap<>(), new TreeMap<>()));
            }
        }

        BigDecimal slot(int listing, int slot) {
            return slot < slots[listing].length ? slots[listing][slot] : null;
        }

        void set(int listing, int slot, BigDecimal v) {
            if (slot >= slots[listing].length) {
                slots[listing] = Arrays.copyOf(slots[listing], Math.max(slot + 1, slots[listing].length * 2));
            }
            slots[listing][slot] = v;
        }

        /** The last size at {@code price} on a side (0 bids, 1 asks), or {@code null}. */
        BigDecimal sizeAt(int listing, int side, BigDecimal price) {
            return sizes.get(listing).get(side).get(price);
        }

        void rememberSize(int listing, int side, BigDecimal price, BigDecimal size) {
            TreeMap<BigDecimal, BigDecimal> m = sizes.get(listing).get(side);
            if (m.size() >= MAX_SIZES_REMEMBERED && !m.containsKey(price)) {
                m.clear(); // a listing without books: forget rather than grow
            }
            m.put(price, size);
        }

        /**
         * A print takes liquidity at its price from the side its aggressor hit (a buy lifts asks): the
         * size remembered there shrinks by the print, the best guess of the next size seen there.
         */
        void printed(int listing, BigDecimal price, BigDecimal size, boolean buy) {
            TreeMap<BigDecimal, BigDecimal> m = sizes.get(listing).get(buy ? 1 : 0);
            BigDecimal before = m.get(price);
            if (before != null) {
                m.put(price, widen(before.subtract(size), before));
            }
        }

        void forgetSizes(int listing, int side) {
            sizes.get(listing).get(side).clear();
        }

        /** What a value leaves as the next reference: itself, widened to the reference's scale. */
        static BigDecimal widen(BigDecimal v, BigDecimal ref) {
            return ref != null && ref.scale() > v.scale() ? v.setScale(ref.scale()) : v;
        }

        /**
         * The reference of level {@code k}'s price: the previous level's price plus the gap the
         * previous book had between those levels (a book on a fixed grid repeats its gaps).
         */
        static BigDecimal levelReference(BigDecimal previousLevel, BigDecimal oldPrevious, BigDecimal oldThis) {
            if (previousLevel == null || oldPrevious == null || oldThis == null) {
                return oldThis;
            }
            return previousLevel.add(oldThis.subtract(oldPrevious));
        }
    }

    /** {@code v}'s unscaled value at {@code scale} (not below its own), or {@code null} past 60 bits. */
    private static Long unscaledAt(BigDecimal v, int scale) {
        BigInteger u = v.unscaledValue();
        if (scale > v.scale()) {
            if (scale - v.scale() > 18) {
                return null;
            }
            u = u.multiply(BigInteger.TEN.pow(scale - v.scale()));
        }
        return u.bitLength() > 60 ? null : u.longValue();
    }

    // ------------------------------------------------------------------------------------ writing

    private static final class Writer {
        private final DataOutputStream out;
        private final Header header;
        private final Map<InstrumentId, Integer> index = new HashMap<>();
        private final Context context;
        private final double band;
        private int listing;
        private long lastNanos;
        private long events;
        private IOException failure;

        Writer(DataOutputStream out, Header header) {
            this.out = out;
            this.header = header;
            this.context = new Context(header.instruments().size());
            this.band = header.bookBandBps().doubleValue();
            for (int i = 0; i < header.instruments().size(); i++) {
                index.put(header.instruments().get(i).id(), i);
            }
            lastNanos = Clock.toNanos(header.start());
        }

        void header() throws IOException {
            out.write(MAGIC);
            out.writeShort(VERSION);
            text(header.source());
            out.writeLong(header.seed());
            out.writeLong(Clock.toNanos(header.start()));
            out.writeLong(Clock.toNanos(header.end()));
            decimal(header.bookBandBps());
            varLong(header.instruments().size());
            for (Instrument.Perpetual p : header.instruments()) {
                text(p.id().symbol());
                text(p.id().venue());
                text(p.base().code());
                text(p.quoteCurrency().code());
                decimal(p.tickSize());
                decimal(p.lotSize());
                decimal(p.multiplier());
                varLong(p.fundingIntervalHours());
            }
        }

        void end() throws IOException {
            out.write(END);
            varLong(events);
            out.flush();
        }

        /** Rethrows a write failure from inside the loop. */
        void check() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }

        MarketDataSink sink(EventLoop loop) {
            return new MarketDataSink() {
                @Override
                public void onQuote(Quote q) {
                    int flags = (q.bidSize() == null ? 0 : H_BID_SIZE) | (q.askSize() == null ? 0 : H_ASK_SIZE);
                    event(loop, QUOTE, flags, q.instrumentId(), q.timestamp(), () -> {
                        slot(S_BID, q.bid().value());
                        slot(S_ASK, q.ask().value());
                        if (q.bidSize() != null) {
                            touchSize(
                                    0, S_BID_SIZE, q.bid().value(), q.bidSize().value());
                        }
                        if (q.askSize() != null) {
                            touchSize(
                                    1, S_ASK_SIZE, q.ask().value(), q.askSize().value());
                        }
                    });
                }

                @Override
                public void onTrade(TradePrint t) {
                    int flags = t.aggressor() == Side.BUY ? 0 : H_SELL;
                    event(loop, TRADE, flags, t.instrumentId(), t.timestamp(), () -> {
                        slot(S_TRADE_PRICE, t.price().value());
                        slot(S_TRADE_SIZE, t.size().value());
                        context.printed(listing, t.price().value(), t.size().value(), t.aggressor() == Side.BUY);
                    });
                }

                @Override
                public void onBook(BookSnapshot b) {
                    event(loop, BOOK, 0, b.instrumentId(), b.timestamp(), () -> {
                        levels(0, capped(b.bids(), false));
                        levels(1, capped(b.asks(), true));
                    });
                }

                @Override
                public void onMarkPrice(MarkPrice m) {
                    event(loop, MARK, 0, m.instrumentId(), m.timestamp(), () -> {
                        slot(S_MARK, m.markPrice().value());
                        slot(S_INDEX, m.indexPrice().value());
                        slot(S_RATE, m.estimatedFundingRate());
                        zigzag(Clock.toNanos(m.nextFundingTime()) - Clock.toNanos(m.timestamp()));
                    });
                }

                @Override
                public void onFundingRate(FundingRate f) {
                    event(loop, FUNDING, 0, f.instrumentId(), f.fundingTime(), () -> {
                        slot(S_FUNDING_RATE, f.rate());
                        varLong(f.intervalHours());
                        slot(S_FUNDING_MARK, f.markPrice().value());
                    });
                }

                @Override
                public void onOpenInterest(OpenInterest o) {
                    event(
                            loop,
                            OPEN_INTEREST,
                            0,
                            o.instrumentId(),
                            o.timestamp(),
                            () -> slot(S_OI, o.contracts().value()));
                }
            };
        }

        /** The levels within the header's band of the touch (all of them when the band is 0). */
        private List<BookLevel> capped(List<BookLevel> levels, boolean asks) {
            if (band <= 0 || levels.isEmpty()) {
                return levels;
            }
            double touch = levels.get(0).price().toDouble();
            int n = 0;
            while (n < levels.size()
                    && ListingState.withinBand(touch, levels.get(n).price().toDouble(), asks, band)) {
                n++;
            }
            return levels.subList(0, n);
        }

        private interface Body {
            void write() throws IOException;
        }

        private void event(EventLoop loop, int kind, int flags, InstrumentId id, Instant stamp, Body body) {
            Integer i = index.get(id);
            if (i == null || failure != null) {
                return; // not a recorded perpetual
            }
            try {
                long now = loop.nowNanos();
                long offset = Clock.toNanos(stamp) - now;
                listing = i;
                out.write(kind | flags | (now != lastNanos ? H_TIME : 0) | (offset != 0 ? H_STAMP : 0));
                if (now != lastNanos) {
                    varLong(now - lastNanos);
                }
                varLong(i);
                if (offset != 0) {
                    zigzag(offset);
                }
                body.write();
                lastNanos = now;
                events++;
            } catch (IOException e) {
                failure = e;
            }
        }

        private void levels(int side, List<BookLevel> levels) throws IOException {
            varLong(levels.size());
            BigDecimal previousLevel = null;
            BigDecimal oldPrevious = null;
            for (int k = 0; k < levels.size(); k++) {
                BigDecimal price = levels.get(k).price().value();
                BigDecimal size = levels.get(k).size().value();
                int priceSlot = levelSlot(side, k, 0);
                int sizeSlot = levelSlot(side, k, 1);
                BigDecimal oldThis = context.slot(listing, priceSlot);
                BigDecimal ref = Context.levelReference(previousLevel, oldPrevious, oldThis);
                decimal(ref, price);
                context.set(listing, priceSlot, Context.widen(price, oldThis));
                BigDecimal sizeRef = context.sizeAt(listing, side, price);
                if (sizeRef == null) {
                    sizeRef = context.slot(listing, sizeSlot);
                }
                decimal(sizeRef, size);
                context.set(listing, sizeSlot, Context.widen(size, sizeRef));
                previousLevel = price;
                oldPrevious = oldThis;
            }
            context.forgetSizes(listing, side);
            for (int k = 0; k < levels.size(); k++) {
                context.rememberSize(
                        listing, side, levels.get(k).price().value(), context.slot(listing, levelSlot(side, k, 1)));
            }
        }

        /** A touch size against the last size seen at that price, else the side's previous touch size. */
        private void touchSize(int side, int slot, BigDecimal price, BigDecimal size) throws IOException {
            BigDecimal ref = context.sizeAt(listing, side, price);
            if (ref == null) {
                ref = context.slot(listing, slot);
            }
            decimal(ref, size);
            BigDecimal kept = Context.widen(size, ref);
            context.set(listing, slot, kept);
            context.rememberSize(listing, side, price, kept);
        }

        private void slot(int slot, BigDecimal v) throws IOException {
            BigDecimal ref = context.slot(listing, slot);
            decimal(ref, v);
            context.set(listing, slot, Context.widen(v, ref));
        }

        /**
         * A decimal against a reference: the difference of the unscaled values at the reference's
         * scale, two bits telling whether the value has that scale or a lower one (then how much
         * lower), or the value written out (scale, unscaled) when it has no usable reference.
         */
        private void decimal(BigDecimal ref, BigDecimal v) throws IOException {
            if (v.unscaledValue().bitLength() > 60) {
                throw new IOException("value too large for a market recording: " + v.toPlainString());
            }
            if (ref != null && v.scale() <= ref.scale() && ref.scale() - v.scale() <= 18) {
                Long u = unscaledAt(v, ref.scale());
                Long r = unscaledAt(ref, ref.scale());
                if (u != null && r != null) {
                    long d = u - r;
                    if (Math.abs(d) < (1L << 59)) {
                        boolean same = v.scale() == ref.scale();
                        varLong((((d << 1) ^ (d >> 63)) << 2) | (same ? D_SAME : D_LOWER));
                        if (!same) {
                            varLong(ref.scale() - v.scale());
                        }
                        return;
                    }
                }
            }
            long sc = v.scale();
            varLong((((sc << 1) ^ (sc >> 63)) << 2) | D_EXPLICIT);
            zigzag(v.unscaledValue().longValue());
        }

        private void text(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varLong(b.length);
            out.write(b);
        }

        /** Exact decimal: the scale, then the unscaled value (both zigzag varints). */
        private void decimal(BigDecimal v) throws IOException {
            BigInteger unscaled = v.unscaledValue();
            if (unscaled.bitLength() > 62) {
                throw new IOException("value too large for a market recording: " + v.toPlainString());
            }
            zigzag(v.scale());
            zigzag(unscaled.longValue());
        }

        private void zigzag(long v) throws IOException {
            varLong((v << 1) ^ (v >> 63));
        }

        private void varLong(long v) throws IOException {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    // ------------------------------------------------------------------------------------ reading

    /** One decoded event: its engine time and how it is delivered. */
    private record Event(long nanos, Consumer<MarketDataSink> delivery) {}

    private static final class Reader implements AutoCloseable {
        private final Path file;
        private final InputStream in;
        private final Header header;
        private long offset;
        private long event = -1;
        private long events;
        private long lastNanos;
        private Context context;
        private int listing;
        private Event pending;
        private boolean ended;

        Reader(Path file) throws IOException {
            this.file = file;
            InputStream raw = Files.newInputStream(file);
            try {
                this.in = new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            } catch (ZipException | EOFException e) {
                raw.close();
                throw new RecordingFormatException(file, 0, -1, "magic", "not a gzip'd market recording", e);
            }
            try {
                this.header = readHeader();
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            lastNanos = Clock.toNanos(header.start());
            context = new Context(header.instruments().size());
        }

        private Header readHeader() throws IOException {
            byte[] magic = new byte[MAGIC.length];
            for (int i = 0; i < magic.length; i++) {
                magic[i] = (byte) u8("magic");
            }
            if (!Arrays.equals(magic, MAGIC)) {
                throw error(0, "magic", "not a market recording (expected PDMKTREC)");
            }
            long at = offset;
            int version = (u8("version") << 8) | u8("version");
            if (version != VERSION) {
                throw error(
                        at,
                        "version",
                        "format version " + version + " is not supported (this build reads " + VERSION
                                + "; record the day again with paperdesk arbitrage record)");
            }
            String source = text("source");
            long seed = int64("seed");
            at = offset;
            long start = int64("start");
            long end = int64("end");
            if (end < start) {
                throw error(at, "end", "the recording ends before it starts");
            }
            at = offset;
            BigDecimal band = decimal("book_band_bps");
            if (band.signum() < 0) {
                throw error(at, "book_band_bps", "negative book band " + band.toPlainString());
            }
            at = offset;
            long n = varLong("instruments");
            if (n <= 0 || n > 100_000) {
                throw error(at, "instruments", "instrument count " + n + " out of range");
            }
            List<Instrument.Perpetual> perps = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                at = offset;
                String symbol = text("instrument[" + i + "].symbol");
                String venue = text("instrument[" + i + "].venue");
                String base = text("instrument[" + i + "].base");
                String quote = text("instrument[" + i + "].quote");
                BigDecimal tick = decimal("instrument[" + i + "].tick");
                BigDecimal lot = decimal("instrument[" + i + "].lot");
                BigDecimal multiplier = decimal("instrument[" + i + "].multiplier");
                long interval = varLong("instrument[" + i + "].funding_interval");
                try {
                    perps.add(new Instrument.Perpetual(
                            new InstrumentId(symbol, venue),
                            Currency.of(base),
                            Currency.of(quote),
                            tick,
                            lot,
                            multiplier,
                            (int) interval));
                } catch (IllegalArgumentException e) {
                    throw error(at, "instrument[" + i + "]", e.getMessage());
                }
            }
            event = 0;
            return new Header(VERSION, source, seed, Clock.toInstant(start), Clock.toInstant(end), band, perps);
        }

        /** Reads the next event, or {@code null} after the end marker (checked against the count). */
        Event next() throws IOException {
            if (ended) {
                return null;
            }
            long at = offset;
            int head = u8("kind");
            if (head == END) {
                long count = varLong("event_count");
                if (count != events) {
                    throw error(
                            at, "event_count", "the end marker counts " + count + " events, the file holds " + events);
                }
                ended = true;
                return null;
            }
            int kind = head & KIND_MASK;
            if (kind == END || kind > OPEN_INTEREST) {
                throw error(at, "kind", "unknown event kind " + kind + " (head byte " + head + ")");
            }
            int flags = head & ~(KIND_MASK | H_TIME | H_STAMP);
            int allowed = kind == QUOTE ? H_BID_SIZE | H_ASK_SIZE : kind == TRADE ? H_SELL : 0;
            if ((flags & ~allowed) != 0) {
                throw error(at, "kind", "flags " + flags + " do not belong to event kind " + kind);
            }
            long nanos = lastNanos;
            if ((head & H_TIME) != 0) {
                at = offset;
                long delta = varLong("time");
                if (delta <= 0) {
                    throw error(at, "time", "time goes backwards or stands still where it should advance");
                }
                nanos += delta;
            }
            at = offset;
            long i = varLong("instrument");
            if (i < 0 || i >= header.instruments().size()) {
                throw error(at, "instrument", "instrument index " + i + " out of range");
            }
            InstrumentId id = header.instruments().get((int) i).id();
            listing = (int) i;
            Instant stamp = Clock.toInstant(nanos + ((head & H_STAMP) != 0 ? zigzag("timestamp") : 0));
            Event e;
            try {
                e = switch (kind) {
                    case QUOTE -> {
                        BigDecimal bidValue = slot(S_BID, "bid");
                        BigDecimal askValue = slot(S_ASK, "ask");
                        Quantity bidSize =
                                (head & H_BID_SIZE) == 0 ? null : touchSize(0, S_BID_SIZE, bidValue, "bid_size");
                        Quantity askSize =
                                (head & H_ASK_SIZE) == 0 ? null : touchSize(1, S_ASK_SIZE, askValue, "ask_size");
                        Quote q = checked(
                                at,
                                "quote",
                                () -> new Quote(id, stamp, new Price(bidValue), new Price(askValue), bidSize, askSize));
                        yield new Event(nanos, s -> s.onQuote(q));
                    }
                    case TRADE -> {
                        Price price = new Price(slot(S_TRADE_PRICE, "price"));
                        Quantity size = new Quantity(slot(S_TRADE_SIZE, "size"));
                        Side side = (head & H_SELL) == 0 ? Side.BUY : Side.SELL;
                        context.printed(listing, price.value(), size.value(), side == Side.BUY);
                        TradePrint t = checked(at, "trade", () -> new TradePrint(id, stamp, price, size, side));
                        yield new Event(nanos, s -> s.onTrade(t));
                    }
                    case BOOK -> {
                        List<BookLevel> bids = levels(0, "bids");
                        List<BookLevel> asks = levels(1, "asks");
                        BookSnapshot b = checked(at, "book", () -> new BookSnapshot(id, stamp, bids, asks));
                        yield new Event(nanos, s -> s.onBook(b));
                    }
                    case MARK -> {
                        Price mark = new Price(slot(S_MARK, "mark_price"));
                        Price index = new Price(slot(S_INDEX, "index_price"));
                        BigDecimal rate = slot(S_RATE, "estimated_funding_rate");
                        Instant next = Clock.toInstant(Clock.toNanos(stamp) + zigzag("next_funding_time"));
                        MarkPrice m = checked(at, "mark", () -> new MarkPrice(id, stamp, mark, index, rate, next));
                        yield new Event(nanos, s -> s.onMarkPrice(m));
                    }
                    case FUNDING -> {
                        BigDecimal rate = slot(S_FUNDING_RATE, "rate");
                        long interval = varLong("interval_hours");
                        Price mark = new Price(slot(S_FUNDING_MARK, "mark_price"));
                        FundingRate f =
                                checked(at, "funding", () -> new FundingRate(id, stamp, rate, (int) interval, mark));
                        yield new Event(nanos, s -> s.onFundingRate(f));
                    }
                    default -> {
                        Quantity contracts = new Quantity(slot(S_OI, "contracts"));
                        OpenInterest o = checked(at, "open_interest", () -> new OpenInterest(id, stamp, contracts));
                        yield new Event(nanos, s -> s.onOpenInterest(o));
                    }
                };
            } catch (IllegalArgumentException ex) {
                throw error(at, "value", ex.getMessage());
            }
            lastNanos = nanos;
            events++;
            event++;
            return e;
        }

        private interface Make<T> {
            T make();
        }

        private <T> T checked(long at, String field, Make<T> make) throws RecordingFormatException {
            try {
                return make.make();
            } catch (RuntimeException e) {
                throw error(at, field, e.getMessage());
            }
        }

        private List<BookLevel> levels(int side, String name) throws IOException {
            long at = offset;
            long n = varLong(name);
            if (n < 0 || n > MAX_LEVELS) {
                throw error(at, name, "level count " + n + " out of range");
            }
            List<BookLevel> out = new ArrayList<>((int) n);
            BigDecimal previousLevel = null;
            BigDecimal oldPrevious = null;
            for (int k = 0; k < n; k++) {
                at = offset;
                int priceSlot = levelSlot(side, k, 0);
                int sizeSlot = levelSlot(side, k, 1);
                BigDecimal oldThis = context.slot(listing, priceSlot);
                BigDecimal price = decimal(
                        Context.levelReference(previousLevel, oldPrevious, oldThis), name + "[" + k + "].price");
                context.set(listing, priceSlot, Context.widen(price, oldThis));
                BigDecimal sizeRef = context.sizeAt(listing, side, price);
                if (sizeRef == null) {
                    sizeRef = context.slot(listing, sizeSlot);
                }
                BigDecimal size = decimal(sizeRef, name + "[" + k + "].size");
                context.set(listing, sizeSlot, Context.widen(size, sizeRef));
                try {
                    out.add(new BookLevel(new Price(price), new Quantity(size)));
                } catch (IllegalArgumentException e) {
                    throw error(at, name + "[" + k + "]", e.getMessage());
                }
                previousLevel = price;
                oldPrevious = oldThis;
            }
            context.forgetSizes(listing, side);
            for (int k = 0; k < n; k++) {
                context.rememberSize(
                        listing, side, out.get(k).price().value(), context.slot(listing, levelSlot(side, k, 1)));
            }
            return out;
        }

        /** The reader's side of {@code Writer.touchSize}. */
        private Quantity touchSize(int side, int slot, BigDecimal price, String field) throws IOException {
            long at = offset;
            BigDecimal ref = context.sizeAt(listing, side, price);
            if (ref == null) {
                ref = context.slot(listing, slot);
            }
            BigDecimal size = decimal(ref, field);
            BigDecimal kept = Context.widen(size, ref);
            context.set(listing, slot, kept);
            context.rememberSize(listing, side, price, kept);
            try {
                return new Quantity(size);
            } catch (IllegalArgumentException e) {
                throw error(at, field, e.getMessage());
            }
        }

        private BigDecimal slot(int slot, String field) throws IOException {
            BigDecimal ref = context.slot(listing, slot);
            BigDecimal v = decimal(ref, field);
            context.set(listing, slot, Context.widen(v, ref));
            return v;
        }

        /** The reader's side of {@code Writer.decimal(ref, v)}. */
        private BigDecimal decimal(BigDecimal ref, String field) throws IOException {
            long at = offset;
            long head = varLong(field);
            int tag = (int) (head & 3);
            long z = head >>> 2;
            long n = (z >>> 1) ^ -(z & 1);
            if (tag == D_EXPLICIT) {
                if (n < -100 || n > 100) {
                    throw error(at, field, "decimal scale " + n + " out of range");
                }
                return BigDecimal.valueOf(zigzag(field), (int) n);
            }
            if (tag != D_SAME && tag != D_LOWER) {
                throw error(at, field, "unknown decimal encoding " + tag);
            }
            if (ref == null) {
                throw error(at, field, "a difference with no previous value");
            }
            Long r = unscaledAt(ref, ref.scale());
            if (r == null) {
                throw error(at, field, "the previous value is out of range");
            }
            BigDecimal v = BigDecimal.valueOf(r + n, ref.scale());
            if (tag == D_LOWER) {
                long lower = varLong(field);
                if (lower <= 0 || lower > 18) {
                    throw error(at, field, "scale reduction " + lower + " out of range");
                }
                try {
                    v = v.setScale(ref.scale() - (int) lower, java.math.RoundingMode.UNNECESSARY);
                } catch (ArithmeticException e) {
                    throw error(
                            at,
                            field,
                            "the value " + v.toPlainString() + " does not fit scale " + (ref.scale() - lower));
                }
            }
            return v;
        }

        private String text(String field) throws IOException {
            long at = offset;
            long n = varLong(field);
            if (n < 0 || n > MAX_TEXT) {
                throw error(at, field, "text length " + n + " out of range");
            }
            byte[] b = new byte[(int) n];
            for (int k = 0; k < n; k++) {
                b[k] = (byte) u8(field);
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        private BigDecimal decimal(String field) throws IOException {
            long at = offset;
            long scale = zigzag(field);
            if (scale < -100 || scale > 100) {
                throw error(at, field, "decimal scale " + scale + " out of range");
            }
            return BigDecimal.valueOf(zigzag(field), (int) scale);
        }

        private long int64(String field) throws IOException {
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | u8(field);
            }
            return v;
        }

        private long zigzag(String field) throws IOException {
            long v = varLong(field);
            return (v >>> 1) ^ -(v & 1);
        }

        private long varLong(String field) throws IOException {
            long at = offset;
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8(field);
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw error(at, field, "malformed variable-length number");
        }

        private int u8(String field) throws IOException {
            int b;
            try {
                b = in.read();
            } catch (EOFException e) {
                throw error(offset, field, "the file is truncated", e);
            } catch (ZipException e) {
                throw error(offset, field, "the compressed data is corrupt (" + e.getMessage() + ")", e);
            }
            if (b < 0) {
                throw error(offset, field, "the file is truncated");
            }
            offset++;
            return b;
        }

        private RecordingFormatException error(long at, String field, String problem) {
            return error(at, field, problem, null);
        }

        private RecordingFormatException error(long at, String field, String problem, Throwable cause) {
            return new RecordingFormatException(file, at, event, field, problem, cause);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * A recording replayed as a feed: one loop task per recorded time, each reading the events of
     * that time and scheduling the next time, as the simulator schedules its steps, so the replayed
     * events interleave with timers exactly as the recorded ones did. A corrupt event stops the
     * replay with an {@link UncheckedIOException} around the {@link RecordingFormatException}.
     */
    public static final class Replay implements MarketDataFeed, AutoCloseable {
        private final Reader reader;
        private boolean running;

        private Replay(Path file) throws IOException {
            this.reader = new Reader(file);
        }

        public Header header() {
            return reader.header;
        }

        /** How many events have been replayed so far. */
        public long replayed() {
            return reader.events - (reader.pending == null ? 0 : 1);
        }

        /** True once the end marker has been read (the whole file was sound). */
        public boolean complete() {
            return reader.ended;
        }

        @Override
        public String name() {
            return "recording " + reader.file.getFileName() + " (" + reader.header.source() + ")";
        }

        @Override
        public List<Instrument> instruments() {
            return List.copyOf(reader.header.instruments());
        }

        @Override
        public void start(EventLoop loop, MarketDataSink sink) {
            if (running) {
                throw new IllegalStateException("the recording is already replaying");
            }
            if (loop.nowNanos() > Clock.toNanos(reader.header.start())) {
                throw new IllegalStateException("the recording starts at " + reader.header.start()
                        + ", before the replay's clock " + Clock.toInstant(loop.nowNanos()));
            }
            running = true;
            advance(loop);
            scheduleNext(loop, sink);
        }

        private void advance(EventLoop loop) {
            try {
                reader.pending = reader.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }

        private void scheduleNext(EventLoop loop, MarketDataSink sink) {
            Event first = reader.pending;
            if (first == null) {
                return;
            }
            long at = first.nanos();
            loop.schedule(at, () -> {
                if (!running) {
                    return;
                }
                while (reader.pending != null && reader.pending.nanos() == at) {
                    Event e = reader.pending;
                    advance(loop);
                    e.delivery().accept(sink);
                }
                scheduleNext(loop, sink);
            });
        }

        @Override
        public void stop() {
            running = false;
        }

        /** Reads (and checks) whatever the replay has not delivered, up to the end marker. */
        public void readToEnd() throws IOException {
            running = false;
            while (reader.pending != null || !reader.ended) {
                reader.pending = reader.next();
            }
        }

        @Override
        public void close() throws IOException {
            running = false;
            reader.close();
        }
    }
}
