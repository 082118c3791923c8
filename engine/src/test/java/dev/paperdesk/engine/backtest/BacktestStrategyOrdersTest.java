package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.history.replay.BarReplayFeed;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.strategy.api.Offset;
import dev.paperdesk.engine.strategy.api.OrderTerms;
import dev.paperdesk.engine.strategy.api.ParameterSpec;
import dev.paperdesk.engine.strategy.api.ParameterValues;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyContext;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.api.StrategyOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The strategy order types added for take-profits, trailing stop limits, OCO pairs and combos also
 * work in a backtest (the same runner and engine on a bar replay). Hand-written hourly bars; the
 * strategy sends its one order on the first bar's close, and resting orders follow each later bar's
 * intrabar path.
 */
class BacktestStrategyOrdersTest {
    static final InstrumentId ACME = new InstrumentId("ACME", "hist");
    static final InstrumentId BETA = new InstrumentId("BETA", "hist");
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    static final Quantity TEN = Quantity.of(10);

    /** open, high, low, close per hour: a rise to 103, a fall to 96, then quiet. */
    static final String[][] ACME_BARS = {
        {"100", "101", "99", "100"},
        {"100", "103", "99.5", "102"},
        {"102", "102.5", "96", "97"},
        {"97", "98", "95", "97.5"},
        {"97.5", "97.6", "97.4", "97.5"},
        {"97.5", "97.6", "97.4", "97.5"}
    };

    static List<Bar> bars(InstrumentId id, String[][] ohlc) {
        List<Bar> out = new ArrayList<>();
        for (int i = 0; i < ohlc.length; i++) {
            out.add(new Bar(
                    id,
                    Timeframe.H1,
                    T0.plusSeconds(3600L * i),
                    new BigDecimal(ohlc[i][0]),
                    new BigDecimal(ohlc[i][1]),
                    new BigDecimal(ohlc[i][2]),
                    new BigDecimal(ohlc[i][3]),
                    BigDecimal.valueOf(1000)));
        }
        return out;
    }

    static BacktestResult run(Supplier<StrategyOrder> order) {
        return run(order, 0);
    }

    /** Runs a strategy that sends {@code order} on the close of ACME's bar number {@code atBar}. */
    static BacktestResult run(Supplier<StrategyOrder> order, int atBar) {
        MemoryBarStore store = new MemoryBarStore();
        store.insert(new BarStore.SeriesKey(ACME, Timeframe.H1), bars(ACME, ACME_BARS), BarStore.WriteMode.REPLACE);
        String[][] flat = new String[ACME_BARS.length][];
        java.util.Arrays.fill(flat, new String[] {"50", "50.5", "49.5", "50"});
        store.insert(new BarStore.SeriesKey(BETA, Timeframe.H1), bars(BETA, flat), BarStore.WriteMode.REPLACE);
        BacktestData data = BacktestData.all(
                store,
                List.of(
                        new BarReplayFeed.ReplaySeries(BacktestData.csvInstrument(ACME), Timeframe.H1),
                        new BarReplayFeed.ReplaySeries(BacktestData.csvInstrument(BETA), Timeframe.H1)));
        return Backtester.run(BacktestConfig.of("test:one-order", new OneOrder(order, atBar), data));
    }

    /** A definition whose strategy sends {@code order} on ACME's bar number {@code atBar}. */
    record OneOrder(Supplier<StrategyOrder> order, int atBar) implements StrategyDefinition {
        @Override
        public String name() {
            return "one-order";
        }

        @Override
        public String description() {
            return "sends one order on the first bar";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public Build build(ParameterValues values) {
            return new Build.Built(
                    new Strategy() {
                        private StrategyContext ctx;
                        private int bars;

                        @Override
                        public String name() {
                            return "one-order";
                        }

                        @Override
                        public void onStart(StrategyContext context) {
                            ctx = context;
                            context.subscribeBars(ACME, Timeframe.H1);
                        }

                        @Override
                        public void onBar(Bar bar) {
                            if (bars++ == atBar) {
                                ctx.submit(order.get());
                            }
                        }
                    },
                    values);
        }
    }

