package dev.paperdesk.desktop.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import dialog end to end: type a path, pick a preset, preview, import into the workspace. */
@ExtendWith(ApplicationExtension.class)
class ImportFlowTest {
    private Path dir;
    private TradingSession session;
    private FxUiExecutor ui;
    private ImportViewModel vm;
    private Stage dialog;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("paperdesk-import");
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("import.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        ui = new FxUiExecutor();
        dev.paperdesk.desktop.common.TestStages.show(stage, new StackPane(new Label("Paperdesk")), 300, 200);
        vm = new ImportViewModel(session, ui);
        dialog = ImportDialog.open(stage, vm);
    }

    @AfterEach
    void tearDown(FxRobot robot) {
        robot.interact(dialog::close);
        ui.close();
        session.close();
    }

    private static void chooseFile(FxRobot robot, Path file) {
        robot.clickOn("#importPath").write(file.toString());
        robot.clickOn("#importFormat");
        robot.clickOn("yahoo");
    }

    @Test
    void validYahooFileIsPreviewedAndImportedIntoTheWorkspace(FxRobot robot) throws Exception {
        Path file = Files.writeString(dir.resolve("orcl.csv"), ImportViewModelTest.YAHOO);
        chooseFile(robot, file);
        robot.doubleClickOn("#importSymbol").eraseText(4).write("ORCL");

        TableView<?> raw = robot.lookup("#importPreview").queryTableView();
        TableView<?> parsed = robot.lookup("#importBars").queryTableView();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> raw.getItems().size() == 5 && parsed.getItems().size() == 5);
        assertThat(raw.getColumns())
                .extracting(c -> c.getText())
                .containsExactly(
                        "Line",
                        "Date (1)",
                        "Open (2)",
                        "High (3)",
                        "Low (4)",
                        "Close (5)",
                        "Adj Close (6)",
                        "Volume (7)");
        assertThat(robot.lookup("#importValidation").queryAs(Label.class).getText())
                .endsWith("ready to import into ORCL@hist 1d");
        assertThat(robot.lookup("#importProblems").queryListView().getItems()).isEmpty();

        robot.clickOn("#importRun");

        Label result = robot.lookup("#importResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.getText().contains("rows imported"));
        assertThat(result.getText())
                .isEqualTo("5 rows imported into ORCL@hist 1d (2024-01-02 00:00:00 to 2024-01-08 00:00:00 UTC)");
        List<Bar> stored =
                session.bars().orElseThrow().read(ImportViewModelTest.ORCL_DAILY, Instant.EPOCH, Instant.MAX, 100);
        assertThat(stored).hasSize(5);
        assertThat(stored.get(0).open()).isEqualByComparingTo("105.00");
    }

    @Test
    void badRowIsShownWithItsLineAndColumnAndNothingIsImported(FxRobot robot) throws Exception {
        Path file = Files.writeString(
                dir.resolve("bad.csv"),
                ImportViewModelTest.YAHOO.replace("2024-01-04,106.90,107.40", "2024-01-04,106.90,abc"));
        chooseFile(robot, file);

        ListView<String> problems = robot.lookup("#importProblems").queryListView();
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> problems.getItems().size() == 1);
        assertThat(problems.getItems().get(0)).isEqualTo("bad.csv:4:3: high is not a number: 'abc'");
        assertThat(robot.lookup("#importValidation").queryAs(Label.class).getText())
                .isEqualTo("1 problem: the file cannot be imported as it is");

        robot.clickOn("#importRun");

        Label result = robot.lookup("#importResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result.getText().startsWith("Not imported"));
        assertThat(result.getText()).isEqualTo("Not imported: 1 problem; the workspace is unchanged");
        assertThat(problems.getItems()).containsExactly("bad.csv:4:3: high is not a number: 'abc'");
        assertThat(session.bars().orElseThrow().series()).isEmpty();
    }
}
