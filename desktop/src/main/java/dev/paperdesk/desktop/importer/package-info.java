/**
 * The historical data import dialog: choose a CSV file and a format preset or mapping, preview its
 * raw rows and parsed bars, see every problem as {@code file:line:column: what}, and import it into
 * the workspace's bar store off the UI thread, all or nothing, with progress and cancel.
 */
package dev.paperdesk.desktop.importer;
