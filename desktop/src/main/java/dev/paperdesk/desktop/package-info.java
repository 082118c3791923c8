/** The Paperdesk desktop client: JavaFX views bound to view-models over the embedded engine. */
package dev.paperdesk.desktop;
