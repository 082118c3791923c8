package dev.paperdesk.desktop.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.strategy.runner.StrategyRunner;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The YAML editor validates as one types: a broken line gets a gutter marker and an underline with the
 * loader's message naming the line and the field; fixing it removes both.
 */
@ExtendWith(ApplicationExtension.class)
class StrategiesFlowTest {
    private TradingSession session;
    private FxUiExecutor ui;
    private StrategiesView view;
    private StrategiesViewModel vm;

    @Start
    void start(Stage stage) {
        StrategyRunner runner = new StrategyRunner();
        session = TradingSession.open(SessionConfig.simulated(null, Instant.parse("2025-03-03T00:00:00Z"), 3)
                .withFeed(runner.wrap(SimulatedMarket.defaultMarket(3, List.of("BTC-USDT@binance")))));
        ui = new FxUiExecutor();
        vm = new StrategiesViewModel(session, runner, ui);
        view = new StrategiesView(vm);
        dev.paperdesk.desktop.common.TestStages.show(stage, view, 1200, 720);
    }

    @AfterEach
    void tearDown() {
        view.dispose();
        ui.close();
        session.close();
    }

    /** Looks {@code query} up on the FX thread: the editor's gutter changes while the test polls. */
    private static boolean present(FxRobot robot, String query) {
        try {
            return WaitForAsyncUtils.asyncFx(
                            () -> robot.lookup(query).tryQuery().isPresent())
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBrokenLineIsMarkedUntilItIsFixed(FxRobot robot) throws Exception {
        robot.clickOn("#strategyClone");
        CodeArea editor = robot.lookup("#strategyEditor").queryAs(CodeArea.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> editor.getText().contains("sma-cross-copy"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#strategyValidation")
                .queryAs(Label.class)
                .getText()
                .startsWith("Valid"));
        // The YAML is coloured: comments, keys and numbers carry their style classes.
        String text = editor.getText();
        assertThat(editor.getStyleAtPosition(text.indexOf("name:") + 1)).contains("yaml-key");
        assertThat(editor.getStyleAtPosition(text.indexOf("#") + 1)).contains("yaml-comment");
        assertThat(editor.getStyleAtPosition(text.indexOf("default: 10") + 10)).contains("yaml-number");
        assertThat(editor.getStyleAtPosition(text.indexOf("- name:") + 1)).contains("yaml-dash");

        // The broken line goes first: the gutter is virtual, so only lines in view have markers.
        robot.clickOn(editor);
        robot.interact(() -> {
            editor.moveTo(0);
            editor.showParagraphAtTop(0);
        });
        robot.write("colour: blue");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> editor.getText().startsWith("colour: blue\n"));
        int line = 1;
        String markerId = "#strategyMarker-" + line;
        // Typing pauses may validate half-typed text first; wait for the line as typed.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup(markerId)
                        .tryQuery()
                        .map(n -> String.valueOf(n.getUserData()).contains("colour"))
                        .orElse(false))
                .get(5, TimeUnit.SECONDS));
        Node marker = robot.lookup(markerId).query();
        String message = (String) marker.getUserData();
        assertThat(message).startsWith("editor:" + line + ":").contains("unknown field 'colour'");
        assertThat(robot.lookup("#strategyValidation").queryAs(Label.class).getText())
                .contains("editor:" + line + ":")
                .contains("colour");
        // The offending line is underlined, the others are not.
        assertThat(editor.getStyleOfChar(line - 1, 1)).contains("yaml-error");
        assertThat(editor.getStyleOfChar(line, 1)).doesNotContain("yaml-error");
        assertThat(present(robot, "#strategyMarker-" + (line + 1))).isFalse();

        robot.interact(() -> editor.moveTo(0));
        for (int i = 0; i < "colour: blue\n".length(); i++) {
            robot.type(KeyCode.DELETE);
        }
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !present(robot, markerId));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#strategyValidation")
                .queryAs(Label.class)
                .getText()
                .startsWith("Valid"));
        assertThat(editor.getStyleOfChar(0, 1)).doesNotContain("yaml-error");
    }

    @Test
    void selectingAStrategyShowsItsLogWithWhyARuleNeverActed(FxRobot robot) throws Exception {
        robot.interact(
                () -> vm.sourceProperty()
                        .set(
                                """
                        name: moonshot
                        instruments: [BTC-USDT@binance]
                        timeframe: 1m
                        rules:
                          - name: at-a-billion
                            when: {above: [close, 1000000000]}
                            then: {action: buy, size: {quantity: 1}}
                        """));
        robot.clickOn("#strategyStart");
        session.advance(java.time.Duration.ofMinutes(20));
        javafx.scene.control.TableView<?> table =
                robot.lookup("#strategiesTable").queryAs(javafx.scene.control.TableView.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        javafx.scene.control.ListView<?> log =
                robot.lookup("#strategyLog").queryAs(javafx.scene.control.ListView.class);
        assertThat(log.getItems()).isEmpty();

        robot.clickOn(robot.lookup("#strategiesTable .table-row-cell")
                .match(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null)
                .<Node>query());
        // the statuses refresh twice a second: the chosen row stays chosen through the refreshes
        session.advance(java.time.Duration.ofMinutes(2));
        Thread.sleep(1_200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedIndex()).isZero();
        // a row whose figures move (its P&L) is replaced in place, and stays chosen too
        robot.interact(() -> {
            var s = vm.statuses().get(0);
            dev.paperdesk.desktop.common.Lists.replace(
                    vm.statuses(),
                    List.of(new dev.paperdesk.engine.strategy.runner.StrategyStatus(
                            s.id(), s.name(), s.state(), s.portfolio(), java.math.BigDecimal.TEN, s.fills(), "")));
        });
        assertThat(table.getSelectionModel().getSelectedIndex()).isZero();
        // a running strategy can be paused or stopped, not resumed
        assertThat(robot.lookup("#strategyPause").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#strategyResume").queryButton().isDisabled()).isTrue();
        robot.clickOn("#strategyStop");
        session.advance(java.time.Duration.ofSeconds(1));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> log.getItems().stream()
                .anyMatch(l -> String.valueOf(l).contains("WARN rule 'at-a-billion' never acted")));
        assertThat(String.valueOf(log.getItems().get(0))).contains("its condition 'above' (line 6) never held");
        // the warning is wrapped to the panel, not cut at its right edge; its time to the millisecond
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#strategyLog .list-cell")
                .match(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null)
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListCell<?> first = robot.lookup("#strategyLog .list-cell")
                .match(n -> ((javafx.scene.control.ListCell<?>) n).getItem() != null)
                .query();
        assertThat(first.isWrapText()).isTrue();
        assertThat(first.getWidth()).isLessThanOrEqualTo(log.getWidth());
        assertThat(first.getHeight()).isGreaterThan(30); // two lines or more
        assertThat(String.valueOf(log.getItems().get(0))).matches("\\d{4}-\\d\\d-\\d\\dT[\\d:]+(\\.\\d{3})?Z WARN .*");
        // the table's headers read in full
        assertThat(robot.lookup("#strategiesTable .column-header .label").queryAllAs(javafx.scene.control.Label.class))
                .allSatisfy(l -> assertThat(((javafx.scene.text.Text) l.lookup(".text")).getText())
                        .isEqualTo(l.getText()));
        // stopped for good: nothing left to pause, resume or stop
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#strategyStop")
                .queryButton()
                .isDisabled());
        assertThat(robot.lookup("#strategyPause").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#strategyResume").queryButton().isDisabled()).isTrue();
    }
}
