package dev.paperdesk.engine.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.sim.VenueProfile;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * Forced leg-outs on entry and on exit, and an unfilled harder leg, on a scripted two-venue market:
 * BTC-USDT-PERP at 10,000 on Paradex (cheap, the harder leg, long) and 10,020 on Binance (dear,
 * short), funding −0.02 % against +0.03 % per 8 h until the script makes it converge.
 */
class ArbitrageScenarioTest {
    private static final long SECOND = 1_000_000_000L;
    private static final List<VenueProfile> VENUES =
            List.of(ScriptedMarket.profile("paradex", 20, 1, 5), ScriptedMarket.profile("binance", 20, 1, 5));

    private static ScriptedMarket market(
            LongPredicate paradexSells,
            LongPredicate paradexBuys,
            LongPredicate binanceSells,
            LongPredicate binanceBuys,
            long convergeAtNanos) {
        return new ScriptedMarket(List.of(
                new ScriptedMarket.Venue(
                        "paradex", 8, t -> 10_000, 0.5, 2, 5, t -> -0.0002, paradexSells, paradexBuys, 0.5),
                new ScriptedMarket.Venue(
                        "binance",
                        8,
                        t -> 10_020,
                        0.5,
                        2,
                        5,
                        t -> t >= convergeAtNanos ? -0.0002 : 0.0003,
                        binanceSells,
                        binanceBuys,
                        0.5)));
    }

    private static ArbitrageSettings settings() {
        ArbitrageSettings d = ArbitrageSettings.defaults(7);
        return d.withThresholds(50, d.minSpreadBps(), d.minFundingDelta8h(), d.minDepthUsd());
    }

    private static Instant at(long nanos) {
        return Harness.START.plusNanos(nanos);
    }

