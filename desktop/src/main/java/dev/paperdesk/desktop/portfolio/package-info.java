/**
 * Portfolios in the workstation: the account summary strip (equity, cash, buying power, margin and
 * P&amp;L in the base currency) and the portfolio manager (create, settings, reset, top up, archive,
 * clone, delete).
 */
package dev.paperdesk.desktop.portfolio;
