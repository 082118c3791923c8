package dev.paperdesk.desktop.common;

import dev.paperdesk.desktop.app.Theme;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Puts a view on a TestFX stage as the app shows it: in its own scene, dark theme. */
public final class TestStages {
    private TestStages() {}

    public static Scene show(Stage stage, Parent view, double width, double height) {
        Scene scene = new Scene(view, width, height);
        Theme.DARK.apply(scene);
        stage.setScene(scene);
        stage.show();
        return scene;
    }
}
