package dev.paperdesk.engine.strategy.rules;

import static dev.paperdesk.engine.strategy.TestBars.BTC;
import static dev.paperdesk.engine.strategy.TestBars.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.strategy.BarReplayContext;
import dev.paperdesk.engine.strategy.TestBars;
import dev.paperdesk.engine.strategy.api.ExitLevel;
import dev.paperdesk.engine.strategy.api.Offset;
import dev.paperdesk.engine.strategy.api.Strategy;
import dev.paperdesk.engine.strategy.api.StrategyOrder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule strategies run end to end through the test context: actions, sizing, exits and limits. */
class RuleStrategyTest {
    private static final BigDecimal CASH = new BigDecimal("10000");

    private static Strategy strategy(String header, String rules) {
        String yaml =
                """
                name: t
                instruments: [BTC-USDT@sim]
                timeframe: 1h
                %s
                rules:
                %s
                """
                        .formatted(header.strip(), rules.indent(2).stripTrailing());
        return RuleStrategyLoader.load("t.yaml", yaml).orThrow().build(Map.of()).orThrow();
    }

    private static BarReplayContext run(Strategy s, List<Bar> bars) {
        return new BarReplayContext(CASH).run(s, bars);
    }

    private static List<Bar> flat(int n, double price) {
        double[] closes = new double[n];
        java.util.Arrays.fill(closes, price);
        return TestBars.fromCloses(BTC, Timeframe.H1, closes);
    }

    private static final String IN_AND_OUT =
            """
            - name: out
              when: {position: long}
              then: {action: close}
            - name: in
              when: {position: flat}
              then: {action: buy, size: {quantity: 1}}
            """;

    @Test
    void positionAwareRulesAlternateEntriesAndExits() {
        BarReplayContext c = run(strategy("", IN_AND_OUT), flat(6, 50));
        // Buy on bar 0, filled at bar 1's open, closed on bar 1, flat again at bar 2's open, ...
        assertThat(c.orderLog())
                .containsExactly(
                        "2024-01-01T01:00:00Z MARKET BUY 1 [in]",
                        "2024-01-01T02:00:00Z MARKET SELL 1 reduce-only [out]",
                        "2024-01-01T03:00:00Z MARKET BUY 1 [in]",
                        "2024-01-01T04:00:00Z MARKET SELL 1 reduce-only [out]",
                        "2024-01-01T05:00:00Z MARKET BUY 1 [in]",
                        "2024-01-01T06:00:00Z MARKET SELL 1 reduce-only [out]");
    }

    @Test
    void cooldownSkipsEntriesForThatManyBarsAfterAnExit() {
        BarReplayContext c = run(strategy("cooldown: 2", IN_AND_OUT), flat(10, 50));
        // The exit fills at bar 2's open: bars 2 and 3 are blocked, bar 4 may enter again.
        assertThat(c.orderLog())
                .containsExactly(
                        "2024-01-01T01:00:00Z MARKET BUY 1 [in]",
                        "2024-01-01T02:00:00Z MARKET SELL 1 reduce-only [out]",
                        "2024-01-01T05:00:00Z MARKET BUY 1 [in]",
                        "2024-01-01T06:00:00Z MARKET SELL 1 reduce-only [out]",
                        "2024-01-01T09:00:00Z MARKET BUY 1 [in]",
                        "2024-01-01T10:00:00Z MARKET SELL 1 reduce-only [out]");
    }

