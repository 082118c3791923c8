package dev.paperdesk.engine.report.pdf;

/** Something drawn into a rectangle of a page: the charts of the reports. */
@FunctionalInterface
public interface Chart {
    /** Draws into the rectangle with bottom-left corner {@code (x, y)}, {@code w} wide and {@code h} high. */
    void draw(Canvas canvas, float x, float y, float w, float h);
}
