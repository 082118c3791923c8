package dev.paperdesk.desktop.chart;

import dev.paperdesk.engine.model.Bar;
import io.fair_acc.dataset.spi.financial.api.attrs.AttributeModel;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcv;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcvItem;
import java.util.Date;
import java.util.Iterator;
import java.util.List;

/** Adapts the engine's bars to ChartFX's OHLCV interfaces (doubles at the drawing edge only). */
final class BarsOhlcv implements IOhlcv {
    private final List<Bar> bars;
    private final AttributeModel addon = new AttributeModel();

    BarsOhlcv(List<Bar> bars) {
        this.bars = bars;
    }

    @Override
    public IOhlcvItem getOhlcvItem(int index) {
        return new Item(bars.get(index));
    }

    @Override
    public int size() {
        return bars.size();
    }

    @Override
    public Iterator<IOhlcvItem> iterator() {
        Iterator<Bar> it = bars.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public IOhlcvItem next() {
                return new Item(it.next());
            }
        };
    }

    @Override
    public AttributeModel getAddon() {
        return addon;
    }

    @Override
    public AttributeModel getAddonOrCreate() {
        return addon;
    }

    private record Item(Bar bar) implements IOhlcvItem {
        @Override
        public Date getTimeStamp() {
            return Date.from(bar.openTime());
        }

        @Override
        public double getOpen() {
            return bar.open().doubleValue();
        }

        @Override
        public double getHigh() {
            return bar.high().doubleValue();
        }

        @Override
        public double getLow() {
            return bar.low().doubleValue();
        }

        @Override
        public double getClose() {
            return bar.close().doubleValue();
        }

        @Override
        public double getVolume() {
            return bar.volume().doubleValue();
        }

        @Override
        public double getOpenInterest() {
            return 0;
        }

        @Override
        public AttributeModel getAddon() {
            return null;
        }

        @Override
        public AttributeModel getAddonOrCreate() {
            return new AttributeModel();
        }
    }
}
