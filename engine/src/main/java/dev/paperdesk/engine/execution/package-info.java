/**
 * Order execution against the simulated market: pre-trade validation, fill pricing and the named
 * fee model. Rejections are values ({@link dev.paperdesk.engine.model.Rejection}), never exceptions.
 */
package dev.paperdesk.engine.execution;
