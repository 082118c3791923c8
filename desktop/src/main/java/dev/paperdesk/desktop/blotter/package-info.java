/** The blotter: orders, positions and fills of the selected portfolio. */
package dev.paperdesk.desktop.blotter;
