/**
 * Portfolios and their exact accounting: cash, positions as cost-basis lots, realized P&amp;L, fees and
 * the ledger of cash movements.
 */
package dev.paperdesk.engine.portfolio;
