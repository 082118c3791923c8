package dev.paperdesk.engine.execution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyAndQueueModelTest {
    @Test
    void uniformLatencyStaysInItsRangeAndIsSeeded() {
        LatencyModel m = LatencyModel.Uniform.DEFAULT;
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            assertThat(m.sampleNanos("binance", r)).isBetween(50_000_000L, 200_000_000L);
        }
        assertThat(m.sampleNanos("x", new SplittableRandom(3))).isEqualTo(m.sampleNanos("x", new SplittableRandom(3)));
        assertThat(m.maxNanos("x")).isEqualTo(200_000_000L);
        assertThat(m.spec()).isEqualTo("uniform(min=50ms, max=200ms)");
        assertThat(LatencyModel.parse(m.spec())).isEqualTo(m);
    }

    @Test
    void zeroAndVenueLatencies() {
        assertThat(new LatencyModel.Zero().sampleNanos("x", new SplittableRandom(1)))
                .isZero();
        assertThat(LatencyModel.parse("zero")).isEqualTo(new LatencyModel.Zero());
        LatencyModel venue = LatencyModel.parse("venue(fallback-min=10ms, fallback-max=20ms)");
        assertThat(venue.sampleNanos("nowhere", new SplittableRandom(1))).isBetween(10_000_000L, 20_000_000L);
        assertThat(venue.sampleNanos("binance", new SplittableRandom(1))).isPositive();
        assertThat(venue.maxNanos("binance")).isEqualTo(Long.MAX_VALUE);
        assertThat(venue.maxNanos("nowhere")).isEqualTo(20_000_000L);
        assertThat(LatencyModel.parse(venue.spec())).isEqualTo(venue);
        assertThatThrownBy(() -> new LatencyModel.Uniform(200, 50)).hasMessageContaining("min <= max");
        assertThatThrownBy(() -> LatencyModel.parse("slow")).hasMessageContaining("unknown latency model");
    }

    @Test
    void queueModelsSetTheThresholdOfTradedVolume() {
        assertThat(QueueModel.QueuePosition.DEFAULT.threshold().applyAsLong(10)).isEqualTo(2);
        assertThat(QueueModel.QueuePosition.DEFAULT.threshold().applyAsLong(11)).isEqualTo(3);
        assertThat(new QueueModel.QueuePosition(0).threshold().applyAsLong(500)).isZero();
        assertThat(new QueueModel.TradeThrough().threshold().applyAsLong(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(QueueModel.parse("queue(share=0.35)")).isEqualTo(new QueueModel.QueuePosition(0.35));
        assertThat(QueueModel.parse("through")).isEqualTo(new QueueModel.TradeThrough());
        assertThat(QueueModel.QueuePosition.DEFAULT.describe()).contains("20 %");
        assertThatThrownBy(() -> new QueueModel.QueuePosition(1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> QueueModel.parse("fifo")).hasMessageContaining("unknown queue model");
    }

    @Test
    void fillModelsResolveByData() {
        FillModel auto = new FillModel.Auto();
        assertThat(auto.resolve(DataKind.LIVE_BOOK)).isEqualTo(new FillModel.BookWalk());
        assertThat(auto.resolve(DataKind.BOOK_SNAPSHOTS)).isEqualTo(new FillModel.BookWalk());
        assertThat(auto.resolve(DataKind.QUOTES)).isEqualTo(new FillModel.Touch());
        assertThat(auto.resolve(DataKind.BARS)).isEqualTo(FillModel.Bars.DEFAULT);
        assertThat(new FillModel.BookWalk().resolve(DataKind.BARS)).isEqualTo(FillModel.Bars.DEFAULT);
        assertThat(new FillModel.Touch().resolve(DataKind.LIVE_BOOK)).isEqualTo(new FillModel.Touch());
        for (String spec : new String[] {
            "auto", "book-walk", "touch", "bars(mode=next-open, through=1)", "bars(mode=touch, through=0)"
        }) {
            assertThat(FillModel.parse(spec).spec()).isEqualTo(spec);
        }
        assertThat(FillModel.parse("bars(mode=intrabar)")).isEqualTo(new FillModel.Bars(FillModel.BarMode.TOUCH, 1));
        assertThatThrownBy(() -> FillModel.parse("bars(mode=later)")).hasMessageContaining("next-open or touch");
        assertThatThrownBy(() -> new FillModel.Bars(FillModel.BarMode.TOUCH, -1))
                .hasMessageContaining("negative");
    }
}
