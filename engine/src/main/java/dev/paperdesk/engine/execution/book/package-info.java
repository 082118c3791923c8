/**
 * The primitive matching core: resting paper orders and market liquidity in whole ticks and lots
 * ({@code long}s), with no allocation on the hot path. Exact decimal prices and quantities are
 * converted at the edges by the order pipeline.
 *
 * <p>{@link dev.paperdesk.engine.execution.book.TickBook} keeps the resting orders with their queue
 * state and matches new orders against a {@link dev.paperdesk.engine.execution.book.Liquidity}: the
 * simulator's live book, a depleting copy of published snapshots, or the touch.
 */
package dev.paperdesk.engine.execution.book;
