/** Application wiring: startup, the main window, the UI executor, theme and dialogs. */
package dev.paperdesk.desktop.app;