    static List<String> fills(BacktestResult r) {
        return r.fills().stream()
                .map(f -> f.time() + " " + f.instrument() + " " + f.side() + " "
                        + f.quantity().stripTrailingZeros().toPlainString() + " @ "
                        + f.price().stripTrailingZeros().toPlainString())
                .toList();
    }

    @Test
    void takeProfit() {
        BacktestResult r = run(() ->
                new StrategyOrder.TakeProfit(ACME, Side.BUY, TEN, Price.of("98.00"), OrderTerms.GTC, false, "tp"));
        assertThat(r.rejections()).isEmpty();
        // the third bar's path (102, 102.5, 96) falls through the trigger: a market fill there
        assertThat(fills(r)).containsExactly("2024-01-01T02:00:00Z ACME@hist BUY 10 @ 98");
    }

    @Test
    void takeProfitLimit() {
        BacktestResult r = run(() -> new StrategyOrder.TakeProfitLimit(
                ACME, Side.BUY, TEN, Price.of("98.00"), Price.of("97.50"), OrderTerms.DAY, false, "tpl"));
        assertThat(r.rejections()).isEmpty();
        // triggered on the third bar, the limit works from the next bar, which opens below it at 97
        assertThat(fills(r)).containsExactly("2024-01-01T03:00:00Z ACME@hist BUY 10 @ 97");
    }

    @Test
    void trailingStopLimit() {
        BacktestResult r = run(() -> new StrategyOrder.TrailingStopLimit(
                ACME,
                Side.SELL,
                TEN,
                new Offset.Points(new BigDecimal("2.00")),
                Price.of("0.50"),
                OrderTerms.GTC,
                false,
                "tsl"));
        assertThat(r.rejections()).isEmpty();
        // the high of 103 lifts the stop to 101; the fall of the third bar triggers it there, and the
        // limit 0.50 below (100.50) takes the 101 the path offers at that point
        assertThat(fills(r)).containsExactly("2024-01-01T02:00:00Z ACME@hist SELL 10 @ 101");
    }

    @Test
    void ocoPair() {
        BacktestResult r = run(() -> new StrategyOrder.Oco(
                new StrategyOrder.Limit(ACME, Side.BUY, TEN, Price.of("96.50"), OrderTerms.GTC, false, "oco"),
                new StrategyOrder.Stop(ACME, Side.BUY, TEN, Price.of("102.50"), OrderTerms.GTC, false, "oco")));
        assertThat(r.rejections()).isEmpty();
        // the stop executes on the second bar's rise; the limit at 96.50, reached on the third bar,
        // was cancelled by then
        assertThat(fills(r)).containsExactly("2024-01-01T01:00:00Z ACME@hist BUY 10 @ 102.5");
    }

    @Test
    void combo() {
        BacktestResult r = run(
                () -> new StrategyOrder.Combo(
                        List.of(new StrategyOrder.Leg(ACME, Side.BUY, 1), new StrategyOrder.Leg(BETA, Side.SELL, 2)),
                        TEN,
                        null,
                        TimeInForce.GTC,
                        "pair"),
                1);
        assertThat(r.rejections()).isEmpty();
        // sent at the second bar's close (02:00), both legs trade at the opens of the bars of the
        // next period, together, stamped with those bars' open (02:00): ACME 102, BETA 50
        assertThat(fills(r))
                .containsExactlyInAnyOrder(
                        "2024-01-01T02:00:00Z ACME@hist BUY 10 @ 102", "2024-01-01T02:00:00Z BETA@hist SELL 20 @ 50");
    }

