package dev.paperdesk.engine.backtest;

import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.market.history.BarImporter;
import dev.paperdesk.engine.market.history.CsvBarMapping;
import dev.paperdesk.engine.market.history.ImportOutcome;
import dev.paperdesk.engine.market.history.ImportProblem;
import dev.paperdesk.engine.market.history.ImportRequest;
import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesInfo;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The bars a backtest replays: series of a bar store (a workspace's, or an in-memory one filled from
 * a CSV file or generated bars), restricted to open times in {@code [from, to)}.
 *
 * <p>Trading starts at {@code tradeFrom}: bars opening before it are replayed only to warm up the
 * strategy's indicators (no orders, no equity points, not in the metrics). Without a warm-up {@code
 * tradeFrom} equals {@code from}.
 *
 * <p>The first series is the signal and benchmark series unless the configuration says otherwise.
 */
public record BacktestData(BarStore store, List<ReplaySeries> series, Instant from, Instant to, Instant tradeFrom) {
    /** Tick and lot of instruments made up for CSV data: cents and whole units. */
    private static final BigDecimal CENT = new BigDecimal("0.01");

    public BacktestData {
        Objects.requireNonNull(store, "store");
        series = List.copyOf(series);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (series.isEmpty()) {
            throw new IllegalArgumentException("a backtest needs at least one bar series");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("backtest range is empty: from " + from + " is not before to " + to);
        }
        Objects.requireNonNull(tradeFrom, "tradeFrom");
        if (tradeFrom.isBefore(from) || !tradeFrom.isBefore(to)) {
            throw new IllegalArgumentException(
                    "trading start " + tradeFrom + " is outside the replayed range [" + from + ", " + to + ")");
        }
    }

    /** Bars in {@code [from, to)}, all traded (no warm-up). */
    public BacktestData(BarStore store, List<ReplaySeries> series, Instant from, Instant to) {
        this(store, series, from, to, from);
    }

    /** Whether bars before the trading start are replayed to warm up indicators. */
    public boolean hasWarmUp() {
        return tradeFrom.isAfter(from);
    }

    /**
     * Trades only bars opening in {@code [tradeFrom, tradeTo)} (clipped to this range; null: no
     * bound), with every earlier bar of this data replayed first as indicator warm-up.
     *
     * @throws IllegalArgumentException when no bar range is left to trade
     */
    public BacktestData trading(Instant tradeFrom, Instant tradeTo) {
        Instant f = tradeFrom == null || tradeFrom.isBefore(this.from) ? this.from : tradeFrom;
        Instant t = tradeTo == null || tradeTo.isAfter(to) ? to : tradeTo;
        if (!f.isBefore(t)) {
            throw new IllegalArgumentException("no bars to trade between " + f + " and " + t + " (the data covers "
                    + this.from + " to " + to + ")");
        }
        return new BacktestData(store, series, this.from, t, f);
    }

    /** Every stored bar of {@code series}. */
    public static BacktestData all(BarStore store, List<ReplaySeries> series) {
        Instant first = null;
        Instant last = null;
        for (ReplaySeries s : series) {
            SeriesInfo info =
                    store.info(key(s)).orElseThrow(() -> new IllegalArgumentException("no stored bars for " + key(s)));
            first = first == null || info.first().isBefore(first) ? info.first() : first;
            Instant end = info.last().plus(s.timeframe().duration());
            last = last == null || end.isAfter(last) ? end : last;
        }
        return new BacktestData(store, series, first, last);
    }

