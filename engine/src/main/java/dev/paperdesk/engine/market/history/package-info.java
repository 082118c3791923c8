/**
 * Historical bars: CSV importers (Yahoo, Binance klines, NinjaTrader and a generic column
 * mapping), row validation with every problem reported as {@code file:line:column: what}, and the
 * CSV export of stored series. An import is all-or-nothing: it streams into one
 * {@link dev.paperdesk.engine.store.BarStore} transaction that a single bad row rolls back.
 */
package dev.paperdesk.engine.market.history;
