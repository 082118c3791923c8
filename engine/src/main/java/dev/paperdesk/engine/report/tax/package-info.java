/**
 * Realized gains and losses by tax lot: lots matched by replaying fills under a cost-basis method,
 * short-term and long-term holding periods, wash-sale flags, and the Form 8949-like CSV and TXF files.
 */
package dev.paperdesk.engine.report.tax;
