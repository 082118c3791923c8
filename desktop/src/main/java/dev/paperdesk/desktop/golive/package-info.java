/**
 * The go-live criteria a trader sets for the workspace (thresholds and which of them are in force),
 * their editor and the checklist they produce, shared by the optimisation and analytics views.
 */
package dev.paperdesk.desktop.golive;
