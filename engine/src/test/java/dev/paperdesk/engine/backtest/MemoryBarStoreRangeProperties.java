package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.BarStore.SeriesKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * {@link MemoryBarStore#range} against the fold it replaces ({@code high.max(b.high())}, {@code
 * low.min(b.low())} over the bars read in the range): the same numbers, value and scale, over random
 * series whose prices are written with mixed scales (so that equal numbers of different scales tie),
 * with numbers too wide for the long columns, and over random ranges including empty ones.
 */
class MemoryBarStoreRangeProperties {
    private static final InstrumentId ID = new InstrumentId("ACME", "hist");
    private static final SeriesKey KEY = new SeriesKey(ID, Timeframe.M1);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    @Property(tries = 300)
    void theRangeIsTheFoldOverTheBarsRead(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int n,
            @ForAll @IntRange(min = 0, max = 3) int flavour) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // few distinct prices, so that highs and lows tie often, in scales 0..4
            long a = 9_990 + rnd.nextInt(20);
            long b = 9_990 + rnd.nextInt(20);
            BigDecimal lo = price(Math.min(a, b), rnd, flavour);
            BigDecimal hi = price(Math.max(a, b), rnd, flavour);
            bars.add(new Bar(ID, Timeframe.M1, T0.plusSeconds(60L * i), lo, hi, lo, hi, BigDecimal.ONE));
        }
        MemoryBarStore store = new MemoryBarStore();
        store.insert(KEY, bars, BarStore.WriteMode.REPLACE);
        // one reader for all the ranges: its searches start where the previous one ended
        MemoryBarStore.Ranges reader = store.ranges(KEY);
        Instant cursor = T0.minusSeconds(120);
        for (int k = 0; k < 40; k++) {
            // ranges that start and end between bars, on bars, before and after the series; half of
            // them move forward from the last (as trades do), the others anywhere; some end before
            // they start (empty)
            Instant from = rnd.nextBoolean()
                    ? cursor.plusSeconds(rnd.nextLong(0, 600))
                    : T0.plusSeconds(rnd.nextLong(-120, 60L * n + 120));
            Instant to = from.plusSeconds(rnd.nextLong(-60, 60L * n + 60));
            cursor = to;
            BigDecimal high = null;
            BigDecimal low = null;
            for (Bar b : store.read(KEY, from, to, Integer.MAX_VALUE)) {
                high = high == null ? b.high() : high.max(b.high());
                low = low == null ? b.low() : low.min(b.low());
            }
            MemoryBarStore.Range range = reader.range(from, to);
            assertThat(store.range(KEY, from, to)).isEqualTo(range);
            if (high == null) {
                assertThat(range).isNull();
            } else {
                assertThat(range).isNotNull();
                // the same objects: value and scale
                assertThat(range.high()).isSameAs(high);
                assertThat(range.low()).isSameAs(low);
            }
        }
    }

    /** {@code units/100} written with 2 to 4 decimals, or (flavour 3, sometimes) as a number too wide for a long. */
    private static BigDecimal price(long cents, SplittableRandom rnd, int flavour) {
        BigDecimal p = BigDecimal.valueOf(cents, 2);
        if (flavour >= 1) {
            p = p.setScale(2 + rnd.nextInt(3));
        }
        if (flavour >= 2 && rnd.nextInt(4) == 0) {
            p = p.stripTrailingZeros(); // scale 0 or 1 for round numbers
        }
        if (flavour == 3 && rnd.nextInt(50) == 0) {
            p = p.setScale(17); // 21 digits at the series' common scale: no long columns
        }
        return p;
    }

    @Test
    void aReadIsAViewOfTheStoredSeriesThatCannotBeChanged() {
        MemoryBarStore store = new MemoryBarStore();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BigDecimal p = BigDecimal.valueOf(100 + i);
            bars.add(new Bar(ID, Timeframe.M1, T0.plusSeconds(60L * i), p, p, p, p, BigDecimal.ONE));
        }
        store.insert(KEY, bars, BarStore.WriteMode.REPLACE);
        List<Bar> page = store.read(KEY, T0.plusSeconds(60), T0.plusSeconds(240), 2);
        assertThat(page).containsExactly(bars.get(1), bars.get(2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> page.add(bars.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(store.range(KEY, T0.plusSeconds(60), T0.plusSeconds(240)))
                .isEqualTo(new MemoryBarStore.Range(new BigDecimal("103"), new BigDecimal("101")));
        assertThat(store.range(KEY, T0.plusSeconds(30), T0.plusSeconds(59))).isNull();
    }
}
