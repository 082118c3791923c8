package dev.paperdesk.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.PropertyValueFactory;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A refresh that replaces the chosen row (its figures moved) leaves it chosen; the user's own deselection holds. */
@ExtendWith(ApplicationExtension.class)
class KeptSelectionTest {
    public record Row(String key, int value) {}

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private TableView<Row> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        TableColumn<Row, Integer> value = new TableColumn<>("Value");
        value.setCellValueFactory(new PropertyValueFactory<>("value"));
        table.getColumns().add(value);
        KeptSelection.attach(table, rows, Row::key);
        rows.setAll(new Row("a", 1), new Row("b", 2), new Row("c", 3));
        TestStages.show(stage, table, 300, 200);
    }

    @Test
    void theChosenRowStaysChosenThroughReplacementsUntilTheUserLetsItGo(FxRobot robot) {
        robot.interact(() -> table.getSelectionModel().select(1));

        // the row's figures move: Lists.replace swaps that one row object
        robot.interact(() -> Lists.replace(rows, List.of(new Row("a", 1), new Row("b", 20), new Row("c", 3))));
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(new Row("b", 20));

        // a whole new list, the chosen row moved up
        robot.interact(() -> rows.setAll(new Row("b", 21), new Row("c", 3)));
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(new Row("b", 21));

        // the user deselects: a later refresh does not choose it again
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.interact(() -> Lists.replace(rows, List.of(new Row("b", 22), new Row("c", 3))));
        assertThat(table.getSelectionModel().getSelectedItem()).isNull();

        // a chosen row that goes away leaves nothing chosen, and does not come back chosen
        robot.interact(() -> table.getSelectionModel().select(1));
        robot.interact(() -> rows.setAll(new Row("b", 22)));
        assertThat(table.getSelectionModel().getSelectedItem()).isNull();
        robot.interact(() -> rows.setAll(new Row("b", 22), new Row("c", 4)));
        assertThat(table.getSelectionModel().getSelectedItem()).isNull();
    }
}
