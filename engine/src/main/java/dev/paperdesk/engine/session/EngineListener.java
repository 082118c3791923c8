package dev.paperdesk.engine.session;

/** Receives engine events on the event loop thread; must return quickly and never block. */
@FunctionalInterface
public interface EngineListener {
    void onEvent(EngineEvent event);
}
