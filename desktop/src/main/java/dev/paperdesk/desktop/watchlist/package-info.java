/** The watchlist: live bid, ask, spread and change of every instrument, grouped by asset class. */
package dev.paperdesk.desktop.watchlist;
