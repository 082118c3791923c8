/**
 * The SQLite adapter of the persistence port: one file per workspace, WAL mode, versioned
 * migrations, an exclusive lock per open workspace. The only package that uses {@code java.sql}.
 */
package dev.paperdesk.engine.store.sqlite;
