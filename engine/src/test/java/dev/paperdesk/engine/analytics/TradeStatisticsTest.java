package dev.paperdesk.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.InstrumentId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeStatisticsTest {
    static final Instant T0 = Instant.parse("2024-05-06T00:00:00Z");
    static final InstrumentId BTC = InstrumentId.parse("BTC-USDT@binance");
    static final InstrumentId AAPL = InstrumentId.parse("AAPL@nasdaq");
    static final InstrumentId EURUSD = InstrumentId.parse("EUR/USD@fx");

    static ClosedTrade trade(
            InstrumentId id,
            AssetClass cls,
            String tag,
            int entryHour,
            int exitHour,
            double pnl,
            double ret,
            double fees) {
        return new ClosedTrade(
                id,
                cls,
                tag,
                T0.plus(Duration.ofHours(entryHour)),
                T0.plus(Duration.ofHours(exitHour)),
                1,
                pnl,
                ret,
                fees);
    }

    /** Listed out of order on purpose: statistics follow exit time. */
    static final List<ClosedTrade> TRADES = List.of(
            trade(EURUSD, AssetClass.FX, "breakout", 10, 11, -10, -0.001, 0),
            trade(BTC, AssetClass.CRYPTO_SPOT, "breakout", 0, 2, 100, 0.01, 2),
            trade(AAPL, AssetClass.EQUITY, "", 1, 3, 50, 0.005, 1),
            trade(BTC, AssetClass.CRYPTO_SPOT, "breakout", 5, 6, -30, -0.003, 1),
            trade(AAPL, AssetClass.EQUITY, null, 7, 8, 0, 0, 1),
            trade(EURUSD, AssetClass.FX, "breakout", 8, 10, -20, -0.002, 1));

    @Test
    void statistics_of_a_hand_computed_book() {
        TradeStatistics s = TradeStatistics.of(TRADES);
        assertThat(s.trades()).isEqualTo(6);
        assertThat(s.wins()).isEqualTo(2);
        assertThat(s.losses()).isEqualTo(3);
        assertThat(s.winRate()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.lossRate()).isCloseTo(0.5, within(1e-12));
        assertThat(s.grossProfit()).isEqualTo(150);
        assertThat(s.grossLoss()).isEqualTo(-60);
        assertThat(s.netPnl()).isEqualTo(90);
        assertThat(s.totalFees()).isEqualTo(6);
        assertThat(s.averageWin()).isEqualTo(75);
        assertThat(s.averageLoss()).isEqualTo(-20);
        assertThat(s.payoffRatio()).isEqualTo(3.75);
        assertThat(s.profitFactor()).isEqualTo(2.5);
        assertThat(s.expectancy()).isCloseTo(15, within(1e-12)).isCloseTo(s.netPnl() / s.trades(), within(1e-12));
        assertThat(s.averageReturn()).isCloseTo(0.0015, within(1e-15));
        assertThat(s.largestWin()).isEqualTo(100);
        assertThat(s.largestLoss()).isEqualTo(-30);
        // by exit: W W L 0 L L
        assertThat(s.longestWinningStreak()).isEqualTo(2);
        assertThat(s.longestLosingStreak()).isEqualTo(2);
        assertThat(s.averageHolding()).isEqualTo(Duration.ofMinutes(90));
        // open [0,3] + [5,6] + [7,11] = 8 of the 11 hours from first entry to last exit
        assertThat(s.exposure()).isCloseTo(8.0 / 11, within(1e-12));
    }

    @Test
    void exposure_over_a_run_counts_the_time_in_cash_around_the_trades() {
        // open [0,3] + [5,6] + [7,11]: 8 hours in a 20-hour run from -9 h to 11 h
        assertThat(TradeStatistics.exposure(TRADES, T0.minus(Duration.ofHours(9)), T0.plus(Duration.ofHours(11))))
                .isCloseTo(8.0 / 20, within(1e-12));
        // clipped to the window [2, 6]: [2,3] + [5,6]
        assertThat(TradeStatistics.exposure(TRADES, T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofHours(6))))
                .isCloseTo(0.5, within(1e-12));
        assertThat(TradeStatistics.exposure(List.of(), T0, T0.plus(Duration.ofHours(1))))
                .isZero();
        assertThat(TradeStatistics.exposure(TRADES, T0, T0)).isNaN();
    }

    @Test
    void degenerate_books() {
        TradeStatistics none = TradeStatistics.of(List.of());
        assertThat(none.trades()).isZero();
        assertThat(none.winRate()).isNaN();
        assertThat(none.profitFactor()).isNaN();
        assertThat(none.expectancy()).isNaN();
        assertThat(none.exposure()).isNaN();
        assertThat(none.averageHolding()).isEqualTo(Duration.ZERO);

        TradeStatistics winnersOnly = TradeStatistics.of(List.of(TRADES.get(1), TRADES.get(2)));
        assertThat(winnersOnly.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(winnersOnly.payoffRatio()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(winnersOnly.averageLoss()).isNaN();
        assertThat(winnersOnly.expectancy()).isEqualTo(75);

        TradeStatistics losersOnly = TradeStatistics.of(List.of(TRADES.get(0)));
        assertThat(losersOnly.profitFactor()).isZero();
        assertThat(losersOnly.largestWin()).isNaN();
    }

    @Test
    void attribution_by_instrument_asset_class_and_tag() {
        PnlAttribution a = PnlAttribution.of(TRADES);
        assertThat(a.totalPnl()).isEqualTo(90);
        assertThat(a.byInstrument())
                .extracting(PnlAttribution.Bucket::key)
                .containsExactly("BTC-USDT@binance", "AAPL@nasdaq", "EUR/USD@fx");
        PnlAttribution.Bucket btc = a.instrument(BTC).orElseThrow();
        assertThat(btc.pnl()).isEqualTo(70);
        assertThat(btc.trades()).isEqualTo(2);
        assertThat(btc.winRate()).isEqualTo(0.5);
        assertThat(btc.fees()).isEqualTo(3);
        assertThat(btc.share()).isCloseTo(70.0 / 90, within(1e-12));
        assertThat(a.assetClass(AssetClass.FX).orElseThrow().share()).isCloseTo(-30.0 / 90, within(1e-12));
        assertThat(a.byAssetClass().stream()
                        .mapToDouble(PnlAttribution.Bucket::share)
                        .sum())
                .isCloseTo(1.0, within(1e-12));
        assertThat(a.byTag())
                .extracting(PnlAttribution.Bucket::key)
                .containsExactly(PnlAttribution.UNTAGGED, "breakout");
        assertThat(a.tag("breakout").orElseThrow().pnl()).isEqualTo(40);
        assertThat(a.tag(PnlAttribution.UNTAGGED).orElseThrow().pnl()).isEqualTo(50);

        PnlAttribution flat = PnlAttribution.of(List.of(TRADES.get(4)));
        assertThat(flat.byTag().get(0).share()).isNaN();
    }

    @Test
    void trade_validation() {
        assertThatThrownBy(() -> trade(BTC, AssetClass.CRYPTO_SPOT, "", 5, 4, 1, 0, 0))
                .hasMessageContaining("before it enters");
        assertThatThrownBy(() -> trade(BTC, AssetClass.CRYPTO_SPOT, "", 1, 2, Double.NaN, 0, 0))
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> trade(BTC, AssetClass.CRYPTO_SPOT, "", 1, 2, 1, 0, -1))
                .hasMessageContaining("fees");
    }
}
