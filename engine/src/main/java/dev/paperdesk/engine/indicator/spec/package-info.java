/**
 * Indicator specifications: the compact text tokens ({@code rsi:14}, {@code macd:12:26:9}) shared
 * by the command line and strategy files, their parser, and the output column names they produce.
 */
package dev.paperdesk.engine.indicator.spec;
