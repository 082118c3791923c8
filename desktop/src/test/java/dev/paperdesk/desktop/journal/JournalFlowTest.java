package dev.paperdesk.desktop.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.MainWindow;
import dev.paperdesk.desktop.journal.JournalViewModel.NoteRow;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.TradeJournalStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The journal panel beside the blotter: add a note with a tag, then find it by search and by tag. */
@ExtendWith(ApplicationExtension.class)
class JournalFlowTest {
    private TradingSession session;
    private FxUiExecutor ui;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("paperdesk-journal");
        session = TradingSession.open(SessionConfig.paperTrading(dir.resolve("journal.paperdesk")));
        ui = new FxUiExecutor();
        new MainWindow(session, ui).show(stage);
    }

    @AfterEach
    void closeSession() {
        ui.close();
        session.close();
    }

    @Test
    void aNoteWithATagIsFoundBySearchAndByTag(FxRobot robot) throws Exception {
        ListView<NoteRow> list = robot.lookup("#journalList").queryListView();
        assertThat(list.getItems()).isEmpty();

        robot.clickOn("#journalAdd");
        WaitForAsyncUtils.waitFor(
                5, TimeUnit.SECONDS, () -> robot.lookup("#noteText").tryQuery().isPresent());
        robot.clickOn("#noteText").write("Bought the breakout above 101");
        robot.clickOn("#noteTags").write("#Breakout");
        robot.clickOn("#noteSave");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        NoteRow row = list.getItems().get(0);
        assertThat(row.text()).isEqualTo("Bought the breakout above 101");
        assertThat(row.tags()).isEqualTo("#breakout");
        assertThat(row.target()).isEqualTo("account");
        // Stored in the workspace, not only shown.
        assertThat(session.tradeJournal()
                        .search(TradeJournalStore.Query.all(
                                session.portfolios().get(0).id()))
                        .get(0)
                        .tags())
                .containsExactly("breakout");

        robot.clickOn("#journalSearch").write("above 101");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(NoteRow::id).containsExactly(row.id());
        robot.write(" nothing like this");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).isEmpty();
        robot.interact(
                () -> robot.lookup("#journalSearch").queryTextInputControl().clear());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).hasSize(1);

        @SuppressWarnings("unchecked")
        ComboBox<String> tags = robot.lookup("#journalTagFilter").queryAs(ComboBox.class);
        assertThat(tags.getItems()).containsExactly(JournalViewModel.ALL_TAGS, "breakout");
        robot.interact(() -> tags.setValue("breakout"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(NoteRow::id).containsExactly(row.id());
    }
}
