package dev.paperdesk.desktop;

import dev.paperdesk.desktop.app.PaperdeskApp;
import java.util.Arrays;
import javafx.application.Application;

/** Plain entry point (JavaFX on the class path needs a main class that is not the Application). */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(
                    """
                    Usage: paperdesk-app [--workspace PATH] [--smoke-test]
                      --workspace PATH  the workspace file (default: $PAPERDESK_WORKSPACE or the user's data folder)
                      --smoke-test      start, render the first frame, exit 0 (for installer tests)
                      --measure-ui N    run the market at x1000 for N seconds, print how busy the UI thread was, exit""");
            return;
        }
        try {
            PaperdeskApp.LaunchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(PaperdeskApp.class, args);
        System.exit(PaperdeskApp.exitCode());
    }
}
