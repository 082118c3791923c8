package dev.paperdesk.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.market.history.replay.BarReplayFeed.ReplaySeries;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A strategy that reads a longer timeframe than its data's (macd-momentum's 4h trend on 1h bars) gets
 * that timeframe's bars built from the data, as the live market builds them from its trades: before,
 * a backtest from one file never delivered them and the template never traded.
 */
class LongerTimeframesTest {
    static final InstrumentId ACME = new InstrumentId("ACME", "hist");
    static final Instrument EQUITY = BacktestData.csvInstrument(ACME);
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static Bar hour(int h, String o, String hi, String lo, String c, int volume) {
        return new Bar(
                ACME,
                Timeframe.H1,
                T0.plusSeconds(3600L * h),
                new BigDecimal(o),
                new BigDecimal(hi),
                new BigDecimal(lo),
                new BigDecimal(c),
                BigDecimal.valueOf(volume));
    }

    @Test
    void barsOfALongerTimeframeAreThePeriodsOpenHighLowCloseAndVolume() {
        List<Bar> hours = List.of(
                hour(0, "10", "12", "9", "11", 100),
                hour(1, "11", "13", "10", "12", 200),
                hour(2, "12", "12.5", "8", "9", 300),
                hour(3, "9", "10", "8.5", "9.5", 400),
                // a gap (hours 4 and 5 missing): the period 04:00-08:00 has the bars it has
                hour(6, "20", "21", "19", "20.5", 10),
                hour(7, "20.5", "22", "20", "21", 20),
                // 08:00-12:00 would end after the data (09:00): not complete, left out
                hour(8, "21", "23", "20", "22", 30));
        List<Bar> fours = BacktestData.aggregate(hours, Timeframe.H4, T0.plusSeconds(9 * 3600));
        assertThat(fours)
                .extracting(b -> b.openTime() + " " + b.open() + " " + b.high() + " " + b.low() + " " + b.close() + " "
                        + b.volume())
                .containsExactly("2024-01-01T00:00:00Z 10 13 8 9.5 1000", "2024-01-01T04:00:00Z 20 22 19 21 30");
        assertThat(fours).allSatisfy(b -> assertThat(b.timeframe()).isEqualTo(Timeframe.H4));
    }

    @Test
    void dataWithTheTimeframeAlreadyOrOnlyShorterOnesAskedForIsLeftAsItIs() {
        BacktestData data = BacktestData.ofBars(EQUITY, GeneratedBars.wave(ACME, Timeframe.H1, 48, 3));
        assertThat(data.withTimeframes(Set.of(Timeframe.H1, Timeframe.M15))).isSameAs(data);
        BacktestData with = data.withTimeframes(Set.of(Timeframe.H1, Timeframe.H4, Timeframe.D1));
        assertThat(with.series())
                .extracting(s -> s.timeframe())
                .containsExactly(Timeframe.H1, Timeframe.H4, Timeframe.D1);
        assertThat(with.barCount()).isEqualTo(48 + 12 + 2);
        // the data's own store is not touched (runs of an optimization share it)
        assertThat(data.store().series()).hasSize(1);
    }

    @Test
    void macdMomentumOnHourlyBarsTradesAsWithItsFourHourSeriesGiven() {
        List<Bar> hours = GeneratedBars.wave(ACME, Timeframe.H1, 24 * 90, 11);
        StrategyDefinition def = StrategySource.load(
                "builtin:macd-momentum", StrategySource.text("builtin:macd-momentum"), List.of(ACME), Timeframe.H1);

        List<BacktestProgress> progress = new java.util.ArrayList<>();
        BacktestResult built = Backtester.run(
                BacktestConfig.of("builtin:macd-momentum", def, BacktestData.ofBars(EQUITY, hours)),
                progress::add,
                dev.paperdesk.engine.montecarlo.CancellationToken.none());

        MemoryBarStore store = new MemoryBarStore();
        store.insert(new BarStore.SeriesKey(ACME, Timeframe.H1), hours, BarStore.WriteMode.REPLACE);
        store.insert(
                new BarStore.SeriesKey(ACME, Timeframe.H4),
                BacktestData.aggregate(
                        hours,
                        Timeframe.H4,
                        hours.get(hours.size() - 1).openTime().plusSeconds(3600)),
                BarStore.WriteMode.REPLACE);
        BacktestData given = BacktestData.all(
                store, List.of(new ReplaySeries(EQUITY, Timeframe.H1), new ReplaySeries(EQUITY, Timeframe.H4)));
        BacktestResult stored = Backtester.run(BacktestConfig.of("builtin:macd-momentum", def, given));

        assertThat(built.trades()).isNotEmpty();
        assertThat(built.warnings()).isEmpty();
        assertThat(built.fills()).isEqualTo(stored.fills());
        assertThat(built.trades()).isEqualTo(stored.trades());
        // the built bars reach the strategy only: the run counts and samples the data's own bars
        assertThat(built.timing().bars()).isEqualTo(hours.size());
        assertThat(built.equity().size()).isEqualTo(hours.size());
        BacktestProgress last = progress.get(progress.size() - 1);
        assertThat(last.barsDone()).isEqualTo(hours.size());
        assertThat(last.barsTotal()).isEqualTo(hours.size());
    }
}
