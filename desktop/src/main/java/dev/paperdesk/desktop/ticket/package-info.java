/** The order ticket: what to trade, validated inline, sent to the engine without blocking the UI. */
package dev.paperdesk.desktop.ticket;
