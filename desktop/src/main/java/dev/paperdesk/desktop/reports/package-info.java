/**
 * The Reports menu: account statements and tax reports generated off the UI thread with progress,
 * opened with the system viewer, the last folder remembered in the workspace.
 */
package dev.paperdesk.desktop.reports;
