package dev.paperdesk.desktop.analytics;

import javafx.scene.Parent;

/** A quant view that opens in its own window and stops its background work when that window closes. */
public interface QuantWindowContent {
    /** The view's root node. */
    Parent node();

    /** Cancels running work and releases the view-model's thread. */
    void dispose();
}
