/**
 * Multi-leg option strategies as pure maths: the legs of a position (options and optionally the
 * underlying), the standard templates (spreads, straddles, condors, butterflies, calendars, covered
 * calls, collars...), and their analysis — net debit or credit, payoff at expiry and before it,
 * breakevens, maximum profit and loss, probability of profit and the position's Greeks.
 *
 * <p>Everything here is in {@code double}: these are what-if figures, never ledger amounts. Amounts
 * are per position (premium per unit × quantity × contract multiplier), in the quote currency.
 */
package dev.paperdesk.engine.pricing.strategy;
