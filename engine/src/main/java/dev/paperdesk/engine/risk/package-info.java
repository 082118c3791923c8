/**
 * Pre-trade checks and advisory risk limits: the margin check that replaces the cash-account funds
 * check, the six per-portfolio limits (each warning or blocking), return correlations between
 * instruments, and the risk-based position sizing calculator.
 */
package dev.paperdesk.engine.risk;
