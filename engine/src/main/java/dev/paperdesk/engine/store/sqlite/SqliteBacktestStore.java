package dev.paperdesk.engine.store.sqlite;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.store.BacktestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Saved backtests in the workspace's SQLite file (table {@code backtests}). Shares the workspace's
 * connection and serialises on the workspace store, like the trade journal.
 */
final class SqliteBacktestStore implements BacktestStore {
    private final Connection connection;
    private final SharedConnection db;

    SqliteBacktestStore(Object lock, Connection connection, Path path) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.db = new SharedConnection(lock, connection, path);
    }

    @Override
    public long save(Summary draft, String resultJson) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(resultJson, "resultJson");
        return db.read(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO backtests (created_at, strategy, source, instruments, total_return, trades,"
                            + " result_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setLong(1, Clock.toNanos(draft.createdAt()));
                s.setString(2, draft.strategy());
                s.setString(3, draft.source());
                s.setString(4, draft.instruments());
                if (draft.totalReturn() == null) {
                    s.setNull(5, Types.REAL);
                } else {
                    s.setDouble(5, draft.totalReturn());
                }
                s.setInt(6, draft.trades());
                s.setString(7, resultJson);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public List<Summary> list() {
        return db.read(() -> {
            List<Summary> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                            "SELECT id, created_at, strategy, source, instruments, total_return, trades"
                                    + " FROM backtests ORDER BY created_at DESC, id DESC");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double r = rs.getDouble(6);
                    Double total = rs.wasNull() ? null : r;
                    out.add(new Summary(
                            rs.getLong(1),
                            Clock.toInstant(rs.getLong(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            total,
                            rs.getInt(7)));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<String> resultJson(long id) {
        return db.read(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT result_json FROM backtests WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return db.read(() -> {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM backtests WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate() > 0;
            }
        });
    }
}
