package dev.paperdesk.engine.market.sim;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.UnitScale;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * Turns the simulator's primitive events into the exact decimal values of {@link MarketDataSink}:
 * ticks and lots become {@link BigDecimal}s at the instrument's scale, doubles (mark, index,
 * funding) are rounded explicitly (prices half-even to the tick, rates to 8 decimals).
 */
public final class DecimalEventBridge implements PrimitiveMarketListener {
    /** Decimal places of published funding rates (as venues publish them). */
    public static final int FUNDING_RATE_SCALE = 8;

    private final MarketDataSink sink;
    private final InstrumentId[] ids;
    private final UnitScale[] prices;
    private final UnitScale[] quantities;
    private final int[] fundingHours;
    private long instantNanos = Long.MIN_VALUE;
    private Instant instant;

    public DecimalEventBridge(List<ListingSpec> listings, MarketDataSink sink) {
        this.sink = sink;
        int n = listings.size();
        ids = new InstrumentId[n];
        prices = new UnitScale[n];
        quantities = new UnitScale[n];
        fundingHours = new int[n];
        for (int i = 0; i < n; i++) {
            Instrument instrument = listings.get(i).instrument();
            ids[i] = instrument.id();
            prices[i] = new UnitScale(instrument.tickSize());
            quantities[i] = new UnitScale(instrument.lotSize());
            fundingHours[i] = instrument instanceof Instrument.Perpetual p ? p.fundingIntervalHours() : 0;
        }
    }

    // Every event of a step shares one time stamp: build the Instant once per step.
    private Instant at(long nanos) {
        if (nanos != instantNanos) {
            instantNanos = nanos;
            instant = Clock.toInstant(nanos);
        }
        return instant;
    }

    @Override
    public void quote(int listing, long nanos, long bidTicks, long bidLots, long askTicks, long askLots) {
        UnitScale p = prices[listing];
        UnitScale q = quantities[listing];
        sink.onQuote(new Quote(
                ids[listing],
                at(nanos),
                new Price(p.toDecimal(bidTicks)),
                new Price(p.toDecimal(askTicks)),
                new Quantity(q.toDecimal(bidLots)),
                new Quantity(q.toDecimal(askLots))));
    }

    @Override
    public void trade(int listing, long nanos, long priceTicks, long lots, boolean buyerAggressor) {
        sink.onTrade(new TradePrint(
                ids[listing],
                at(nanos),
                new Price(prices[listing].toDecimal(priceTicks)),
                new Quantity(quantities[listing].toDecimal(lots)),
                buyerAggressor ? Side.BUY : Side.SELL));
    }

    @Override
    public void book(int listing, long nanos, OrderBook book) {
        sink.onBook(book.snapshot(at(nanos)));
    }

    @Override
    public void mark(
            int listing,
            long nanos,
            double markPrice,
            double indexPrice,
            double estimatedFundingRate,
            long nextFundingNanos) {
        sink.onMarkPrice(new MarkPrice(
                ids[listing],
                at(nanos),
                toPrice(listing, markPrice),
                toPrice(listing, indexPrice),
                toRate(estimatedFundingRate),
                Clock.toInstant(nextFundingNanos)));
    }

    @Override
    public void funding(int listing, long nanos, long fundingTimeNanos, double rate, double markPrice) {
        sink.onFundingRate(new FundingRate(
                ids[listing],
                Clock.toInstant(fundingTimeNanos),
                toRate(rate),
                fundingHours[listing],
                toPrice(listing, markPrice)));
    }

    @Override
    public void openInterest(int listing, long nanos, long lots) {
        sink.onOpenInterest(
                new OpenInterest(ids[listing], at(nanos), new Quantity(quantities[listing].toDecimal(lots))));
    }

    private Price toPrice(int listing, double value) {
        UnitScale p = prices[listing];
        return new Price(p.toDecimal(Math.max(1L, (long) Math.rint(value / p.unitDouble()))));
    }

    private static BigDecimal toRate(double rate) {
        return BigDecimal.valueOf(rate).setScale(FUNDING_RATE_SCALE, RoundingMode.HALF_EVEN);
    }
}
