package dev.paperdesk.engine.store.sqlite;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.store.ArbitrageStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The arbitrage desk's history in the workspace's SQLite file (tables {@code arbitrage_decisions},
 * {@code arbitrage_trades}, {@code arbitrage_opportunities}). Shares the workspace's connection and
 * serialises on the workspace store; each batch is one transaction.
 */
final class SqliteArbitrageStore implements ArbitrageStore {
    private final Connection connection;
    private final SharedConnection db;

    SqliteArbitrageStore(Object lock, Connection connection, Path path) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.db = new SharedConnection(lock, connection, path);
    }

    @Override
    public void appendDecisions(List<DecisionRow> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        db.inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO arbitrage_decisions (time, kind, subject, reason, detail) VALUES (?, ?, ?, ?, ?)")) {
                for (DecisionRow d : decisions) {
                    s.setLong(1, Clock.toNanos(d.time()));
                    s.setString(2, d.kind());
                    s.setString(3, d.subject());
                    s.setString(4, d.reason());
                    s.setString(5, d.detail());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void saveTrades(List<TradeRow> trades) {
        if (trades.isEmpty()) {
            return;
        }
        db.inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT OR REPLACE INTO arbitrage_trades (id, opened_at, symbol, status, profit, trade_json)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                for (TradeRow t : trades) {
                    s.setString(1, t.id());
                    s.setLong(2, Clock.toNanos(t.openedAt()));
                    s.setString(3, t.symbol());
                    s.setString(4, t.status());
                    if (t.profit() == null) {
                        s.setNull(5, Types.REAL);
                    } else {
                        s.setDouble(5, t.profit());
                    }
                    s.setString(6, t.json());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void saveOpportunities(Instant time, String json) {
        db.inTransaction(() -> {
            try (PreparedStatement s =
                    connection.prepareStatement("INSERT INTO arbitrage_opportunities (time, ranked) VALUES (?, ?)")) {
                s.setLong(1, Clock.toNanos(time));
                s.setString(2, json);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<DecisionRow> decisions(int limit) {
        return db.read(() -> {
            List<DecisionRow> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT time, kind, subject, reason, detail FROM arbitrage_decisions ORDER BY time DESC, id DESC"
                            + " LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DecisionRow(
                                Clock.toInstant(rs.getLong(1)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<TradeRow> trades() {
        return db.read(() -> {
            List<TradeRow> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                            "SELECT id, opened_at, symbol, status, profit, trade_json FROM arbitrage_trades"
                                    + " ORDER BY opened_at, id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double p = rs.getDouble(5);
                    Double profit = rs.wasNull() ? null : p;
                    out.add(new TradeRow(
                            rs.getString(1),
                            Clock.toInstant(rs.getLong(2)),
                            rs.getString(3),
                            rs.getString(4),
                            profit,
                            rs.getString(6)));
                }
            }
            return out;
        });
    }

    @Override
    public long opportunitySnapshots() {
        return db.read(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM arbitrage_opportunities");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
