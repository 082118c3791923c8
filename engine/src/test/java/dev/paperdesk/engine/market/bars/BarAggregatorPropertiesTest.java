package dev.paperdesk.engine.market.bars;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BarAggregatorPropertiesTest {
    private static final long MINUTE = 60_000_000_000L;

    /** Building 5m and 1h bars directly equals merging the 1m bars of the same trades. */
    @Property(tries = 200)
    void higherTimeframesAreMergedLowerOnes(
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 40_000) Integer> gapsMillis,
            @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 1, max = 100_000) Integer> prices,
            @ForAll @IntRange(min = 1, max = 9) int lots) {
        List<Bar> bars = new ArrayList<>();
        BarAggregator a = new BarAggregator(
                InstrumentId.parse("P@sim"),
                new BigDecimal("0.01"),
                new BigDecimal("0.1"),
                List.of(Timeframe.M1, Timeframe.M5, Timeframe.H1),
                GapPolicy.SKIP,
                bars::add);
        long t = 1_704_067_200_000_000_000L; // 2024-01-01T00:00Z
        int n = Math.min(gapsMillis.size(), prices.size());
        long volume = 0;
        for (int i = 0; i < n; i++) {
            t += gapsMillis.get(i) * 1_000_000L * 30; // up to 20 minutes between trades
            a.onTrade(t, prices.get(i), lots + i % 3);
            volume += lots + i % 3;
        }
        a.flush();
        assertThat(merge(bars, Timeframe.M1, 5 * MINUTE)).isEqualTo(summary(bars, Timeframe.M5));
        assertThat(merge(bars, Timeframe.M1, 60 * MINUTE)).isEqualTo(summary(bars, Timeframe.H1));
        BigDecimal total = bars.stream()
                .filter(b -> b.timeframe() == Timeframe.M1)
                .map(Bar::volume)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualByComparingTo(BigDecimal.valueOf(volume).movePointLeft(1));
    }

    private static Map<Long, List<BigDecimal>> merge(List<Bar> bars, Timeframe from, long bucketNanos) {
        Map<Long, List<BigDecimal>> merged = new LinkedHashMap<>();
        for (Bar b : bars) {
            if (b.timeframe() != from) {
                continue;
            }
            long nanos = b.openTime().getEpochSecond() * 1_000_000_000L;
            long bucket = Math.floorDiv(nanos, bucketNanos) * bucketNanos;
            merged.merge(
                    bucket,
                    List.of(b.open(), b.high(), b.low(), b.close(), b.volume()),
                    (x, y) -> List.of(
                            x.get(0),
                            x.get(1).max(y.get(1)),
                            x.get(2).min(y.get(2)),
                            y.get(3),
                            x.get(4).add(y.get(4))));
        }
        return merged;
    }

    private static Map<Long, List<BigDecimal>> summary(List<Bar> bars, Timeframe tf) {
        Map<Long, List<BigDecimal>> out = new LinkedHashMap<>();
        for (Bar b : bars) {
            if (b.timeframe() == tf) {
                out.put(
                        b.openTime().getEpochSecond() * 1_000_000_000L,
                        List.of(b.open(), b.high(), b.low(), b.close(), b.volume()));
            }
        }
        return out;
    }
}
