package dev.paperdesk.desktop.chart;

import dev.paperdesk.engine.model.Bar;
import io.fair_acc.dataset.spi.financial.api.attrs.AttributeModel;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcv;
import io.fair_acc.dataset.spi.financial.api.ohlcv.IOhlcvItem;
import java.time.Duration;
import java.util.Date;
import java.util.Iterator;
import java.util.List;

/**
 * Adapts the engine's bars to ChartFX's OHLCV interfaces (doubles at the drawing edge only).
 *
 * <p>ChartFX sizes candles by the distance between neighbouring ones, so a lone first candle (a
 * brand-new workspace's first minute) would be drawn as a hairline. A single bar therefore gets an
 * empty slot one bar later: a point with undefined prices, which gives the width and draws nothing.
 */
final class BarsOhlcv implements IOhlcv {
    private final List<Bar> bars;
    private final Duration spacing;
    private final AttributeModel addon = new AttributeModel();

    BarsOhlcv(List<Bar> bars, Duration spacing) {
        this.bars = bars;
        this.spacing = spacing;
    }

    @Override
    public IOhlcvItem getOhlcvItem(int index) {
        if (index == bars.size() && bars.size() == 1) {
            return new EmptySlot(Date.from(bars.get(0).openTime().plus(spacing)));
        }
        return new Item(bars.get(index));
    }

    @Override
    public int size() {
        return bars.size() == 1 ? 2 : bars.size();
    }

    @Override
    public Iterator<IOhlcvItem> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size();
            }

            @Override
            public IOhlcvItem next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return getOhlcvItem(next++);
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

    /** A time with no prices: ChartFX measures the candle width from it and draws nothing. */
    private record EmptySlot(Date time) implements IOhlcvItem {
        @Override
        public Date getTimeStamp() {
            return time;
        }

        @Override
        public double getOpen() {
            return Double.NaN;
        }

        @Override
        public double getHigh() {
            return Double.NaN;
        }

        @Override
        public double getLow() {
            return Double.NaN;
        }

        @Override
        public double getClose() {
            return Double.NaN;
        }

        @Override
        public double getVolume() {
            return Double.NaN;
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
