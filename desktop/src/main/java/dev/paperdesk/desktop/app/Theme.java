package dev.paperdesk.desktop.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Dark and light themes (AtlantaFX Primer) plus Paperdesk's own stylesheet. */
public enum Theme {
    DARK,
    LIGHT;

    private static final String APP_CSS =
            Theme.class.getResource("/dev/paperdesk/desktop/paperdesk.css").toExternalForm();

    /** Applies the theme to the whole application and marks the scene for theme-specific rules. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(
                this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().getStyleClass().removeAll("theme-dark", "theme-light");
        scene.getRoot().getStyleClass().add(this == DARK ? "theme-dark" : "theme-light");
    }

    public static Theme parse(String text, Theme fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
