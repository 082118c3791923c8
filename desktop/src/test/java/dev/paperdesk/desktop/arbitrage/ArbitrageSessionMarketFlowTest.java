package dev.paperdesk.desktop.arbitrage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.arbitrage.ArbitrageSettings;
import dev.paperdesk.engine.arbitrage.ArbitrageStrategy;
import dev.paperdesk.engine.arbitrage.Opportunity;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desk on the session's own market: the strategy installed on the session's feed before it
 * opened (as the application does) is picked with "Session market", started, and scans and decides
 * on the session's market as the session's clock advances, its decisions kept in the workspace.
 */
@ExtendWith(ApplicationExtension.class)
class ArbitrageSessionMarketFlowTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    private Path dir;
    private TradingSession session;
    private ArbitrageStrategy strategy;
    private FxUiExecutor ui;
    private ArbitrageDeskViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("paperdesk-arbitrage-session");
        strategy = ArbitrageStrategy.onCryptoVenues(ArbitrageSettings.defaults(1), null);
        // the application's session market (the full simulated universe), on a simulated clock
        session = TradingSession.open(new SessionConfig(
                dir.resolve("arb.paperdesk"),
                strategy.wrap(SimulatedMarket.defaultMarket(SessionConfig.DEFAULT_SEED)),
                StandardFeeModel.DEFAULT,
                START,
                true,
                SessionConfig.DEFAULT_STARTING_BALANCE));
        ui = new FxUiExecutor();
        vm = new ArbitrageDeskViewModel(session, ui, strategy);
        dev.paperdesk.desktop.common.TestStages.show(stage, new ArbitrageDeskView(vm), 1440, 860);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        ui.close();
        session.close();
    }

    @Test
    void theDeskTradesTheSessionsMarketOnTheSessionsClock(FxRobot robot) throws Exception {
        ComboBox<ArbitrageDeskViewModel.Market> market =
                robot.lookup("#arbitrageMarket").queryComboBox();
        assertThat(market.getItems()).contains(ArbitrageDeskViewModel.Market.SESSION_MARKET);
        robot.interact(() -> market.setValue(ArbitrageDeskViewModel.Market.SESSION_MARKET));
        assertThat(vm.marketProperty().get()).isEqualTo(ArbitrageDeskViewModel.Market.SESSION_MARKET);
        assertThat(vm.strategy()).isSameAs(strategy);
        // the session's clock is not the desk's: no running clock, but a simulated session advances
        assertThat(robot.lookup("#arbitragePlay").queryAs(Button.class).isDisabled())
                .isTrue();
        assertThat(robot.lookup("#arbitrageAdvance").queryAs(Button.class).isDisabled())
                .isFalse();

        robot.clickOn("#arbitrageStart");
        assertThat(strategy.isRunning()).isTrue();
        ComboBox<String> step = robot.lookup("#arbitrageAdvanceBy").queryComboBox();
        robot.interact(() -> step.setValue("1 min"));
        robot.clickOn("#arbitrageAdvance");
        WaitForAsyncUtils.waitFor(
                120, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> !vm.opportunities().isEmpty() && !vm.decisions().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(session.now()).isEqualTo(START.plusSeconds(60));
        Label clock = robot.lookup("#arbitrageClock").queryAs(Label.class);
        assertThat(clock.getText()).startsWith("2026-01-05 00:01:00");
        TableView<Opportunity> opps = robot.lookup("#arbitrageOpportunities").queryTableView();
        assertThat(opps.getItems()).isNotEmpty();
        // seven symbols, each on the venues of the session's market
        assertThat(opps.getItems().stream().map(Opportunity::symbol).distinct().count())
                .isGreaterThan(1);
        assertThat(vm.latencies()).hasSize(8);

        // the decisions go to the session's workspace once the desk trades its market
        assertThat(session.arbitrageStore().orElseThrow().decisions(10_000)).isNotEmpty();
        assertThat(session.arbitrageStore().orElseThrow().opportunitySnapshots())
                .isPositive();

        // the session's strategy outlives a desk window: a desk opened now shows it trading
        try (ArbitrageDeskViewModel again = new ArbitrageDeskViewModel(session, ui, strategy)) {
            assertThat(again.marketProperty().get()).isEqualTo(ArbitrageDeskViewModel.Market.SESSION_MARKET);
            assertThat(again.runningProperty().get()).isTrue();
        }

        robot.clickOn("#arbitrageStop");
        assertThat(strategy.isRunning()).isFalse();
        // back to the private simulation: its own strategy, untouched
        robot.interact(() -> market.setValue(ArbitrageDeskViewModel.Market.PRIVATE_SIMULATION));
        assertThat(vm.strategy()).isNotSameAs(strategy);
        assertThat(robot.lookup("#arbitragePlay").queryAs(Button.class).isDisabled())
                .isFalse();
    }
}
