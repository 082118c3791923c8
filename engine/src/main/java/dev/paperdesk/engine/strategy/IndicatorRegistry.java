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
        bySeries.computeIfAbsent(new Series(request.instrumentId(), request.timeframe()), s -> new ArrayList<>())
                .add(created);
        lastSeries = null;
        return created;
    }

    /** Feeds {@code bar} to every indicator registered on its instrument and timeframe. */
    public void onBar(Bar bar) {
        List<LiveIndicator> list = indicatorsOf(bar);
        if (list == null) {
            return;
        }
        long t = bar.openTime().toEpochMilli();
        double o = bar.open().doubleValue();
        double h = bar.high().doubleValue();
        double l = bar.low().doubleValue();
        double c = bar.close().doubleValue();
        double v = bar.volume().doubleValue();
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
    private Series lastSeries;

    private List<LiveIndicator> lastList;

    private List<LiveIndicator> indicatorsOf(Bar bar) {
        Series s = lastSeries;
        if (s == null
                || !s.instrument().equals(bar.instrumentId())
                || !s.timeframe().equals(bar.timeframe())) {
            s = new Series(bar.instrumentId(), bar.timeframe());
            lastList = bySeries.get(s);
            lastSeries = s;
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
