package dev.paperdesk.engine.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.loop.EventLoop;
import dev.paperdesk.engine.market.BookSnapshot;
import dev.paperdesk.engine.market.FundingRate;
import dev.paperdesk.engine.market.MarkPrice;
import dev.paperdesk.engine.market.MarketDataFeed;
import dev.paperdesk.engine.market.MarketDataSink;
import dev.paperdesk.engine.market.OpenInterest;
import dev.paperdesk.engine.market.TradePrint;
import dev.paperdesk.engine.market.sim.VenueProfile;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * The profit target and the loss limit compare like with like: what closing now would realise (exit
 * limits at the touch, funding, every fee) against the projection net of the round trip's fees.
 *
 * <p>The script makes the reference design's fee-free rule fail: both entry limits fill passively
 * (buy at Paradex's bid, sell at Binance's ask), so marking the legs at the mids credits half of
 * each book's spread at once, above 90 % of a projection that the 3.9 bps maker fees (15.6 bps a
 * round trip) have made thin. Closing then would lose; the trade must instead wait until Binance's
 * premium has really converged.
 */
class ArbitrageExitBasisTest {
    private static final long SECOND = 1_000_000_000L;
    private static final double MAKER_BPS = 3.9;
    private static final List<VenueProfile> VENUES = List.of(
            ScriptedMarket.profile("paradex", 20, MAKER_BPS, 6), ScriptedMarket.profile("binance", 20, MAKER_BPS, 6));

