/**
 * The options desk: the option chain (calls | strike | puts with quotes and Greeks, live as the
 * underlying moves) and the strategy builder (templates or custom legs, payoff diagram, breakevens,
 * probability of profit, Greeks, and sending the whole position as one combo order).
 */
package dev.paperdesk.desktop.options;
