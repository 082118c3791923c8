package dev.paperdesk.engine.market.bars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.Timeframe;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarAggregatorTest {
    static final InstrumentId ID = InstrumentId.parse("TEST@sim");
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final List<Bar> bars = new ArrayList<>();

    private BarAggregator aggregator(GapPolicy gaps, Timeframe... timeframes) {
        return new BarAggregator(ID, new BigDecimal("0.01"), BigDecimal.ONE, List.of(timeframes), gaps, bars::add);
    }

    private static long at(String hhmmss, long extraNanos) {
        return Clock.toNanos(Instant.parse("2024-01-01T" + hhmmss + "Z")) + extraNanos;
    }

    private static void trade(BarAggregator a, String hhmmss, String price, long lots) {
        a.onTrade(new TradePrint(
                ID, Instant.parse("2024-01-01T" + hhmmss + "Z"), Price.of(price), Quantity.of(lots), Side.BUY));
    }

    private static void assertBar(
            Bar bar, Timeframe tf, String open, String o, String h, String l, String c, String volume) {
        assertThat(bar.timeframe()).isEqualTo(tf);
        assertThat(bar.openTime()).isEqualTo(Instant.parse("2024-01-01T" + open + "Z"));
        assertThat(bar.open()).isEqualByComparingTo(o);
        assertThat(bar.high()).isEqualByComparingTo(h);
        assertThat(bar.low()).isEqualByComparingTo(l);
        assertThat(bar.close()).isEqualByComparingTo(c);
        assertThat(bar.volume()).isEqualByComparingTo(volume);
        assertThat(bar.instrumentId()).isEqualTo(ID);
    }

    /** The hand-computed tape: two busy minutes, two empty ones, then trades on both boundaries. */
    private void feed(BarAggregator a) {
        trade(a, "00:00:10", "100.00", 2);
        trade(a, "00:00:30", "101.50", 1);
        a.onTrade(at("00:00:59", 999_999_999), 9_900, 3); // last nanosecond of the first minute
        trade(a, "00:01:00", "100.50", 1); // exactly on the boundary: opens the next bar
        trade(a, "00:01:20", "100.00", 4);
        trade(a, "00:04:05", "102.00", 5);
        trade(a, "00:05:00", "103.00", 1);
    }

    @Test
    void oneMinuteBarsSkipEmptyMinutes() {
        BarAggregator a = aggregator(GapPolicy.SKIP, Timeframe.M1);
        feed(a);
        assertThat(bars).hasSize(3);
        assertBar(bars.get(0), Timeframe.M1, "00:00:00", "100", "101.5", "99", "99", "6");
        assertBar(bars.get(1), Timeframe.M1, "00:01:00", "100.5", "100.5", "100", "100", "5");
        assertBar(bars.get(2), Timeframe.M1, "00:04:00", "102", "102", "102", "102", "5");
        assertThat(a.current(Timeframe.M1)).get().satisfies(b -> assertThat(b.close())
                .isEqualByComparingTo("103"));
        a.flush();
        assertBar(bars.get(3), Timeframe.M1, "00:05:00", "103", "103", "103", "103", "1");
        assertThat(a.current(Timeframe.M1)).isEmpty();
    }

    @Test
    void flatBarsFillGapsAtThePreviousClose() {
        BarAggregator a = aggregator(GapPolicy.FILL_FLAT, Timeframe.M1);
        feed(a);
        assertThat(bars).hasSize(5);
        assertBar(bars.get(2), Timeframe.M1, "00:02:00", "100", "100", "100", "100", "0");
        assertBar(bars.get(3), Timeframe.M1, "00:03:00", "100", "100", "100", "100", "0");
        assertBar(bars.get(4), Timeframe.M1, "00:04:00", "102", "102", "102", "102", "5");
    }

    @Test
    void severalTimeframesAtOnce() {
        BarAggregator a = aggregator(GapPolicy.SKIP, Timeframe.M5, Timeframe.M1, Timeframe.H1);
        feed(a);
        List<Bar> fiveMinute =
                bars.stream().filter(b -> b.timeframe() == Timeframe.M5).toList();
        assertThat(fiveMinute).hasSize(1);
        assertBar(fiveMinute.get(0), Timeframe.M5, "00:00:00", "100", "102", "99", "102", "16");
        // At the 00:05 boundary the 1m bar is published before the 5m bar.
        assertThat(bars.get(bars.size() - 1).timeframe()).isEqualTo(Timeframe.M5);
        assertThat(bars.get(bars.size() - 2).timeframe()).isEqualTo(Timeframe.M1);
        assertThat(a.current(Timeframe.H1)).get().satisfies(b -> {
            assertThat(b.volume()).isEqualByComparingTo("17");
            assertThat(b.high()).isEqualByComparingTo("103");
        });
        assertThatThrownBy(() -> a.current(Timeframe.D1)).hasMessageContaining("not aggregated");
    }

    @Test
    void timePassingClosesBarsWithoutANewTrade() {
        BarAggregator a = aggregator(GapPolicy.SKIP, Timeframe.M1, Timeframe.M5);
        feed(a);
        int before = bars.size();
        a.advanceTo(at("00:05:59", 999_999_999));
        assertThat(bars).hasSize(before);
        a.advanceTo(at("00:06:00", 0));
        assertThat(bars).hasSize(before + 1);
        assertBar(bars.get(before), Timeframe.M1, "00:05:00", "103", "103", "103", "103", "1");
        a.advanceTo(at("00:10:00", 0));
        assertBar(bars.get(before + 1), Timeframe.M5, "00:05:00", "103", "103", "103", "103", "1");
    }

    @Test
    void refusesOutOfOrderAndOffTickTrades() {
        BarAggregator a = aggregator(GapPolicy.SKIP, Timeframe.M1);
        feed(a);
        assertThatThrownBy(() -> trade(a, "00:04:59", "100", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("older than the open 1m bar");
        assertThatThrownBy(() -> trade(a, "00:05:10", "100.005", 1)).hasMessageContaining("off the tick");
        assertThatThrownBy(() -> a.onTrade(new TradePrint(
                        InstrumentId.parse("OTHER@sim"),
                        T0.plusSeconds(400),
                        Price.of("1"),
                        Quantity.of(1),
                        Side.SELL)))
                .hasMessageContaining("OTHER@sim");
        assertThatThrownBy(
                        () -> new BarAggregator(ID, BigDecimal.ONE, BigDecimal.ONE, List.of(), GapPolicy.SKIP, b -> {}))
                .hasMessageContaining("no timeframe");
    }

    @Test
    void dailyBarsAreUtcDays() {
        BarAggregator a = aggregator(GapPolicy.SKIP, Timeframe.D1);
        a.onTrade(Clock.toNanos(Instant.parse("2024-01-01T23:59:59Z")), 100, 1);
        a.onTrade(Clock.toNanos(Instant.parse("2024-01-02T00:00:00Z")), 200, 1);
        assertThat(bars).hasSize(1);
        assertThat(bars.get(0).openTime()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(bars.get(0).close()).isEqualByComparingTo("1.00");
    }
}
