package dev.paperdesk.engine.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The workspace's one SQLite connection as the side stores (backtests, trade journal, arbitrage
 * history) use it: every use serialises on the workspace store, so their writes never interleave
 * with an engine commit, and SQL errors become workspace errors naming the file.
 */
final class SharedConnection {
    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private final Object lock;
    private final Connection connection;
    private final Path path;

    SharedConnection(Object lock, Connection connection, Path path) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** Runs {@code work} in one transaction: all of it is written, or none. */
    <T> T inTransaction(Work<T> work) {
        synchronized (lock) {
            try {
                connection.setAutoCommit(false);
                try {
                    T result = work.run();
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException | Error e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw SqliteWorkspaceStore.translate(path, e);
            }
        }
    }

    /** Runs {@code work} (a read, or a single auto-committed statement) under the workspace's lock. */
    <T> T read(Work<T> work) {
        synchronized (lock) {
            try {
                return work.run();
            } catch (SQLException e) {
                throw SqliteWorkspaceStore.translate(path, e);
            }
        }
    }
}
