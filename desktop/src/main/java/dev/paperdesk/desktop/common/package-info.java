/** Shared presentation pieces: number, money and time formats and P&amp;L styling, in one place. */
package dev.paperdesk.desktop.common;