    /** Bars held in memory (generated or already loaded) for one instrument. */
    public static BacktestData ofBars(Instrument instrument, List<Bar> bars) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars for " + instrument.id());
        }
        Timeframe tf = bars.get(0).timeframe();
        MemoryBarStore store = new MemoryBarStore();
        store.insert(new SeriesKey(instrument.id(), tf), bars, BarStore.WriteMode.REPLACE);
        return all(store, List.of(new ReplaySeries(instrument, tf)));
    }

    /**
     * Reads a CSV file with an importer preset into memory, for instrument {@code symbol} (a plain
     * symbol becomes an equity on the {@code hist} venue, priced in USD with a tick of 0.01).
     *
     * @throws BacktestDataException listing the file's problems (file:line: message)
     */
    public static BacktestData fromCsv(String symbol, Path file, BarFormat format) {
        return fromCsv(symbol, file, format.mapping());
    }

    /** As {@link #fromCsv(String, Path, BarFormat)} with a layout of the file's own (columns, zone, ...). */
    public static BacktestData fromCsv(String symbol, Path file, CsvBarMapping mapping) {
        MemoryBarStore store = new MemoryBarStore();
        InstrumentId id = dev.paperdesk.engine.market.history.HistoricalInstruments.parse(symbol);
        ImportOutcome outcome = new BarImporter(store)
                .importFile(file, new ImportRequest(mapping, id, null, BarStore.WriteMode.REPLACE));
        return switch (outcome) {
            case ImportOutcome.Imported i -> all(
                    store,
                    List.of(new ReplaySeries(
                            csvInstrument(id, tickOf(store.read(i.key(), i.first(), i.last(), 1000))),
                            i.key().timeframe())));
            case ImportOutcome.Rejected r -> throw new BacktestDataException(
                    r.problems().stream().map(ImportProblem::toString).collect(Collectors.joining("\n"))
                            + (r.omitted() > 0 ? "\n… and " + r.omitted() + " more" : ""));
            case ImportOutcome.Conflict c -> throw new BacktestDataException(c.message());
        };
    }

    /**
     * This data with the CSV instrument {@code id} trading in lots of {@code lot} units (0.001 for a
     * coin) instead of whole units; its tick is kept.
     *
     * @throws IllegalArgumentException when no series is of {@code id}, its instrument is not a CSV
     *     equity, or {@code lot} is not positive
     */
    public BacktestData withLot(InstrumentId id, BigDecimal lot) {
        if (lot.signum() <= 0) {
            throw new IllegalArgumentException("the lot of " + id + " must be positive, not " + lot.toPlainString());
        }
        boolean found = false;
        List<ReplaySeries> out = new ArrayList<>();
        for (ReplaySeries s : series) {
            if (s.instrument().id().equals(id) && s.instrument() instanceof Instrument.Equity e) {
                out.add(new ReplaySeries(
                        new Instrument.Equity(id, e.tickSize(), lot, e.quoteCurrency(), e.sector()), s.timeframe()));
                found = true;
            } else {
                out.add(s);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no bars of " + id + " to set the lot of (the data has "
                    + series.stream().map(s -> s.instrument().id().toString()).toList() + ")");
        }
        return new BacktestData(store, out, from, to, tradeFrom);
    }

    /**
     * This data with a series of each of {@code timeframes} longer than an instrument's finest series
     * and not in the data already, built from that finest series: one bar per period of the timeframe
     * (UTC-aligned, as {@link Timeframe#floor}) that holds bars, the period's first open, highest high,
     * lowest low, last close and summed volume. A period with a gap (a session's end, a weekend) gives a
     * bar of the bars it has, as the live market's aggregation does; a period that would end after the
     * data is left out (its bar is not complete when the data ends). The original store is not touched.
     */
    public BacktestData withTimeframes(Set<Timeframe> timeframes) {
        MemoryBarStore derived = new MemoryBarStore();
        List<ReplaySeries> added = new ArrayList<>();
        Set<SeriesKey> have = new HashSet<>();
        for (ReplaySeries s : series) {
            have.add(key(s));
        }
        for (ReplaySeries s : series) {
            ReplaySeries finest = finest(s.instrument().id());
            if (finest != s) {
                continue;
            }
            for (Timeframe tf : new TreeSet<>(timeframes)) {
                SeriesKey k = new SeriesKey(s.instrument().id(), tf);
                if (tf.duration().compareTo(s.timeframe().duration()) <= 0 || have.contains(k)) {
                    continue;
                }
                List<Bar> bars = aggregate(store.read(key(s), from, to, Integer.MAX_VALUE), tf, to);
                if (!bars.isEmpty()) {
                    derived.insert(k, bars, BarStore.WriteMode.REPLACE);
                    added.add(new ReplaySeries(s.instrument(), tf));
                    have.add(k);
                }
            }
        }
        if (added.isEmpty()) {
            return this;
        }
        List<ReplaySeries> all = new ArrayList<>(series);
        all.addAll(added);
        return new BacktestData(new DerivedBarStore(store, derived), all, from, to, tradeFrom);
    }

    /**
     * This data with the lots a saved run traded ({@link BacktestSettings#lots()}, by instrument id)
     * applied to its CSV instruments; ids it does not hold and instruments of their own (a workspace's)
     * are left as they are.
     */
    public BacktestData withLots(Map<String, BigDecimal> lots) {
        BacktestData out = this;
        for (ReplaySeries s : series) {
            BigDecimal lot = lots.get(s.instrument().id().toString());
            if (lot != null
                    && s.instrument() instanceof Instrument.Equity e
                    && lot.signum() > 0
                    && lot.compareTo(e.lotSize()) != 0) {
                out = out.withLot(e.id(), lot);
            }
        }
        return out;
    }

    private ReplaySeries finest(InstrumentId id) {
        ReplaySeries best = null;
        for (ReplaySeries s : series) {
            if (s.instrument().id().equals(id)
                    && (best == null
                            || s.timeframe()
                                            .duration()
                                            .compareTo(best.timeframe().duration())
                                    < 0)) {
                best = s;
            }
        }
        return best;
    }

    /** {@code bars} (of a shorter timeframe, oldest first) as bars of {@code tf} that end by {@code end}. */
    static List<Bar> aggregate(List<Bar> bars, Timeframe tf, Instant end) {
        List<Bar> out = new ArrayList<>();
        int i = 0;
        while (i < bars.size()) {
            Bar first = bars.get(i);
            Instant start = tf.floor(first.openTime());
            Instant close = start.plus(tf.duration());
            BigDecimal high = first.high();
            BigDecimal low = first.low();
            BigDecimal volume = first.volume();
            Bar last = first;
            int j = i + 1;
            for (; j < bars.size() && bars.get(j).openTime().isBefore(close); j++) {
                Bar b = bars.get(j);
                high = high.max(b.high());
                low = low.min(b.low());
                volume = volume.add(b.volume());
                last = b;
            }
            if (!close.isAfter(end)) {
                out.add(new Bar(first.instrumentId(), tf, start, first.open(), high, low, last.close(), volume));
            }
            i = j;
        }
        return out;
    }

    /** An equity in USD with a tick of a cent and whole-unit lots, for bars without contract data. */
    public static Instrument csvInstrument(InstrumentId id) {
        return csvInstrument(id, CENT);
    }

    /** An equity in USD with the given tick and whole-unit lots. */
    public static Instrument csvInstrument(InstrumentId id, BigDecimal tick) {
        return new Instrument.Equity(id, tick, BigDecimal.ONE, Currency.USD, "");
    }

    /**
     * The tick the prices are written in: a cent, or finer when the file has more decimals (adjusted
     * prices such as 2.179012), so that fills at a bar's open are not rounded away from it.
     */
    static BigDecimal tickOf(List<Bar> sample) {
        int scale = 2;
        for (Bar b : sample) {
            for (BigDecimal p : List.of(b.open(), b.high(), b.low(), b.close())) {
                scale = Math.max(scale, p.stripTrailingZeros().scale());
            }
        }
        return BigDecimal.ONE.movePointLeft(Math.min(scale, 10));
    }

    /** Only the bars with open time in {@code [newFrom, newTo)} (clipped to this range). */
    public BacktestData between(Instant newFrom, Instant newTo) {
        Instant f = newFrom == null || newFrom.isBefore(from) ? from : newFrom;
        Instant t = newTo == null || newTo.isAfter(to) ? to : newTo;
        return new BacktestData(store, series, f, t);
    }

    /** Bars of the warm-up (opening before {@code tradeFrom}) across all series. */
    public long warmUpBarCount() {
        return hasWarmUp() ? new BacktestData(store, series, from, tradeFrom).barCount() : 0;
    }

    /** The same range of the series of all given data sets, in the order given (one store). */
    public BacktestData plus(BacktestData other) {
        if (other.store != store) {
            throw new IllegalArgumentException("series to combine must share a store");
        }
        List<ReplaySeries> all = new ArrayList<>(series);
        all.addAll(other.series);
        Instant f = from.isBefore(other.from) ? from : other.from;
        Instant t = to.isAfter(other.to) ? to : other.to;
        Instant trade = tradeFrom.isBefore(other.tradeFrom) ? tradeFrom : other.tradeFrom;
        return new BacktestData(store, all, f, t, trade.isBefore(f) ? f : trade);
    }

    /** Bars in range across all series (for progress). */
    public long barCount() {
        long n = 0;
        for (ReplaySeries s : series) {
            if (store instanceof MemoryBarStore memory) {
                n += memory.count(key(s), from, to);
                continue;
            }
            Instant cursor = from;
            while (true) {
                List<Bar> page = store.read(key(s), cursor, to, 10_000);
                n += page.size();
                if (page.size() < 10_000) {
                    break;
                }
                cursor = page.get(page.size() - 1).openTime().plusNanos(1);
            }
        }
        return n;
    }

    static SeriesKey key(ReplaySeries s) {
        return new SeriesKey(s.instrument().id(), s.timeframe());
    }

    /** The first series: signals and the default benchmark. */
    public ReplaySeries primary() {
        return series.get(0);
    }
}
