package dev.paperdesk.desktop.common;

import java.util.List;
import javafx.scene.text.Text;
import org.testfx.api.FxRobot;

/** The header titles a table shows on screen, for tests that no header is cut to "Starting bal...". */
public final class TableHeaders {
    private TableHeaders() {}

    /** The texts the headers of the table found by {@code query} draw now (clipped ones end in "..."). */
    public static List<String> shown(FxRobot robot, String query) {
        return robot.lookup(query + " .column-header .label .text").queryAllAs(Text.class).stream()
                .filter(javafx.scene.Node::isVisible)
                .map(Text::getText)
                .toList();
    }
}
