package dev.paperdesk.desktop.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowFitTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728); // 768 less a 40 px panel

    @Test
    void aWindowLargerThanTheScreenShrinksToIt() {
        Rectangle2D main = WindowFit.fit(0, 0, 1440, 900, LAPTOP);
        assertThat(main).isEqualTo(new Rectangle2D(0, 0, 1366, 728));
    }

    @Test
    void aWindowThatFitsKeepsItsSizeAndPlace() {
        assertThat(WindowFit.fit(100, 50, 980, 420, LAPTOP)).isEqualTo(new Rectangle2D(100, 50, 980, 420));
    }

    @Test
    void aPositionOffTheScreenMovesBackOntoIt() {
        // saved on a second monitor to the right, since unplugged
        assertThat(WindowFit.fit(2200, -40, 1100, 640, LAPTOP)).isEqualTo(new Rectangle2D(266, 0, 1100, 640));
        // a screen whose usable area starts below a top panel
        Rectangle2D belowPanel = new Rectangle2D(0, 32, 1920, 1048);
        assertThat(WindowFit.fit(10, 0, 800, 600, belowPanel)).isEqualTo(new Rectangle2D(10, 32, 800, 600));
    }
}
