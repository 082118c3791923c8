package dev.paperdesk.engine.strategy;

import static dev.paperdesk.engine.strategy.TestBars.BTC;
import static dev.paperdesk.engine.strategy.TestBars.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.indicator.Sma;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.api.IndicatorHandle;
import dev.paperdesk.engine.strategy.api.IndicatorRequest;
import dev.paperdesk.engine.strategy.api.PriceSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorRegistryTest {
    @Test
    void handlesFollowTheirOwnSeriesAndKeepHistory() {
        IndicatorRegistry r = new IndicatorRegistry();
        IndicatorHandle sma =
                r.register(IndicatorRequest.of(BTC, Timeframe.H1, "sma:2").withHistory(3));
        IndicatorHandle other = r.register(IndicatorRequest.of(ETH, Timeframe.H1, "sma:2"));
        IndicatorHandle h4 = r.register(IndicatorRequest.of(BTC, Timeframe.H4, "sma:2"));
        List<Bar> bars = TestBars.fromCloses(BTC, Timeframe.H1, 1, 3, 5, 7);
        bars.forEach(r::onBar);
        assertThat(sma.barCount()).isEqualTo(4);
        assertThat(sma.value()).isEqualTo(6.0);
        assertThat(sma.value(0, 1)).isEqualTo(4.0);
        assertThat(sma.value(0, 2)).isEqualTo(2.0);
        assertThat(sma.value(0, 3)).isNaN(); // beyond the kept history
        assertThat(sma.isReady()).isTrue();
        assertThat(other.barCount()).isZero();
        assertThat(h4.barCount()).isZero();
        assertThat(r.uses(BTC, Timeframe.H4)).isTrue();
        assertThat(r.uses(ETH, Timeframe.D1)).isFalse();
    }

    @Test
    void theSameRequestSharesOneHandleAndGrowsItsHistory() {
        IndicatorRegistry r = new IndicatorRegistry();
        IndicatorHandle a = r.register(IndicatorRequest.of(BTC, Timeframe.H1, "sma:2"));
        TestBars.fromCloses(BTC, Timeframe.H1, 1, 3, 5).forEach(r::onBar);
        IndicatorHandle b =
                r.register(IndicatorRequest.of(BTC, Timeframe.H1, "SMA:2").withHistory(4));
        assertThat(b).isSameAs(a);
        assertThat(r.handles()).hasSize(1);
        // The values kept so far survive the growth.
        assertThat(a.value(0, 0)).isEqualTo(4.0);
        assertThat(a.value(0, 1)).isEqualTo(2.0);
        TestBars.fromCloses(BTC, Timeframe.H1, 7, 9).forEach(r::onBar);
        assertThat(a.value(0, 3)).isEqualTo(2.0);
    }

    @Test
    void matchesTheStreamingIndicatorAndFeedsOtherSources() {
        IndicatorRegistry r = new IndicatorRegistry();
        IndicatorHandle close = r.register(IndicatorRequest.of(BTC, Timeframe.H1, "sma:5"));
        IndicatorHandle vol =
                r.register(IndicatorRequest.of(BTC, Timeframe.H1, "sma:5").withSource(PriceSource.VOLUME));
        IndicatorHandle bb = r.register(IndicatorRequest.of(BTC, Timeframe.H1, "bbands:5:2"));
        Sma ref = new Sma(5);
        Sma refVol = new Sma(5);
        for (Bar b : TestBars.randomWalk(BTC, Timeframe.H1, 50, 7)) {
            r.onBar(b);
            ref.update(b.close().doubleValue());
            refVol.update(b.volume().doubleValue());
            assertThat(Double.valueOf(close.value())).isEqualTo(Double.valueOf(ref.value()));
            assertThat(Double.valueOf(vol.value())).isEqualTo(Double.valueOf(refVol.value()));
        }
        assertThat(bb.outputNames()).containsExactly("upper", "middle", "lower");
        assertThat(bb.outputIndex("middle")).isEqualTo(1);
        assertThat(bb.value(1)).isEqualTo(ref.value(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void multiFieldIndicatorsCannotBeFedOneField() {
        assertThatThrownBy(
                        () -> IndicatorRequest.of(BTC, Timeframe.H1, "atr:14").withSource(PriceSource.VOLUME))
                .hasMessage("atr:14 reads several bar fields and cannot be fed volume alone");
        assertThatThrownBy(() -> IndicatorRequest.of(BTC, Timeframe.H1, "atr:x"))
                .hasMessage("indicator 'atr:x': parameter 1 (period) 'x' is not a number");
    }
}
