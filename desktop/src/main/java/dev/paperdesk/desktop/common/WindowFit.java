package dev.paperdesk.desktop.common;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Keeps a window on its screen: no larger than the screen's usable area and, where it has a position
 * (a saved one), inside it. The main window's 1440 × 900 and the options desk's 1560 × 860 would
 * otherwise hang off a 1366 × 768 laptop screen with their status bars out of reach, and a position
 * saved on a monitor since unplugged would open the window off every screen.
 */
public final class WindowFit {
    private WindowFit() {}

    /**
     * The window {@code x, y, width, height} made to fit {@code screen}: each side at most the
     * screen's, the position moved inside it.
     */
    public static Rectangle2D fit(double x, double y, double width, double height, Rectangle2D screen) {
        double w = Math.min(width, screen.getWidth());
        double h = Math.min(height, screen.getHeight());
        return new Rectangle2D(
                clamp(x, screen.getMinX(), screen.getMaxX() - w),
                clamp(y, screen.getMinY(), screen.getMaxY() - h),
                w,
                h);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(v, hi));
    }

    /**
     * Fits {@code stage}, whose scene is set, to the usable area of the screen it is on (the primary
     * screen while it has no position). Call before {@code show()}.
     */
    public static void onScreen(Stage stage) {
        double width = Double.isNaN(stage.getWidth()) ? stage.getScene().getWidth() : stage.getWidth();
        double height = Double.isNaN(stage.getHeight()) ? stage.getScene().getHeight() : stage.getHeight();
        double x = stage.getX();
        double y = stage.getY();
        boolean placed = !Double.isNaN(x) && !Double.isNaN(y);
        Screen screen = placed
                ? Screen.getScreensForRectangle(x, y, Math.max(1, width), Math.max(1, height)).stream()
                        .findFirst()
                        .orElse(Screen.getPrimary())
                : Screen.getPrimary();
        Rectangle2D bounds = screen.getVisualBounds();
        Rectangle2D fitted = fit(placed ? x : bounds.getMinX(), placed ? y : bounds.getMinY(), width, height, bounds);
        if (fitted.getWidth() < width) {
            stage.setWidth(fitted.getWidth());
        }
        if (fitted.getHeight() < height) {
            stage.setHeight(fitted.getHeight());
        }
        if (placed) {
            stage.setX(fitted.getMinX());
            stage.setY(fitted.getMinY());
        }
    }
}
