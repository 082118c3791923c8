/**
 * The market's depth for the selected instrument: the order book ladder with cumulative size bars
 * and a price-picking hook for the order ticket, and the time &amp; sales tape of public trades.
 */
package dev.paperdesk.desktop.book;
