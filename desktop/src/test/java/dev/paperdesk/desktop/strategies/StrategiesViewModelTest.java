package dev.paperdesk.desktop.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.strategy.runner.StrategyRunner;
import dev.paperdesk.engine.strategy.runner.StrategyState;
import dev.paperdesk.engine.strategy.runner.StrategyStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StrategiesViewModelTest {
    private TradingSession session;
    private StrategyRunner runner;
    private StrategiesViewModel vm;

    @BeforeEach
    void open() {
        runner = new StrategyRunner();
        session = TradingSession.open(SessionConfig.simulated(null, Instant.parse("2025-03-03T00:00:00Z"), 3)
                .withFeed(runner.wrap(SimulatedMarket.defaultMarket(3, List.of("BTC-USDT@binance")))));
        vm = new StrategiesViewModel(
                session, runner, UiExecutor.DIRECT, StrategiesViewModel.ValidationScheduler.immediate());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void anEmptyEditorIsNotValid() {
        assertThat(vm.sourceProperty().get()).isEmpty();
        assertThat(vm.problems()).containsExactly("editor: the editor is empty: clone a template or write a strategy");
        assertThat(vm.start()).isEqualTo(-1);
    }

    @Test
    void clonedTemplateIsValidAndEditsAreCheckedLive() {
        vm.cloneTemplate();
        assertThat(vm.sourceProperty().get()).contains("name: sma-cross-copy");
        assertThat(vm.problems()).isEmpty();

        vm.sourceProperty().set(vm.sourceProperty().get().replace("timeframe: 1h", "timefram: 1h"));
        assertThat(vm.problems())
                .anySatisfy(p -> assertThat(p).startsWith("editor:").contains("unknown field 'timefram'"));
        assertThat(vm.start()).isEqualTo(-1);
        assertThat(vm.messageProperty().get()).isEqualTo("fix the problems first");
    }

    @Test
    void startsPausesAndStopsAStrategyOnTheLiveMarket() {
        vm.cloneTemplate();
        vm.sourceProperty()
                .set(vm.sourceProperty()
                        .get()
                        .replace("instruments: [BTC-USDT@sim]", "instruments: [BTC-USDT@binance]")
                        .replace("timeframe: 1h", "timeframe: 1m"));
        assertThat(vm.problems()).isEmpty();
        long id = vm.start();
        assertThat(id).isPositive();
        session.advance(Duration.ofMinutes(40));
        vm.refresh();
        StrategyStatus s = vm.statuses().get(0);
        assertThat(s.name()).isEqualTo("sma-cross-copy");
        assertThat(s.state()).isEqualTo(StrategyState.RUNNING);
        assertThat(session.portfolio(s.portfolio()).orElseThrow().name()).isEqualTo("strategy sma-cross-copy");

        vm.pause(s);
        session.advance(Duration.ofSeconds(1));
        vm.refresh();
        assertThat(vm.statuses().get(0).state()).isEqualTo(StrategyState.PAUSED);
        vm.stop(vm.statuses().get(0));
        session.advance(Duration.ofSeconds(1));
        vm.refresh();
        assertThat(vm.statuses().get(0).state()).isEqualTo(StrategyState.STOPPED);
    }

    @Test
    void theSelectedStrategysLogSaysWhyARuleNeverActedWhenItStops() {
        vm.sourceProperty()
                .set(
                        """
                        name: moonshot
                        instruments: [BTC-USDT@binance]
                        timeframe: 1m
                        rules:
                          - name: at-a-billion
                            when: {above: [close, 1000000000]}
                            then: {action: buy, size: {quantity: 1}}
                        """);
        assertThat(vm.problems()).isEmpty();
        long id = vm.start();
        session.advance(Duration.ofMinutes(30));
        vm.refresh();
        StrategyStatus s = vm.statuses().get(0);
        assertThat(s.id()).isEqualTo(id);
        vm.showLog(s);
        assertThat(vm.log()).isEmpty();

        vm.stop(s);
        session.advance(Duration.ofSeconds(1));
        vm.refresh();
        assertThat(vm.log())
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches(".* WARN rule 'at-a-billion' never acted: on the \\d+ 1m bars it could act on, its"
                        + " condition 'above' \\(line 6\\) never held");
        vm.showLog(null);
        assertThat(vm.log()).isEmpty();
    }

    @Test
    void aClonedTemplateTradesTheLiveMarketsListingAndAnUnlistedInstrumentIsRefused() {
        vm.cloneTemplate();
        assertThat(vm.sourceProperty().get())
                .contains("instruments: [BTC-USDT@binance]")
                .doesNotContain("@sim");
        assertThat(vm.problems()).isEmpty();

        vm.sourceProperty().set(vm.sourceProperty().get().replace("BTC-USDT@binance", "BTC-USDT@sim"));
        assertThat(vm.problems()).isEmpty(); // a valid file: the market is what refuses it
        assertThat(vm.start()).isEqualTo(-1);
        assertThat(vm.messageProperty().get())
                .isEqualTo("instruments: BTC-USDT@sim is not listed on the live market, so no bar would ever"
                        + " reach the strategy; use BTC-USDT@binance");
        assertThat(vm.statuses()).isEmpty();
    }

    @Test
    void aStrategyStartedInAWorkspaceWarmsUpOnTheBarsTheLiveMarketStored(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        StrategyRunner own = new StrategyRunner();
        try (TradingSession stored = TradingSession.open(
                SessionConfig.simulated(dir.resolve("w.paperdesk"), Instant.parse("2025-03-03T00:00:00Z"), 3)
                        .withFeed(own.wrap(SimulatedMarket.defaultMarket(3, List.of("BTC-USDT@binance")))))) {
            // the market runs for 40 minutes before the strategy starts: its 1m bars are kept
            stored.advance(Duration.ofMinutes(40));
            StrategiesViewModel model = new StrategiesViewModel(
                    stored, own, UiExecutor.DIRECT, StrategiesViewModel.ValidationScheduler.immediate());
            model.sourceProperty()
                    .set(
                            """
                            name: warm
                            instruments: [BTC-USDT@binance]
                            timeframe: 1m
                            indicators:
                              slow: sma:30
                            rules:
                              - name: never
                                when: {above: [slow, 1000000000]}
                                then: {action: buy, size: {quantity: 1}}
                            """);
            long id = model.start();
            stored.advance(Duration.ofSeconds(61));
            model.refresh();
            model.showLog(model.statuses().stream()
                    .filter(s -> s.id() == id)
                    .findFirst()
                    .orElseThrow());
            assertThat(model.log()).anySatisfy(l -> assertThat(l)
                    .matches(".* INFO warmed up on (3\\d|40) 1m BTC-USDT@binance stored bars,"
                            + " up to 2025-03-03T00:[34]\\d:00Z"));
        }
    }
}
