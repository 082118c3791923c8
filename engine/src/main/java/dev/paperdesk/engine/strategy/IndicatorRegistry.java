package dev.paperdesk.engine.strategy;

import dev.paperdesk.engine.indicator.StreamingIndicator;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.api.IndicatorHandle;
import dev.paperdesk.engine.strategy.api.IndicatorRequest;
import dev.paperdesk.engine.strategy.api.PriceSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The indicators one strategy has registered, fed by the host with every bar before the strategy
 * sees it. A context implementation delegates {@code indicator(...)} here and calls {@link
 * #onBar(Bar)} ahead of {@code Strategy.onBar}.
 *
 * <p>Requests are keyed by instrument, timeframe, spec and source; asking twice returns one handle
 * keeping the longer of the two histories. Not thread-safe: it lives on the engine thread.
 */
public final class IndicatorRegistry {
    private record Key(InstrumentId instrument, Timeframe timeframe, String spec, PriceSource source) {}

    private record Series(InstrumentId instrument, Timeframe timeframe) {}

    private final Map<Key, LiveIndicator> byKey = new LinkedHashMap<>();
    private final Map<Series, List<LiveIndicator>> bySeries = new HashMap<>();
    /** Per series, the bar fields its indicators read ({@link StreamingIndicator#inputs()} masks). */
    private final Map<Series, Integer> inputsBySeries = new HashMap<>();

    /** The handle for {@code request}, created on first use. */
    public IndicatorHandle register(IndicatorRequest request) {
        Objects.requireNonNull(request, "request");
        Key key = new Key(
                request.instrumentId(), request.timeframe(), request.spec().token(), request.source());
        LiveIndicator existing = byKey.get(key);
        if (existing != null) {
            existing.ensureHistory(request.history());
            return existing;
        }
        LiveIndicator created = new LiveIndicator(request);
        byKey.put(key, created);
        Series series = new Series(request.instrumentId(), request.timeframe());
        bySeries.computeIfAbsent(series, s -> new ArrayList<>()).add(created);
        inputsBySeries.merge(series, created.barInputs(), (a, b) -> a | b);
        lastInstrument = null;
        return created;
    }

    /** Feeds {@code bar} to every indicator registered on its instrument and timeframe. */
    public void onBar(Bar bar) {
        List<LiveIndicator> list = indicatorsOf(bar);
        if (list == null) {
            return;
        }
        // only the fields some indicator reads are converted (most read the close alone)
        int in = lastInputs;
        long t = (in & StreamingIndicator.TIME) != 0 ? bar.openTime().toEpochMilli() : 0L;
        double o = (in & StreamingIndicator.OPEN) != 0 ? bar.open().doubleValue() : Double.NaN;
        double h = (in & StreamingIndicator.HIGH) != 0 ? bar.high().doubleValue() : Double.NaN;
        double l = (in & StreamingIndicator.LOW) != 0 ? bar.low().doubleValue() : Double.NaN;
        double c = (in & StreamingIndicator.CLOSE) != 0 ? bar.close().doubleValue() : Double.NaN;
        double v = (in & StreamingIndicator.VOLUME) != 0 ? bar.volume().doubleValue() : Double.NaN;
        for (int i = 0; i < list.size(); i++) { // by index: no iterator per bar
            LiveIndicator ind = list.get(i);
            PriceSource src = ind.request.source();
            if (src == PriceSource.BAR) {
                ind.update(t, o, h, l, c, v);
            } else {
                double x = src.of(bar);
                ind.update(t, x, x, x, x, v);
            }
        }
    }

    /** The series of the previous bar and its indicators: bars of one series look nothing up. */
    private InstrumentId lastInstrument;

    private Timeframe lastTimeframe;
    private List<LiveIndicator> lastList;
    private int lastInputs;

    private List<LiveIndicator> indicatorsOf(Bar bar) {
        InstrumentId instrument = bar.instrumentId();
        Timeframe timeframe = bar.timeframe();
        if (instrument != lastInstrument || timeframe != lastTimeframe) {
            Series s = new Series(instrument, timeframe);
            lastList = bySeries.get(s);
            lastInputs = inputsBySeries.getOrDefault(s, StreamingIndicator.ALL);
            lastInstrument = instrument;
            lastTimeframe = timeframe;
        }
        return lastList;
    }

    /** Whether any registered indicator reads bars of {@code instrument} in {@code timeframe}. */
    public boolean uses(InstrumentId instrument, Timeframe timeframe) {
        return bySeries.containsKey(new Series(instrument, timeframe));
    }

    /** Every registered handle, in registration order. */
    public List<IndicatorHandle> handles() {
        return List.copyOf(byKey.values());
    }

    /** An indicator with a ring of its recent outputs. */
    private static final class LiveIndicator implements IndicatorHandle {
        private IndicatorRequest request;
        private final StreamingIndicator indicator;
        private final int outputs;
        private double[][] ring;
        private int head = -1;
        private long count;

        LiveIndicator(IndicatorRequest request) {
            this.request = request;
            this.indicator = request.spec().create();
            this.outputs = indicator.outputs();
            this.ring = new double[outputs][request.history()];
        }

        /**
         * The bar fields the registry converts for this indicator: its own inputs when it is fed the
         * bar, else its time and volume (the price it is fed is worked out apart).
         */
        int barInputs() {
            int in = indicator.inputs();
            return request.source() == PriceSource.BAR
                    ? in
                    : in & (StreamingIndicator.TIME | StreamingIndicator.VOLUME);
        }

        void ensureHistory(int history) {
            if (history <= ring[0].length) {
                return;
            }
            double[][] bigger = new double[outputs][history];
            int kept = (int) Math.min(count, ring[0].length);
            for (int o = 0; o < outputs; o++) {
                for (int ago = 0; ago < kept; ago++) {
                    // Oldest first into the new ring, so that head = kept - 1 afterwards.
                    bigger[o][kept - 1 - ago] = value(o, ago);
                }
            }
            ring = bigger;
            head = kept - 1;
            request = request.withHistory(history);
        }

        void update(long t, double o, double h, double l, double c, double v) {
            indicator.update(t, o, h, l, c, v);
            head = head + 1 == ring[0].length ? 0 : head + 1;
            for (int k = 0; k < outputs; k++) {
                ring[k][head] = indicator.value(k);
            }
            count++;
        }

        @Override
        public IndicatorRequest request() {
            return request;
        }

        @Override
        public double value(int output, int barsAgo) {
            if (output < 0 || output >= outputs) {
                throw new IndexOutOfBoundsException(
                        request.spec().token() + " has " + outputs + " outputs, asked for " + output);
            }
            int len = ring[0].length;
            if (barsAgo < 0 || barsAgo >= len || barsAgo >= count) {
                return Double.NaN;
            }
            int i = head - barsAgo;
            return ring[output][i < 0 ? i + len : i];
        }

        @Override
        public boolean isReady() {
            return indicator.isReady();
        }

        @Override
        public long barCount() {
            return count;
        }
    }
}