    @Test
    void entryLegOutIsHedgedAtTheTimeoutLoggedCountedAndPaidOnce() {
        // Binance prints nothing until 1.7 s: the short limit (sent at 1.1 s) cannot fill and must be hedged.
        LongPredicate always = t -> true;
        LongPredicate later = t -> t >= 1_700_000_000L;
        Harness h = new Harness(market(always, always, later, later, 5 * SECOND), VENUES, settings(), null)
                .run(Duration.ofSeconds(8));

        List<TradeRecord> closed = h.strategy.closedTrades();
        assertThat(closed).hasSize(1);
        TradeRecord t = closed.get(0);
        assertThat(t.longVenue()).isEqualTo("paradex");
        assertThat(t.shortVenue()).isEqualTo("binance");
        // the hedge's slippage and taker fee cost more than 30 % of the projection: closing at the
        // first monitor (net of every fee) already sat below the loss limit, so the trade was cut there
        assertThat(t.exitReason()).isEqualTo("loss_limit");
        assertThat(t.unrealizedPnl()).isLessThanOrEqualTo(-0.3 * t.projectedProfit());
        assertThat(t.orders()).filteredOn(o -> o.purpose().equals("exit")).allMatch(o -> o.createdAt()
                .equals(at(2 * SECOND)));

        // paradex (a DEX) is the harder leg: its limit went first and filled on the first print after arriving
        OrderRecord hard = t.orders().get(0);
        assertThat(hard.venue()).isEqualTo("paradex");
        assertThat(hard.type()).isEqualTo("LIMIT");
        assertThat(hard.filledAt()).isEqualTo(at(1_100_000_000L));
        OrderRecord easy = t.orders().get(1);
        assertThat(easy.venue()).isEqualTo("binance");
        assertThat(easy.status()).isEqualTo("CANCELLED");
        OrderRecord hedge = t.orders().get(2);
        assertThat(hedge.purpose()).isEqualTo("entry_hedge");
        assertThat(hedge.type()).isEqualTo("MARKET");
        assertThat(hedge.side()).isEqualTo("SELL");
        assertThat(hedge.filledAt()).isEqualTo(hard.filledAt().plusMillis(500));
        // market sell at the bid less the size-over-depth slippage
        assertThat(hedge.slippageBps()).isBetween(2.0, 5.0);
        BigDecimal expectedHedge = hedge.price()
                .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(hedge.slippageBps())
                        .divide(new BigDecimal("10000"), 12, RoundingMode.HALF_EVEN)))
                .setScale(8, RoundingMode.HALF_EVEN);
        assertThat(hedge.fillPrice()).isEqualByComparingTo(expectedHedge);

        assertThat(t.legOuts()).hasSize(1);
        LegOutEvent e = t.legOuts().get(0);
        assertThat(e.phase()).isEqualTo("entry");
        assertThat(e.filledLeg()).isEqualTo("long");
        assertThat(e.unfilledLeg()).isEqualTo("short");
        assertThat(e.hedgeExecuted()).isTrue();
        assertThat(e.hedgePrice()).isEqualByComparingTo(hedge.fillPrice());
        // loss: the worse price than the missed limit, plus taker instead of maker fee
        BigDecimal q = t.quantity();
        BigDecimal plannedFee =
                easy.price().multiply(q).multiply(BigDecimal.ONE).divide(new BigDecimal("10000"));
        BigDecimal expectedLoss = easy.price()
                .subtract(hedge.fillPrice())
                .multiply(q)
                .add(hedge.fee())
                .subtract(plannedFee)
                .setScale(8, RoundingMode.HALF_EVEN);
        assertThat(e.loss()).isEqualByComparingTo(expectedLoss);
        assertThat(e.loss()).isPositive();

        assertThat(h.decisions)
                .filteredOn(d -> d.kind() == DecisionKind.LEG_OUT)
                .hasSize(1);
        assertThat(h.strategy.portfolio().legOutCount()).isEqualTo(1);
        assertThat(h.strategy.portfolio().legOutTotalLoss()).isEqualByComparingTo(e.loss());

        // exit was clean (both venues print from 1.7 s): both exit limits filled
        assertThat(t.orders()).filteredOn(o -> o.purpose().equals("exit")).allMatch(o -> o.status()
                .equals("FILLED"));
        assertProfitAndCapital(h, t);
    }

    @Test
    void exitLegOutIsHedgedAtTheTimeoutLoggedCountedAndPaidOnce() {
        // Both venues print until 5 s (clean entry); then Binance falls silent and funding converges.
        LongPredicate always = t -> true;
        LongPredicate beforeFive = t -> t < 5 * SECOND;
        Harness h = new Harness(market(always, always, beforeFive, beforeFive, 5 * SECOND), VENUES, settings(), null)
                .run(Duration.ofSeconds(8));

        TradeRecord t = h.strategy.closedTrades().get(0);
        assertThat(t.orders())
                .filteredOn(o -> o.purpose().equals("entry"))
                .hasSize(2)
                .allMatch(o -> o.status().equals("FILLED"));
        assertThat(t.exitReason()).isEqualTo("funding_convergence");
        OrderRecord longExit = t.orders().stream()
                .filter(o -> o.purpose().equals("exit") && o.leg().equals("long"))
                .findFirst()
                .orElseThrow();
        OrderRecord shortExitLimit = t.orders().stream()
                .filter(o -> o.purpose().equals("exit") && o.leg().equals("short"))
                .findFirst()
                .orElseThrow();
        OrderRecord shortHedge = t.orders().stream()
                .filter(o -> o.purpose().equals("exit_hedge"))
                .findFirst()
                .orElseThrow();
        assertThat(longExit.status()).isEqualTo("FILLED");
        assertThat(shortExitLimit.status()).isEqualTo("CANCELLED");
        assertThat(shortHedge.side()).isEqualTo("BUY");
        assertThat(shortHedge.type()).isEqualTo("MARKET");
        // the hedge fills exactly at the 500 ms timeout after the exit orders were sent
        assertThat(shortHedge.filledAt()).isEqualTo(shortExitLimit.createdAt().plusMillis(500));
        assertThat(Duration.between(longExit.filledAt(), shortHedge.filledAt()))
                .isLessThanOrEqualTo(Duration.ofMillis(500));

        assertThat(t.legOuts()).singleElement().satisfies(e -> {
            assertThat(e.phase()).isEqualTo("exit");
            assertThat(e.filledLeg()).isEqualTo("long");
            assertThat(e.unfilledLeg()).isEqualTo("short");
            assertThat(e.hedgePrice()).isEqualByComparingTo(shortHedge.fillPrice());
            assertThat(e.hedgePrice()).isGreaterThan(shortExitLimit.price());
        });
        assertThat(h.decisions)
                .filteredOn(d -> d.kind() == DecisionKind.LEG_OUT)
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("leg_out_exit"));
        assertThat(h.strategy.portfolio().legOutCount()).isEqualTo(1);
        assertProfitAndCapital(h, t);
    }

    @Test
    void anUnfilledHarderLegIsCancelledAndTheTradeRejectedWithItsCapitalBack() {
        LongPredicate never = t -> false;
        LongPredicate always = t -> true;
        Harness h = new Harness(market(never, never, always, always, Long.MAX_VALUE), VENUES, settings(), null)
                .run(Duration.ofMillis(1_700));

        assertThat(h.strategy.trades()).isEmpty();
        assertThat(h.strategy.rejectionsByReason().get("harder_leg_unfilled")).isEqualTo(1L);
        assertThat(h.decisions)
                .filteredOn(d -> d.reason().equals("harder_leg_unfilled"))
                .singleElement()
                .satisfies(d -> assertThat(d.time()).isEqualTo(at(1_500_000_000L)));
        assertThat(h.strategy.portfolio().available()).isEqualByComparingTo("20000");
        assertThat(h.strategy.portfolio().openExposure()).isZero();
        // the easier leg was never sent
        assertThat(h.strategy.portfolio().legOutCount()).isZero();
    }

    /** The realised profit is the fills, funding and fees, and it is all the capital gained. */
    private static void assertProfitAndCapital(Harness h, TradeRecord t) {
        // the spread's excursions while active: never negative, and the mids moved one way or the other
        assertThat(t.maxAdverseExcursion()).isNotNegative();
        assertThat(t.maxFavourableExcursion()).isNotNegative();
        assertThat(t.maxAdverseExcursion() + t.maxFavourableExcursion()).isPositive();
        BigDecimal q = t.quantity();
        BigDecimal longIn = filled(t, "long", true);
        BigDecimal longOut = filled(t, "long", false);
        BigDecimal shortIn = filled(t, "short", true);
        BigDecimal shortOut = filled(t, "short", false);
        BigDecimal fees = t.orders().stream().map(OrderRecord::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal expected = longOut.subtract(longIn)
                .multiply(q)
                .add(shortIn.subtract(shortOut).multiply(q))
                .add(t.fundingPnl())
                .subtract(fees)
                .setScale(8, RoundingMode.HALF_EVEN);
        assertThat(t.actualProfit()).isEqualByComparingTo(expected);
        ArbitragePortfolio p = h.strategy.portfolio();
        assertThat(p.cumulativePnl()).isEqualByComparingTo(t.actualProfit());
        assertThat(p.available()).isEqualByComparingTo(new BigDecimal("20000").add(t.actualProfit()));
        assertThat(p.openExposure()).isZero();
    }

    private static BigDecimal filled(TradeRecord t, String leg, boolean entry) {
        return t.orders().stream()
                .filter(o -> o.leg().equals(leg) && o.purpose().startsWith(entry ? "entry" : "exit"))
                .filter(o -> o.status().equals("FILLED"))
                .findFirst()
                .orElseThrow()
                .fillPrice();
    }
}
