package dev.paperdesk.desktop.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcvItem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarsOhlcvTest {
    private static final Instant T0 = Instant.parse("2026-11-21T10:43:00Z");

    private static Bar bar(int minute) {
        BigDecimal p = new BigDecimal("65000.00");
        return new Bar(
                InstrumentId.parse("BTC-USDT@binance"),
                Timeframe.M1,
                T0.plus(Duration.ofMinutes(minute)),
                p,
                p.add(BigDecimal.TEN),
                p.subtract(BigDecimal.TEN),
                p.add(BigDecimal.ONE),
                BigDecimal.ONE);
    }

    @Test
    void aLoneCandleGetsAnEmptySlotOneBarLaterSoChartFxCanMeasureItsWidth() {
        BarsOhlcv ohlcv = new BarsOhlcv(List.of(bar(0)), Duration.ofMinutes(1));

        assertThat(ohlcv.size()).isEqualTo(2);
        assertThat(ohlcv.getOhlcvItem(0).getClose()).isEqualTo(65001.0);
        IOhlcvItem slot = ohlcv.getOhlcvItem(1);
        assertThat(slot.getTimeStamp()).isEqualTo(Date.from(T0.plusSeconds(60)));
        assertThat(slot.getOpen()).isNaN();
        assertThat(slot.getHigh()).isNaN();
        assertThat(slot.getLow()).isNaN();
        assertThat(slot.getClose()).isNaN();
        List<IOhlcvItem> iterated = new ArrayList<>();
        ohlcv.iterator().forEachRemaining(iterated::add);
        assertThat(iterated).hasSize(2);
    }

    @Test
    void twoOrMoreCandlesAreShownAsTheyAre() {
        BarsOhlcv ohlcv = new BarsOhlcv(List.of(bar(0), bar(1), bar(2)), Duration.ofMinutes(1));

        assertThat(ohlcv.size()).isEqualTo(3);
        assertThat(ohlcv.getOhlcvItem(2).getTimeStamp()).isEqualTo(Date.from(T0.plusSeconds(120)));
        assertThat(new BarsOhlcv(List.of(), Duration.ofMinutes(1)).size()).isZero();
    }
}
