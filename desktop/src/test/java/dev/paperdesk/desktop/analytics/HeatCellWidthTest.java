package dev.paperdesk.desktop.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A heatmap column is as wide as its widest figure: a year of +205.69 % is not shown as "+205...". */
@ExtendWith(ApplicationExtension.class)
class HeatCellWidthTest {
    private Label[] cells;

    @Start
    void start(Stage stage) {
        cells = new Label[] {
            AnalyticsView.heatCell(2.0569, "heat-1999-ytd"),
            AnalyticsView.heatCell(0.0231, "heat-2000-ytd"),
            AnalyticsView.heatCell(12.3456, "heat-2001-ytd"),
            AnalyticsView.heatCell(0.0, "heat-2002-ytd")
        };
        GridPane grid = new GridPane();
        for (int i = 0; i < cells.length; i++) {
            grid.add(cells[i], 0, i);
        }
        grid.getStylesheets()
                .add(AnalyticsView.class
                        .getResource("/dev/paperdesk/desktop/analytics/analytics.css")
                        .toExternalForm());
        dev.paperdesk.desktop.common.TestStages.show(stage, grid, 400, 300);
    }

    @Test
    void everyFigureIsShownWhole(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        for (Label cell : cells) {
            Text shown = (Text) cell.lookup(".text");
            assertThat(shown.getText()).as(cell.getId()).isEqualTo(cell.getText());
        }
        // one column: the cells share its width
        assertThat(cells[1].getWidth()).isEqualTo(cells[0].getWidth());
    }
}
