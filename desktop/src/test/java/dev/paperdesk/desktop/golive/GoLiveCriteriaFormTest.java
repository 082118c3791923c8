package dev.paperdesk.desktop.golive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.optimize.GoLiveCriteria;
import dev.paperdesk.engine.optimize.GoLiveFigures;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoLiveCriteriaFormTest {
    @TempDir
    Path dir;

    private TradingSession session;

    @BeforeEach
    void open() {
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("g.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aNewWorkspaceStartsFromTheEngineDefaultsInTradersUnits() {
        GoLiveCriteriaForm form = new GoLiveCriteriaForm(session);
        assertThat(form.criteria()).isEqualTo(GoLiveCriteria.defaults());
        assertThat(form.row("win_rate").thresholdProperty().get()).isEqualTo("55");
        assertThat(form.row("max_drawdown").thresholdProperty().get()).isEqualTo("10");
        assertThat(form.row("sharpe").thresholdProperty().get()).isEqualTo("1.5");
        assertThat(form.row("trades").thresholdProperty().get()).isEqualTo("20");
        assertThat(form.row("errors").hasThreshold()).isFalse();
        assertThat(session.setting(GoLiveCriteriaForm.SETTING)).isEmpty();
    }

    @Test
    void editsApplyAtOnceAndFlipTheChecklist() {
        GoLiveCriteriaForm form = new GoLiveCriteriaForm(session);
        GoLiveFigures figures = new GoLiveFigures(0.58, 1.7, -0.06, 1200, 30, 0);
        assertThat(form.evaluate(figures).passed()).isTrue();

        form.row("win_rate").thresholdProperty().set("60%");

        assertThat(form.criteria().minWinRate()).isEqualTo(0.60);
        assertThat(form.evaluate(figures).failures()).extracting(i -> i.key()).containsExactly("win_rate");
        form.row("win_rate").enabledProperty().set(false);
        assertThat(form.criteria().minWinRate()).isNaN();
        assertThat(form.evaluate(figures).passed()).isTrue();
        assertThat(form.evaluate(figures).items()).extracting(i -> i.key()).doesNotContain("win_rate");
    }

    @Test
    void aBadThresholdIsReportedAndTheLastValidCriteriaStay() {
        GoLiveCriteriaForm form = new GoLiveCriteriaForm(session);
        form.row("max_drawdown").thresholdProperty().set("15");
        form.row("max_drawdown").thresholdProperty().set("abc");
        assertThat(form.problemProperty().get())
                .isEqualTo("Max drawdown: 'abc' is not a number (a percentage such as 55).");
        assertThat(form.criteria().maxDrawdown()).isEqualTo(0.15);

        form.row("max_drawdown").thresholdProperty().set("150");
        assertThat(form.problemProperty().get()).contains("from 0 to 100");
        form.row("trades").thresholdProperty().set("2.5");
        assertThat(form.problemProperty().get()).contains("whole number");

        form.row("trades").thresholdProperty().set("5");
        form.row("max_drawdown").thresholdProperty().set("12.5");
        assertThat(form.problemProperty().get()).isEmpty();
        assertThat(form.criteria().maxDrawdown()).isEqualTo(0.125);
        assertThat(form.criteria().minTrades()).isEqualTo(5);
    }

    @Test
    void theCriteriaAreSavedWithTheWorkspaceIncludingSwitchedOffThresholds() {
        GoLiveCriteriaForm form = new GoLiveCriteriaForm(session);
        form.row("sharpe").thresholdProperty().set("2");
        form.row("sharpe").enabledProperty().set(false);
        form.row("errors").enabledProperty().set(false);
        form.row("trades").thresholdProperty().set("40");

        assertThat(session.setting(GoLiveCriteriaForm.SETTING))
                .contains("win_rate=on:55;sharpe=off:2;max_drawdown=on:10;net_profit=on;trades=on:40;errors=off");
        GoLiveCriteriaForm reopened = new GoLiveCriteriaForm(session);
        assertThat(reopened.criteria()).isEqualTo(new GoLiveCriteria(0.55, Double.NaN, 0.10, true, 40, false));
        assertThat(reopened.row("sharpe").thresholdProperty().get()).isEqualTo("2");
        assertThat(reopened.row("sharpe").enabledProperty().get()).isFalse();

        reopened.resetToDefaults();
        assertThat(reopened.criteria()).isEqualTo(GoLiveCriteria.defaults());
        assertThat(new GoLiveCriteriaForm(session).criteria()).isEqualTo(GoLiveCriteria.defaults());
    }

    @Test
    void anUnreadableSavedThresholdIsReportedAndTheDefaultsStayInForce() {
        session.putSetting(GoLiveCriteriaForm.SETTING, "win_rate=on:abc;sharpe=off;garbage;trades=on:12");
        GoLiveCriteriaForm form = new GoLiveCriteriaForm(session);
        assertThat(form.problemProperty().get()).contains("Win rate");
        // the bad win rate keeps the defaults in force until it is corrected
        assertThat(form.criteria()).isEqualTo(GoLiveCriteria.defaults());
        form.row("win_rate").thresholdProperty().set("50");
        assertThat(form.criteria()).isEqualTo(new GoLiveCriteria(0.50, Double.NaN, 0.10, true, 12, true));
    }
}
