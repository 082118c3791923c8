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
 */
public final class MarketRecording {
    /** The usual file name extension: Paperdesk market recording. */
    public static final String EXTENSION = ".pdmr";
    /** The format version this class writes and reads. */
    public static final int VERSION = 1;

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
     * @param instruments the perpetuals recorded, in the feed's order
     */
    public record Header(
            int version, String source, long seed, Instant start, Instant end, List<Instrument.Perpetual> instruments) {
        public Header {
            Objects.requireNonNull(source, "source");
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
    }

    private MarketRecording() {}

    /**
     * Runs {@code feed} on its own loop with a simulated clock from {@code start} for {@code duration}
     * and writes its perpetuals' events to {@code target} (atomically); {@code progress} hears the
     * engine time after each simulated hour. Returns how many events were written.
     */
    public static long record(
            MarketDataFeed feed,
            String source,
            long seed,
            Instant start,
            Duration duration,
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
        Header header = new Header(VERSION, source, seed, start, start.plus(duration), perps);
        long[] count = new long[1];
        AtomicFiles.write(target, raw -> {
            GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16) {
                {
                    // most of a day is book sizes that barely repeat: the fast level compresses nearly as well
                    def.setLevel(java.util.zip.Deflater.BEST_SPEED);
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

    // slots of a listing's last values: each decimal is written against the previous one in its slot
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

    /** A level's price or size slot: bids and asks interleaved by level index. */
    private static int levelSlot(int side, int level, int what) {
        return S_LEVELS + level * 4 + side * 2 + what;
    }

    /** The previous value of each slot of each listing, mirrored by the writer and the reader. */
    private static final class Previous {
        private long[][] unscaled;
        private int[][] scale;

        Previous(int listings) {
            unscaled = new long[listings][S_LEVELS + 80];
            scale = new int[listings][S_LEVELS + 80];
            for (int[] s : scale) {
                Arrays.fill(s, Integer.MIN_VALUE);
            }
        }

        private void ensure(int listing, int slot) {
            if (slot >= scale[listing].length) {
                int n = Math.max(slot + 1, scale[listing].length * 2);
                int old = scale[listing].length;
                unscaled[listing] = Arrays.copyOf(unscaled[listing], n);
                scale[listing] = Arrays.copyOf(scale[listing], n);
                Arrays.fill(scale[listing], old, n, Integer.MIN_VALUE);
            }
        }

        int scale(int listing, int slot) {
            ensure(listing, slot);
            return scale[listing][slot];
        }

        long unscaled(int listing, int slot) {
            return unscaled[listing][slot];
        }

        void set(int listing, int slot, int sc, long u) {
            ensure(listing, slot);
            scale[listing][slot] = sc;
            unscaled[listing][slot] = u;
        }
    }

    // ------------------------------------------------------------------------------------ writing

    private static final class Writer {
        private final DataOutputStream out;
        private final Header header;
        private final Map<InstrumentId, Integer> index = new HashMap<>();
        private final Previous previous;
        private int listing;
        private long lastNanos;
        private long events;
        private IOException failure;

        Writer(DataOutputStream out, Header header) {
            this.out = out;
            this.header = header;
            this.previous = new Previous(header.instruments().size());
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
                    event(loop, QUOTE, q.instrumentId(), q.timestamp(), () -> {
                        delta(S_BID, q.bid().value());
                        delta(S_ASK, q.ask().value());
                        optional(S_BID_SIZE, q.bidSize());
                        optional(S_ASK_SIZE, q.askSize());
                    });
                }

                @Override
                public void onTrade(TradePrint t) {
                    event(loop, TRADE, t.instrumentId(), t.timestamp(), () -> {
                        delta(S_TRADE_PRICE, t.price().value());
                        delta(S_TRADE_SIZE, t.size().value());
                        out.write(t.aggressor() == Side.BUY ? 0 : 1);
                    });
                }

                @Override
                public void onBook(BookSnapshot b) {
                    event(loop, BOOK, b.instrumentId(), b.timestamp(), () -> {
                        levels(0, b.bids());
                        levels(1, b.asks());
                    });
                }

                @Override
                public void onMarkPrice(MarkPrice m) {
                    event(loop, MARK, m.instrumentId(), m.timestamp(), () -> {
                        delta(S_MARK, m.markPrice().value());
                        delta(S_INDEX, m.indexPrice().value());
                        delta(S_RATE, m.estimatedFundingRate());
                        zigzag(Clock.toNanos(m.nextFundingTime()) - Clock.toNanos(m.timestamp()));
                    });
                }

                @Override
                public void onFundingRate(FundingRate f) {
                    event(loop, FUNDING, f.instrumentId(), f.fundingTime(), () -> {
                        delta(S_FUNDING_RATE, f.rate());
                        varLong(f.intervalHours());
                        delta(S_FUNDING_MARK, f.markPrice().value());
                    });
                }

                @Override
                public void onOpenInterest(OpenInterest o) {
                    event(
                            loop,
                            OPEN_INTEREST,
                            o.instrumentId(),
                            o.timestamp(),
                            () -> delta(S_OI, o.contracts().value()));
                }
            };
        }

        private interface Body {
            void write() throws IOException;
        }

        private void event(EventLoop loop, int kind, InstrumentId id, Instant stamp, Body body) {
            Integer i = index.get(id);
            if (i == null || failure != null) {
                return; // not a recorded perpetual
            }
            try {
                long now = loop.nowNanos();
                listing = i;
                out.write(kind);
                varLong(now - lastNanos);
                varLong(i);
                zigzag(Clock.toNanos(stamp) - now);
                body.write();
                lastNanos = now;
                events++;
            } catch (IOException e) {
                failure = e;
            }
        }

        private void levels(int side, List<BookLevel> levels) throws IOException {
            varLong(levels.size());
            for (int k = 0; k < levels.size(); k++) {
                delta(levelSlot(side, k, 0), levels.get(k).price().value());
                delta(levelSlot(side, k, 1), levels.get(k).size().value());
            }
        }

        private void optional(int slot, Quantity q) throws IOException {
            if (q == null) {
                out.write(0);
            } else {
                out.write(1);
                delta(slot, q.value());
            }
        }

        /**
         * A decimal against the previous value of its slot: with the same scale, the difference of
         * the unscaled values shifted left with a clear low bit; otherwise the low bit set, then the
         * scale and the unscaled value.
         */
        private void delta(int slot, BigDecimal v) throws IOException {
            BigInteger unscaledValue = v.unscaledValue();
            if (unscaledValue.bitLength() > 60) {
                throw new IOException("value too large for a market recording: " + v.toPlainString());
            }
            long u = unscaledValue.longValue();
            int sc = v.scale();
            if (previous.scale(listing, slot) == sc) {
                long d = u - previous.unscaled(listing, slot);
                varLong(((d << 1) ^ (d >> 63)) << 1);
            } else {
                varLong((((long) sc << 1) ^ ((long) sc >> 63)) << 1 | 1);
                zigzag(u);
            }
            previous.set(listing, slot, sc, u);
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
        private Previous previous;
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
            previous = new Previous(header.instruments().size());
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
                        "format version " + version + " is not supported (this build reads " + VERSION + ")");
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
            return new Header(VERSION, source, seed, Clock.toInstant(start), Clock.toInstant(end), perps);
        }

        /** Reads the next event, or {@code null} after the end marker (checked against the count). */
        Event next() throws IOException {
            if (ended) {
                return null;
            }
            long at = offset;
            int kind = u8("kind");
            if (kind == END) {
                long count = varLong("event_count");
                if (count != events) {
                    throw error(
                            at, "event_count", "the end marker counts " + count + " events, the file holds " + events);
                }
                ended = true;
                return null;
            }
            if (kind > OPEN_INTEREST) {
                throw error(at, "kind", "unknown event kind " + kind);
            }
            at = offset;
            long delta = varLong("time");
            if (delta < 0) {
                throw error(at, "time", "time goes backwards");
            }
            long nanos = lastNanos + delta;
            at = offset;
            long i = varLong("instrument");
            if (i < 0 || i >= header.instruments().size()) {
                throw error(at, "instrument", "instrument index " + i + " out of range");
            }
            InstrumentId id = header.instruments().get((int) i).id();
            listing = (int) i;
            Instant stamp = Clock.toInstant(nanos + zigzag("timestamp"));
            Event e;
            try {
                e = switch (kind) {
                    case QUOTE -> {
                        Price bid = new Price(delta(S_BID, "bid"));
                        Price ask = new Price(delta(S_ASK, "ask"));
                        Quantity bidSize = optional(S_BID_SIZE, "bid_size");
                        Quantity askSize = optional(S_ASK_SIZE, "ask_size");
                        Quote q = checked(at, "quote", () -> new Quote(id, stamp, bid, ask, bidSize, askSize));
                        yield new Event(nanos, s -> s.onQuote(q));
                    }
                    case TRADE -> {
                        Price price = new Price(delta(S_TRADE_PRICE, "price"));
                        Quantity size = new Quantity(delta(S_TRADE_SIZE, "size"));
                        int side = u8("aggressor");
                        if (side > 1) {
                            throw error(offset - 1, "aggressor", "unknown side " + side);
                        }
                        TradePrint t = checked(
                                at,
                                "trade",
                                () -> new TradePrint(id, stamp, price, size, side == 0 ? Side.BUY : Side.SELL));
                        yield new Event(nanos, s -> s.onTrade(t));
                    }
                    case BOOK -> {
                        List<BookLevel> bids = levels(0, "bids");
                        List<BookLevel> asks = levels(1, "asks");
                        BookSnapshot b = checked(at, "book", () -> new BookSnapshot(id, stamp, bids, asks));
                        yield new Event(nanos, s -> s.onBook(b));
                    }
                    case MARK -> {
                        Price mark = new Price(delta(S_MARK, "mark_price"));
                        Price index = new Price(delta(S_INDEX, "index_price"));
                        BigDecimal rate = delta(S_RATE, "estimated_funding_rate");
                        Instant next = Clock.toInstant(Clock.toNanos(stamp) + zigzag("next_funding_time"));
                        MarkPrice m = checked(at, "mark", () -> new MarkPrice(id, stamp, mark, index, rate, next));
                        yield new Event(nanos, s -> s.onMarkPrice(m));
                    }
                    case FUNDING -> {
                        BigDecimal rate = delta(S_FUNDING_RATE, "rate");
                        long interval = varLong("interval_hours");
                        Price mark = new Price(delta(S_FUNDING_MARK, "mark_price"));
                        FundingRate f =
                                checked(at, "funding", () -> new FundingRate(id, stamp, rate, (int) interval, mark));
                        yield new Event(nanos, s -> s.onFundingRate(f));
                    }
                    default -> {
                        Quantity contracts = new Quantity(delta(S_OI, "contracts"));
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

        private List<BookLevel> levels(int sideIndex, String side) throws IOException {
            long at = offset;
            long n = varLong(side);
            if (n < 0 || n > MAX_LEVELS) {
                throw error(at, side, "level count " + n + " out of range");
            }
            List<BookLevel> out = new ArrayList<>((int) n);
            for (int k = 0; k < n; k++) {
                at = offset;
                BigDecimal price = delta(levelSlot(sideIndex, k, 0), side + "[" + k + "].price");
                BigDecimal size = delta(levelSlot(sideIndex, k, 1), side + "[" + k + "].size");
                try {
                    out.add(new BookLevel(new Price(price), new Quantity(size)));
                } catch (IllegalArgumentException e) {
                    throw error(at, side + "[" + k + "]", e.getMessage());
                }
            }
            return out;
        }

        private Quantity optional(int slot, String field) throws IOException {
            long at = offset;
            int flag = u8(field);
            return switch (flag) {
                case 0 -> null;
                case 1 -> new Quantity(delta(slot, field));
                default -> throw error(at, field, "bad presence flag " + flag);
            };
        }

        /** The reader's side of {@code Writer.delta}. */
        private BigDecimal delta(int slot, String field) throws IOException {
            long at = offset;
            long head = varLong(field);
            int sc;
            long u;
            if ((head & 1) == 0) {
                sc = previous.scale(listing, slot);
                if (sc == Integer.MIN_VALUE) {
                    throw error(at, field, "a difference with no previous value");
                }
                long z = head >>> 1;
                u = previous.unscaled(listing, slot) + ((z >>> 1) ^ -(z & 1));
            } else {
                long z = head >>> 1;
                long scale = (z >>> 1) ^ -(z & 1);
                if (scale < -100 || scale > 100) {
                    throw error(at, field, "decimal scale " + scale + " out of range");
                }
                sc = (int) scale;
                u = zigzag(field);
            }
            previous.set(listing, slot, sc, u);
            return BigDecimal.valueOf(u, sc);
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