    @Test
    void comboWaitsForItsNetLimitAtTheOpens() {
        // net per unit at the next opens: 102 − 2 × 50 = 2 (above the 0 limit); one period later
        // 97 − 100 = −3: both legs trade then
        BacktestResult r = run(
                () -> new StrategyOrder.Combo(
                        List.of(new StrategyOrder.Leg(ACME, Side.BUY, 1), new StrategyOrder.Leg(BETA, Side.SELL, 2)),
                        TEN,
                        Price.of("0.00"),
                        TimeInForce.DAY,
                        "pair"),
                1);
        assertThat(r.rejections()).isEmpty();
        assertThat(fills(r))
                .containsExactlyInAnyOrder(
                        "2024-01-01T03:00:00Z ACME@hist BUY 10 @ 97", "2024-01-01T03:00:00Z BETA@hist SELL 20 @ 50");
    }

    @Test
    void aBracketsStopAndTrailingStopReachedInOneBarCloseThePositionOnce() {
        // long 10 from the second bar's open (100); its exits work from the third bar, whose path
        // (102, 102.5, 96) reaches first the trailing stop (3 % under 102.5, 99.42 on the tick) and then the
        // stop-loss (98): the first closes the position, the second has nothing left to reduce and
        // must not open a short
        BacktestResult r = run(() -> new StrategyOrder.Bracket(
                new StrategyOrder.Market(ACME, Side.BUY, TEN, false, "bracket"),
                null,
                new dev.paperdesk.engine.strategy.api.ExitLevel.FromEntry(new Offset.Percent(new BigDecimal("2"))),
                new Offset.Percent(new BigDecimal("3"))));
        assertThat(r.rejections()).isEmpty();
        assertThat(fills(r))
                .containsExactly(
                        "2024-01-01T01:00:00Z ACME@hist BUY 10 @ 100",
                        "2024-01-01T02:00:00Z ACME@hist SELL 10 @ 99.42");
        assertThat(r.trades()).hasSize(1);
        assertThat(r.trades().get(0).side()).isEqualTo("LONG");
    }

    @Test
    void aBracketsTrailingDistanceInPriceUnitsIsRoundedToTheTickNotRefused() {
        // a trailing distance of 2.4567 (an ATR multiple is any real number) trails on whole ticks:
        // 2.46 under the third bar's high of 102.5, so the stop sits at 100.04; without the rounding
        // the venue refuses the exit and the position stays open unprotected
        BacktestResult r = run(() -> new StrategyOrder.Bracket(
                new StrategyOrder.Market(ACME, Side.BUY, TEN, false, "bracket"),
                null,
                null,
                new Offset.Points(new BigDecimal("2.4567"))));
        assertThat(r.rejections()).isEmpty();
        assertThat(fills(r))
                .containsExactly(
                        "2024-01-01T01:00:00Z ACME@hist BUY 10 @ 100",
                        "2024-01-01T02:00:00Z ACME@hist SELL 10 @ 100.04");
    }

    @Test
    void aLongBracketsExitsRoundDownToTheTickTheStopAwayFromTheEntryTheTargetTowardsIt() {
        // entry 100: a take-profit 2.355 above is 102.355, on the tick 102.35 (not 102.36, which the
        // market might never reach); a stop 3.005 below is 96.995, on the tick 96.99 (never tighter)
        BacktestResult target = run(() -> new StrategyOrder.Bracket(
                new StrategyOrder.Market(ACME, Side.BUY, TEN, false, "bracket"),
                new dev.paperdesk.engine.strategy.api.ExitLevel.FromEntry(new Offset.Points(new BigDecimal("2.355"))),
                null,
                null));
        assertThat(fills(target))
                .containsExactly(
                        "2024-01-01T01:00:00Z ACME@hist BUY 10 @ 100",
                        "2024-01-01T02:00:00Z ACME@hist SELL 10 @ 102.35");
        BacktestResult stop = run(() -> new StrategyOrder.Bracket(
                new StrategyOrder.Market(ACME, Side.BUY, TEN, false, "bracket"),
                null,
                new dev.paperdesk.engine.strategy.api.ExitLevel.FromEntry(new Offset.Points(new BigDecimal("3.005"))),
                null));
        assertThat(fills(stop))
                .containsExactly(
                        "2024-01-01T01:00:00Z ACME@hist BUY 10 @ 100",
                        "2024-01-01T02:00:00Z ACME@hist SELL 10 @ 96.99");
    }
}