    @Test
    void aProfitTargetExitRealisesAtLeastNinetyPercentOfTheProjectionNetOfFees() {
        LongPredicate always = t -> true;
        // Binance's premium holds for 4 s, then converges by 0.5 per second (0.5 bps)
        ScriptedMarket script = new ScriptedMarket(List.of(
                new ScriptedMarket.Venue("paradex", 8, t -> 10_000, 3.6, 2, 5, t -> -0.0001, always, always, 0.5),
                new ScriptedMarket.Venue(
                        "binance",
                        8,
                        t -> 10_027.3 - 0.5 * Math.max(0, (t - 4 * SECOND) / (double) SECOND),
                        3.6,
                        2,
                        5,
                        t -> 0.00005,
                        always,
                        always,
                        0.5)));
        LastQuotes quotes = new LastQuotes(script);
        ArbitrageSettings d = ArbitrageSettings.defaults(7);
        ArbitrageSettings settings = d.withThresholds(0, d.minSpreadBps(), d.minFundingDelta8h(), d.minDepthUsd());

        // what the reference rule (mids, no fees) and the close-now value read while the first trade is active
        double[] firstReferenceTrigger = {Double.NaN, Double.NaN};
        Harness[] harness = new Harness[1];
        harness[0] = new Harness(quotes, VENUES, settings, null);
        harness[0].run(Duration.ofSeconds(30), now -> {
            for (TradeRecord t : harness[0].strategy.openTrades()) {
                if (!t.id().equals("T00001") || t.status() != TradeStatus.ACTIVE) {
                    continue;
                }
                Quote l = quotes.last.get("paradex");
                Quote s = quotes.last.get("binance");
                double q = t.quantity().doubleValue();
                double longIn = t.entryLongPrice().doubleValue();
                double shortIn = t.entryShortPrice().doubleValue();
                double funding = t.fundingPnl().doubleValue();
                double reference = q * ((mid(l) - longIn) + (shortIn - mid(s))) + funding;
                double lAsk = l.ask().value().doubleValue();
                double sBid = s.bid().value().doubleValue();
                double closeNow = q * ((lAsk - longIn) + (shortIn - sBid))
                        + funding
                        - t.fees().doubleValue()
                        - q * (lAsk + sBid) * MAKER_BPS / 10_000;
                if (Double.isNaN(firstReferenceTrigger[0]) && reference >= 0.9 * t.projectedProfit()) {
                    firstReferenceTrigger[0] = reference;
                    firstReferenceTrigger[1] = closeNow;
                }
            }
        });
        Harness h = harness[0];

        TradeRecord t = h.strategy.trades().get(0);
        assertThat(t.id()).isEqualTo("T00001");
        assertThat(t.projectedProfit()).isPositive();
        // both entries filled as limits: maker fees only, the projection's own assumption
        assertThat(t.orders())
                .filteredOn(o -> o.purpose().equals("entry"))
                .hasSize(2)
                .allMatch(o -> o.status().equals("FILLED"));
        // the reference rule would have exited while closing would have lost money
        assertThat(firstReferenceTrigger[0])
                .as("fee-free P&L at the mids reached 90 %")
                .isNotNaN();
        assertThat(firstReferenceTrigger[1])
                .as("closing then would have realised")
                .isNegative();
        // ... but closing at once was not worse than the loss limit either: the trade was held
        assertThat(firstReferenceTrigger[1]).isGreaterThan(-0.3 * t.projectedProfit());

        assertThat(t.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(t.exitReason()).isEqualTo("profit_target");
        assertThat(t.orders())
                .filteredOn(o -> o.purpose().equals("exit"))
                .hasSize(2)
                .allMatch(o -> o.status().equals("FILLED"));
        assertThat(t.legOuts()).isEmpty();
        // the exit decision's value is what the close realised, and it is the target net of every fee
        assertThat(t.unrealizedPnl()).isGreaterThanOrEqualTo(0.9 * t.projectedProfit());
        assertThat(t.actualProfit().doubleValue()).isCloseTo(t.unrealizedPnl(), within(1e-6));
        assertThat(t.actualProfit()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(t.actualProfit().doubleValue()).isGreaterThanOrEqualTo(0.9 * t.projectedProfit() - 1e-6);
        assertThat(h.strategy.portfolio().cumulativePnl()).isGreaterThanOrEqualTo(t.actualProfit());
    }

    @Test
    void theLossLimitCountsTheFeesAlreadyPaidAndTheExitsStillToPay() {
        // the same books with Binance's premium held: closing at once loses the fees the books' spreads
        // do not cover; at 4.5 bps maker fees that is more than 30 % of the projection, so it is a loss limit
        LongPredicate always = t -> true;
        List<VenueProfile> venues =
                List.of(ScriptedMarket.profile("paradex", 20, 4.5, 6), ScriptedMarket.profile("binance", 20, 4.5, 6));
        ScriptedMarket script = new ScriptedMarket(List.of(
                new ScriptedMarket.Venue("paradex", 8, t -> 10_000, 3.6, 2, 5, t -> -0.0001, always, always, 0.5),
                new ScriptedMarket.Venue("binance", 8, t -> 10_030, 3.6, 2, 5, t -> 0.00005, always, always, 0.5)));
        ArbitrageSettings d = ArbitrageSettings.defaults(7);
        Harness h = new Harness(
                        script,
                        venues,
                        d.withThresholds(0, d.minSpreadBps(), d.minFundingDelta8h(), d.minDepthUsd()),
                        null)
                .run(Duration.ofSeconds(4));

        TradeRecord t = h.strategy.closedTrades().get(0);
        assertThat(t.exitReason()).isEqualTo("loss_limit");
        assertThat(t.unrealizedPnl()).isLessThanOrEqualTo(-0.3 * t.projectedProfit());
        // the fee-free mark at the mids would have called this trade a winner
        double q = t.quantity().doubleValue();
        double atMids = q
                * ((10_000 - t.entryLongPrice().doubleValue())
                        + (t.entryShortPrice().doubleValue() - 10_030));
        assertThat(atMids).isPositive();
        assertThat(t.actualProfit().doubleValue()).isCloseTo(t.unrealizedPnl(), within(1e-6));
    }

    private static double mid(Quote q) {
        return (q.bid().value().doubleValue() + q.ask().value().doubleValue()) / 2;
    }

    /** Passes a feed through and keeps each venue's last quote, as the strategy saw it. */
    private static final class LastQuotes implements MarketDataFeed {
        private final MarketDataFeed inner;
        final Map<String, Quote> last = new HashMap<>();

        LastQuotes(MarketDataFeed inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public List<Instrument> instruments() {
            return inner.instruments();
        }

        @Override
        public void start(EventLoop loop, MarketDataSink sink) {
            inner.start(loop, new MarketDataSink() {
                @Override
                public void onQuote(Quote quote) {
                    last.put(quote.instrumentId().venue(), quote);
                    sink.onQuote(quote);
                }

                @Override
                public void onTrade(TradePrint trade) {
                    sink.onTrade(trade);
                }

                @Override
                public void onBook(BookSnapshot book) {
                    sink.onBook(book);
                }

                @Override
                public void onMarkPrice(MarkPrice mark) {
                    sink.onMarkPrice(mark);
                }

                @Override
                public void onFundingRate(FundingRate funding) {
                    sink.onFundingRate(funding);
                }

                @Override
                public void onOpenInterest(OpenInterest openInterest) {
                    sink.onOpenInterest(openInterest);
                }
            });
        }

        @Override
        public void stop() {
            inner.stop();
        }
    }
}
