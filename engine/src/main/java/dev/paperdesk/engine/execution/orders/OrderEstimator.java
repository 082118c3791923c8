package dev.paperdesk.engine.execution.orders;

import dev.paperdesk.engine.execution.book.DepletingBook;
import dev.paperdesk.engine.execution.book.Liquidity;
import dev.paperdesk.engine.execution.models.DataKind;
import dev.paperdesk.engine.execution.models.FillModel;
import dev.paperdesk.engine.execution.models.ModelSet;
import dev.paperdesk.engine.execution.models.SlippageModel;
import dev.paperdesk.engine.market.BookLevel;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.UnitScale;
import dev.paperdesk.engine.model.Decimals;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quote;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Estimates an order's price, fee, slippage and resulting position from the latest quote and book,
 * with the models in force. Random slippage variation is taken at its mean. Pure: safe on any thread.
 */
public final class OrderEstimator {
    private OrderEstimator() {}

    /** A generator whose draws sit at the centre of their range, for expected values. */
    private static final RandomGenerator MEAN = () -> 0x8000_0000_0000_0000L;

    public static OrderEstimate estimate(
            Instrument instrument,
            OrderRequest r,
            Quote quote,
            BookSnapshot book,
            ModelSet models,
            DataKind kind,
            BigDecimal position) {
        if (quote == null) {
            return OrderEstimate.unavailable("No price yet");
        }
        boolean buy = r.side() == Side.BUY;
        BigDecimal mid = quote.mid().value();
        BigDecimal qty = r.quantity().value();
        BigDecimal resulting =
                position.add(qty.multiply(BigDecimal.valueOf(r.side().sign())));
        UnitScale px = new UnitScale(instrument.tickSize());
        UnitScale lots = new UnitScale(instrument.lotSize());
        long lotCount = qty.divide(lots.unit(), 0, RoundingMode.DOWN).longValueExact();
        DepletingBook liquidity = new DepletingBook(1);
        FillModel fill = models.fill().resolve(kind);
        long bidTicks = ticks(quote.bid().value(), px);
        long askTicks = ticks(quote.ask().value(), px);
        long bidLots = count(quote.bidSize().value(), lots);
        long askLots = count(quote.askSize().value(), lots);
        if (book != null && fill instanceof FillModel.BookWalk) {
            liquidity.update(
                    prices(book.bids(), px),
                    sizes(book.bids(), lots),
                    prices(book.asks(), px),
                    sizes(book.asks(), lots));
            // Books are published less often than quotes: the quote is the fresher top of book.
            liquidity.mergeTop(bidTicks, bidLots, askTicks, askLots);
        } else {
            liquidity.updateTop(bidTicks, bidLots, askTicks, askLots);
        }
        OrderType type = r.type();
        String note;
        BigDecimal price;
        boolean takes;
        double bps = 0;
        if (type == OrderType.MARKET || (type == OrderType.LIMIT && crosses(r, quote))) {
            long limit = type == OrderType.MARKET
                    ? (buy ? Liquidity.MARKET_BUY : Liquidity.MARKET_SELL)
                    : ticks(r.limitPrice().value(), px);
            long[] cost = new long[2];
            boolean touchOnly = !(fill instanceof FillModel.BookWalk);
            long depth = liquidity.touchLots(buy);
            if (touchOnly) {
                long touch = liquidity.touch(buy);
                cost[0] = touch * lotCount;
                cost[1] = lotCount;
            } else {
                liquidity.peek(buy, limit, lotCount, (p, q) -> {
                    cost[0] += p * q;
                    cost[1] += q;
                });
            }
            if (cost[1] == 0) {
                return OrderEstimate.unavailable("No liquidity at an acceptable price");
            }
            bps = models.slippage().bps(new SlippageModel.Input(type, lotCount, depth), MEAN);
            BigDecimal avg = BigDecimal.valueOf(cost[0])
                    .divide(BigDecimal.valueOf(cost[1]), Decimals.DIVISION)
                    .multiply(px.unit());
            avg = avg.multiply(BigDecimal.ONE.add(
                    BigDecimal.valueOf(bps / 10_000.0 * r.side().sign())));
            if (r.limitPrice() != null) {
                avg = buy
                        ? avg.min(r.limitPrice().value())
                        : avg.max(r.limitPrice().value());
            }
            price = avg;
            takes = true;
            note = cost[1] < lotCount
                    ? "only " + Decimals.normalize(lots.toDecimal(cost[1])).toPlainString()
                            + " visible at acceptable prices"
                    : (touchOnly ? "at the touch" : "walking the book");
        } else if (type == OrderType.LIMIT) {
            price = r.limitPrice().value();
            takes = false;
            note = "rests at its limit (maker)";
        } else if (type.isTrailing()) {
            BigDecimal anchor = quote.touch(r.side().opposite()).value();
            BigDecimal d = r.trail().distanceFrom(anchor);
            price = buy ? quote.ask().value().add(d) : quote.bid().value().subtract(d);
            takes = type == OrderType.TRAILING_STOP;
            note = "trailing stop now at "
                    + price.setScale(px.scale(), RoundingMode.HALF_UP).toPlainString();
        } else {
            price = type.hasLimit() ? r.limitPrice().value() : r.stopPrice().value();
            takes = !type.hasLimit();
            note = (type.isTakeProfit() ? "when the price reaches " : "when the stop triggers at ") + r.stopPrice();
        }
        price = Decimals.normalize(price.setScale(Math.max(px.scale() + 4, 2), RoundingMode.HALF_UP));
        BigDecimal notional = price.multiply(qty).multiply(instrument.multiplier());
        Money fee = models.fee()
                .fee(
                        instrument,
                        r.quantity(),
                        new Price(price),
                        takes
                                ? dev.paperdesk.engine.model.Liquidity.TAKER
                                : dev.paperdesk.engine.model.Liquidity.MAKER);
        BigDecimal slip = price.subtract(mid)
                .multiply(BigDecimal.valueOf(r.side().sign()))
                .multiply(qty)
                .multiply(instrument.multiplier());
        double slipBps = mid.signum() == 0
                ? 0
                : price.subtract(mid)
                                .multiply(BigDecimal.valueOf(r.side().sign()))
                                .doubleValue()
                        / mid.doubleValue()
                        * 10_000;
        return new OrderEstimate(
                true,
                new Price(price),
                notional.setScale(instrument.quoteCurrency().minorUnits(), RoundingMode.HALF_UP),
                fee,
                slip.setScale(instrument.quoteCurrency().minorUnits(), RoundingMode.HALF_UP),
                slipBps,
                resulting,
                takes,
                note + (bps > 0 ? String.format(java.util.Locale.US, ", model slippage %.2f bps", bps) : ""));
    }

    private static boolean crosses(OrderRequest r, Quote q) {
        return r.side() == Side.BUY
                ? r.limitPrice().compareTo(q.ask()) >= 0
                : r.limitPrice().compareTo(q.bid()) <= 0;
    }

    private static long ticks(BigDecimal v, UnitScale px) {
        return v.divide(px.unit(), 0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static long count(BigDecimal v, UnitScale lots) {
        return v.divide(lots.unit(), 0, RoundingMode.DOWN).longValueExact();
    }

    private static long[] prices(List<BookLevel> levels, UnitScale px) {
        return levels.stream().mapToLong(l -> ticks(l.price().value(), px)).toArray();
    }

    private static long[] sizes(List<BookLevel> levels, UnitScale lots) {
        return levels.stream().mapToLong(l -> count(l.size().value(), lots)).toArray();
    }
}
