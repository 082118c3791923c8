/**
 * The persistence port: what the engine needs from a workspace, independent of the database that
 * implements it. A {@link dev.paperdesk.engine.store.ChangeSet} is committed atomically or not at all.
 */
package dev.paperdesk.engine.store;
