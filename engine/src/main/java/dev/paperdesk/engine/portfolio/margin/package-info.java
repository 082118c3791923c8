/**
 * Margin, leverage and liquidation: the per-asset-class margin schedule with perpetual leverage
 * tiers, the exact account margin calculation, the liquidation planner, the insurance fund and the
 * records of every margin and liquidation step. Margin is assessed on a position's entry notional
 * (its cost basis), which makes the published liquidation-price formulas exact.
 */
package dev.paperdesk.engine.portfolio.margin;
