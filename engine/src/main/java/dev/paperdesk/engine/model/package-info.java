/**
 * Value types of the trading domain: ids, exact money, instruments, orders, fills and events.
 *
 * <p>Everything here is immutable and depends on nothing else in the engine. Prices, quantities and
 * cash are backed by {@link java.math.BigDecimal}; rounding is always explicit.
 */
package dev.paperdesk.engine.model;
