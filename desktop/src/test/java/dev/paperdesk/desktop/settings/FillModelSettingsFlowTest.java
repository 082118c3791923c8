package dev.paperdesk.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.models.ModelScope;
import dev.paperdesk.engine.execution.models.SlippageModel;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The fill-model page's main flow: a venue and class scope given its own slippage from the form. */
@ExtendWith(ApplicationExtension.class)
class FillModelSettingsFlowTest extends dev.paperdesk.desktop.common.SimulatedSessionFlow {
    private FillModelSettingsViewModel vm;

    @Start
    void start(Stage stage) {
        open(Instant.parse("2026-03-02T15:00:00Z"), 4);
        vm = new FillModelSettingsViewModel(session, ui);
        dev.paperdesk.desktop.common.TestStages.show(stage, new FillModelSettingsView(vm), 1100, 640);
    }

    @Test
    void aScopeGetsItsOwnSlippageFromTheForm(FxRobot robot) throws Exception {
        TableView<?> scopes = robot.lookup("#fillModelScopes").queryTableView();
        assertThat(scopes.getItems()).hasSize(1);
        @SuppressWarnings("unchecked")
        ComboBox<String> venue = robot.lookup("#settingsVenue").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> assetClass = robot.lookup("#settingsAssetClass").queryAs(ComboBox.class);
        robot.interact(() -> {
            venue.setValue("sim");
            assetClass.setValue("EQUITY");
        });
        @SuppressWarnings("unchecked")
        ComboBox<String> slippage = robot.lookup("#settingsSlippage").queryAs(ComboBox.class);

        robot.interact(() -> slippage.setValue("fixed(bps=bad)"));
        Label validation = robot.lookup("#settingsValidation").queryAs(Label.class);
        assertThat(validation.getText()).startsWith("Slippage: ").contains("must be a number");
        assertThat(robot.lookup("#settingsApply").queryButton().isDisabled()).isTrue();

        robot.interact(() -> slippage.setValue("fixed(bps=7)"));
        assertThat(validation.getText()).isEmpty();
        robot.clickOn("#settingsApply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> scopes.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session.executionSettings()
                        .overrides()
                        .get(ModelScope.parse("sim/EQUITY"))
                        .slippage())
                .isEqualTo(new SlippageModel.FixedBps(7));
        assertThat(robot.lookup("#settingsStatus").queryAs(Label.class).getText())
                .contains("Applied to sim/EQUITY");
    }

    @Test
    void aModelSpecificationCutByItsColumnCanBeReadInFull(FxRobot robot) {
        java.util.List<javafx.scene.control.TableCell<?, ?>> fees =
                robot.lookup("#fillModelScopes .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                        .<javafx.scene.control.TableCell<?, ?>>map(c -> c)
                        .filter(c -> c.getTableColumn() != null
                                && c.getTableColumn().getText().equals("Fees")
                                && c.getText() != null
                                && !c.getText().isEmpty())
                        .toList();
        assertThat(fees).isNotEmpty();
        for (javafx.scene.control.TableCell<?, ?> cell : fees) {
            assertThat(cell.getTooltip()).isNotNull();
            assertThat(cell.getTooltip().getText()).isEqualTo(cell.getText());
        }
    }
}
