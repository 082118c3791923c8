/**
 * The facade the desktop and the command line use: a {@link dev.paperdesk.engine.session.TradingSession}
 * opens a workspace, runs the engine on its event loop and publishes immutable events and snapshots.
 */
package dev.paperdesk.engine.session;