    @ParameterizedTest(name = "max_positions {0} -> {1} instruments entered")
    @CsvSource({"1, 1", "2, 2"})
    void maxPositionsCapsTheInstrumentsHeldAtOnce(int max, int expected) {
        String yaml =
                """
                name: t
                instruments: [BTC-USDT@sim, ETH-USDT@sim]
                timeframe: 1h
                max_positions: %d
                rules:
                  - name: in
                    when: {position: flat}
                    then: {action: buy, size: {quantity: 1}}
                """
                        .formatted(max);
        Strategy s = RuleStrategyLoader.load("t.yaml", yaml)
                .orThrow()
                .build(Map.of())
                .orThrow();
        List<Bar> btc = flat(4, 50);
        List<Bar> eth = TestBars.fromCloses(ETH, Timeframe.H1, 20, 20, 20, 20);
        List<Bar> both = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            both.add(btc.get(i));
            both.add(eth.get(i));
        }
        BarReplayContext c = run(s, both);
        assertThat(c.submissions().stream().map(x -> x.order().instrumentId()).distinct())
                .hasSize(expected);
        // Never more than one entry per instrument: no pyramiding.
        assertThat(c.submissions()).hasSize(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{quantity: 3.7}                       | 3",
                "{quantity: 3.7, step: 0.5}            | 3.5",
                "{quantity: 0}                         | 200", // all cash: 10000 / 50
                "{amount: 1234, step: 0.1}             | 24.6", // 24.68 rounded down
                "{equity_pct: 10}                      | 20",
                "{cash_pct: 50}                        | 100",
                "{equity_pct: 10, step: 7}             | 14"
            })
    void sizingModes(String size, String expected) {
        Strategy s = strategy(
                "",
                """
                - name: in
                  when: {position: flat}
                  then: {action: buy, size: %s}
                """
                        .formatted(size));
        BarReplayContext c = run(s, flat(1, 50));
        assertThat(c.submissions())
                .singleElement()
                .satisfies(x -> assertThat(x.order().quantity().value()).isEqualByComparingTo(expected));
    }

    @Test
    void entriesCarryTheirTimeInForce() {
        Strategy s = strategy(
                "",
                """
                - name: in
                  when: {position: flat}
                  then:
                    action: buy
                    order: limit
                    limit_price: close
                    time_in_force: day
                    size: {quantity: 1}
                """);
        BarReplayContext c = run(s, flat(1, 50));
        assertThat(c.submissions()).singleElement().satisfies(sub -> assertThat(
                        ((StrategyOrder.Limit) sub.order()).timeInForce())
                .isEqualTo(dev.paperdesk.engine.model.TimeInForce.DAY));
        Strategy fok = strategy(
                "",
                """
                - name: in
                  when: {position: flat}
                  then:
                    action: buy
                    time_in_force: fok
                    size: {quantity: 1}
                """);
        assertThat(run(fok, flat(1, 50)).submissions()).singleElement().satisfies(sub -> assertThat(
                        ((StrategyOrder.Market) sub.order()).timeInForce())
                .isEqualTo(dev.paperdesk.engine.model.TimeInForce.FOK));
    }

    @Test
    void riskSizingWithAPercentStop() {
        Strategy s = strategy(
                "",
                """
                - name: in
                  when: {position: flat}
                  then:
                    action: buy
                    size: {risk_pct: 1}
                    stop_loss: {pct: 2}
                """);
        BarReplayContext c = run(s, flat(1, 50));
        // Risk 1 % of 10000 = 100; the stop is 2 % of 50 = 1 away: 100 units.
        StrategyOrder.Bracket b = (StrategyOrder.Bracket) c.submissions().get(0).order();
        assertThat(b.quantity().value()).isEqualByComparingTo("100");
        assertThat(b.stopLoss()).isEqualTo(new ExitLevel.FromEntry(new Offset.Percent(new BigDecimal("2"))));
        assertThat(b.takeProfit()).isNull();
        assertThat(b.trailingStop()).isNull();
    }

    @Test
    void atrExitsWaitForTheAtrAndSizeAgainstIt() {
        Strategy s = strategy(
                "",
                """
                - name: in
                  when: {position: flat}
                  then:
                    action: buy
                    size: {risk_pct: 1}
                    stop_loss: {atr: 2, atr_period: 3}
                    take_profit: {price: 1.5}
                    trailing_stop: {atr: 3, atr_period: 3}
                """);
        // Flat closes at 50 with a range of 1 (±0.5): every true range is 1, so ATR(3) = 1 from bar 3.
        BarReplayContext c = run(s, flat(5, 50));
        assertThat(c.logs()).filteredOn(l -> l.contains("ATR")).hasSize(3);
        assertThat(c.submissions()).hasSize(1);
        BarReplayContext.Submission sub = c.submissions().get(0);
        assertThat(sub.time()).isEqualTo(TestBars.START.plusSeconds(4 * 3600));
        StrategyOrder.Bracket b = (StrategyOrder.Bracket) sub.order();
        // Risk 100 over a stop 2 ATR = 2 away: 50 units.
        assertThat(b.quantity().value()).isEqualByComparingTo("50");
        assertThat(((Offset.Points) ((ExitLevel.FromEntry) b.stopLoss()).offset()).points())
                .isEqualByComparingTo("2");
        assertThat(((Offset.Points) ((ExitLevel.FromEntry) b.takeProfit()).offset()).points())
                .isEqualByComparingTo("1.5");
        assertThat(((Offset.Points) b.trailingStop()).points()).isEqualByComparingTo("3");
    }

    @Test
    void aPercentStopLossExitsTheTradeAtTheStop() {
        Strategy s = strategy(
                "",
                """
                - name: in
                  when: {position: flat}
                  then:
                    action: buy
                    size: {quantity: 1}
                    stop_loss: {pct: 2}
                    take_profit: {pct: 10}
                """);
        List<Bar> bars = new ArrayList<>(flat(2, 50));
        // Entry fills at bar 1's open (50): stop 49, take-profit 55. Bar 2 dips to 48.
        bars.add(TestBars.bar(BTC, Timeframe.H1, 2, 50, 50.5, 48, 48.5, 100));
        BarReplayContext c = new BarReplayContext(CASH);
        c.start(s);
        bars.forEach(c::feed);
        assertThat(c.fills()).extracting(f -> f.side() + " " + f.price()).containsExactly("BUY 50", "SELL 49");
        assertThat(c.position(BTC).isFlat()).isTrue();
        // The take-profit was cancelled with the stop's fill (one-cancels-others); the only working
        // order is the new entry placed on bar 2's close, flat again.
        assertThat(c.workingOrders()).singleElement().isInstanceOf(StrategyOrder.Bracket.class);
        assertThat(c.cancellations()).hasSize(1);
    }

    @Test
    void aTrailingStopFollowsTheHigh() {
        Strategy s = strategy(
                "",
                """
                - name: in
                  when: {position: flat}
                  then:
                    action: buy
                    size: {quantity: 1}
                    trailing_stop: {price: 2}
                """);
        List<Bar> bars = new ArrayList<>(flat(2, 50));
        bars.add(TestBars.bar(BTC, Timeframe.H1, 2, 50, 56, 49.5, 55, 100)); // peak 56 -> stop 54
        bars.add(TestBars.bar(BTC, Timeframe.H1, 3, 55, 55.5, 53, 53.5, 100)); // low 53 <= 54
        BarReplayContext c = new BarReplayContext(CASH);
        c.start(s);
        bars.forEach(c::feed);
        assertThat(c.fills()).extracting(f -> f.side() + " " + f.price()).containsExactly("BUY 50", "SELL 54");
    }

    @Test
    void limitEntriesAreRoundedToTheTickAndCancelledAfterValidBars() {
        Strategy s = strategy(
                "",
                """
                - name: in
                  when: {position: flat}
                  then:
                    action: buy
                    order: limit
                    limit_price: "close * 0.9876"
                    valid_bars: 2
                    size: {quantity: 1}
                """);
        BarReplayContext c = new BarReplayContext(CASH)
                .withInstrument(new Instrument.CryptoSpot(
                        BTC, Currency.BTC, Currency.USDT, new BigDecimal("0.05"), new BigDecimal("0.001")));
        c.run(s, flat(6, 50));
        // 50 * 0.9876 = 49.38, rounded down to the 0.05 tick. Never reached (lows are 49.5): the
        // order works through bars 1 and 2, is cancelled on bar 2's close and a new one goes in.
        assertThat(c.orderLog())
                .containsExactly(
                        "2024-01-01T01:00:00Z LIMIT BUY 1 limit 49.35 [in]",
                        "2024-01-01T03:00:00Z LIMIT BUY 1 limit 49.35 [in]",
                        "2024-01-01T05:00:00Z LIMIT BUY 1 limit 49.35 [in]");
        assertThat(c.cancellations()).hasSize(2);
        assertThat(c.fills()).isEmpty();
    }

    @Test
    void reverseClosesAndOpensTheOtherWay() {
        Strategy s = strategy(
                "",
                """
                - name: flip
                  when: {position: open}
                  then: {action: reverse, size: {quantity: 2}}
                - name: in
                  when: {position: flat}
                  then: {action: buy, size: {quantity: 1}}
                """);
        BarReplayContext c = run(s, flat(4, 50));
        assertThat(c.orderLog())
                .containsExactly(
                        "2024-01-01T01:00:00Z MARKET BUY 1 [in]",
                        "2024-01-01T02:00:00Z MARKET SELL 1 reduce-only [flip]",
                        "2024-01-01T02:00:00Z MARKET SELL 2 [flip]",
                        "2024-01-01T03:00:00Z MARKET BUY 2 reduce-only [flip]",
                        "2024-01-01T03:00:00Z MARKET BUY 2 [flip]",
                        "2024-01-01T04:00:00Z MARKET SELL 2 reduce-only [flip]",
                        "2024-01-01T04:00:00Z MARKET SELL 2 [flip]");
        // Long 1, then short 2 (bar 2), then long 2 (bar 3); the last flip is not filled yet.
        assertThat(c.fills())
                .extracting(f -> f.side() + " " + f.quantity())
                .containsExactly("BUY 1", "SELL 1", "SELL 2", "BUY 2", "BUY 2");
        assertThat(c.position(BTC).quantity()).isEqualByComparingTo("2");
    }

    @Test
    void noOrdersWhileWarmingUpButIndicatorsAreFed() {
        Strategy s = strategy(
                "indicators: {avg: sma:3}",
                """
                - name: in
                  when: {above: [close, avg]}
                  then: {action: buy, size: {quantity: 1}}
                """);
        BarReplayContext c = new BarReplayContext(CASH);
        c.start(s);
        List<Bar> bars = TestBars.fromCloses(BTC, Timeframe.H1, 10, 10, 10, 12);
        c.warmUp(bars.subList(0, 3));
        assertThat(c.submissions()).isEmpty();
        c.feed(bars.get(3));
        // SMA(3) is already defined on the first live bar thanks to the warm-up: 12 > 10.67.
        assertThat(c.orderLog()).containsExactly("2024-01-01T04:00:00Z MARKET BUY 1 [in]");
    }

    @Test
    void indicatorsOnALongerTimeframeReadItsLastCompletedBar() {
        Strategy s = strategy(
                "indicators: {trend: {spec: \"sma:2\", timeframe: 4h}}",
                """
                - name: in
                  when: {above: [close, trend]}
                  then: {action: buy, size: {quantity: 1}}
                """);
        double[] closes = {10, 10, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11};
        List<Bar> bars = TestBars.withHigherTimeframe(TestBars.fromCloses(BTC, Timeframe.H1, closes), Timeframe.H4);
        BarReplayContext c = new BarReplayContext(CASH).fillOn(Timeframe.H1).run(s, bars);
        // The 4h SMA(2) is defined from the second 4h bar (closing 08:00): 10. Close 11 > 10 at 09:00.
        assertThat(c.orderLog()).containsExactly("2024-01-01T09:00:00Z MARKET BUY 1 [in]");
        assertThat(c.subscriptions()).contains("bars BTC-USDT@sim 1h", "bars BTC-USDT@sim 4h");
    }

    @Test
    void volumeCanFeedASingleInputIndicator() {
        Strategy s = strategy(
                "indicators: {vol_avg: {spec: \"sma:2\", source: volume}}",
                """
                - name: in
                  when: {above: [volume, "vol_avg[1] * 1.5"]}
                  then: {action: buy, size: {quantity: 1}}
                """);
        List<Bar> bars = List.of(
                TestBars.bar(BTC, Timeframe.H1, 0, 10, 11, 9, 10, 100),
                TestBars.bar(BTC, Timeframe.H1, 1, 10, 11, 9, 10, 100),
                TestBars.bar(BTC, Timeframe.H1, 2, 10, 11, 9, 10, 140), // 140 < 150
                TestBars.bar(BTC, Timeframe.H1, 3, 10, 11, 9, 10, 200)); // avg of 100,140 = 120: 200 > 180
        BarReplayContext c = run(s, bars);
        assertThat(c.orderLog()).containsExactly("2024-01-01T04:00:00Z MARKET BUY 1 [in]");
    }
}
