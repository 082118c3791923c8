/** An in-memory implementation of the persistence port, for backtests and tests that need no file. */
package dev.paperdesk.engine.store.memory;
