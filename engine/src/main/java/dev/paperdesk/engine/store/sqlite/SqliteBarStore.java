package dev.paperdesk.engine.store.sqlite;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.store.BarStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bar series in the workspace's SQLite file ({@code bar_series} and {@code bars}, schema version 2).
 * Shares the workspace's connection and serialises on the workspace store, so a bar import and an
 * order commit never interleave inside one transaction.
 */
final class SqliteBarStore implements BarStore {
    /** Rows per JDBC batch: large enough to amortise the driver round trip, small enough to stay in cache. */
    private static final int BATCH = 4096;

    private final Object lock;
    private final Connection connection;
    private final Path path;

    SqliteBarStore(Object lock, Connection connection, Path path) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.path = Objects.requireNonNull(path, "path");
    }

    private record Stored(long id, long rows, long firstTs, long lastTs) {}

    @Override
    public InsertResult insert(SeriesKey key, Iterator<Bar> bars, WriteMode mode) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bars, "bars");
        Objects.requireNonNull(mode, "mode");
        synchronized (lock) {
            try {
                connection.setAutoCommit(false);
                try {
                    InsertResult result = insertInTransaction(key, bars, mode);
                    if (result instanceof InsertResult.Inserted i && i.rows() > 0) {
                        connection.commit();
                    } else {
                        connection.rollback();
                    }
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

    @Override
    public List<InsertResult> appendAll(java.util.Map<SeriesKey, List<Bar>> batches) {
        List<InsertResult> results = new java.util.ArrayList<>();
        if (batches.isEmpty()) {
            return results;
        }
        synchronized (lock) {
            try {
                connection.setAutoCommit(false);
                try {
                    for (var e : batches.entrySet()) {
                        java.sql.Savepoint savepoint = connection.setSavepoint();
                        InsertResult r =
                                insertInTransaction(e.getKey(), e.getValue().iterator(), WriteMode.REFUSE_OVERLAP);
                        if (r instanceof InsertResult.Refused) {
                            connection.rollback(savepoint);
                        } else {
                            connection.releaseSavepoint(savepoint);
                        }
                        results.add(r);
                    }
                    connection.commit();
                    return results;
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

    private InsertResult insertInTransaction(SeriesKey key, Iterator<Bar> bars, WriteMode mode) throws SQLException {
        Stored stored = lookup(key).orElse(null);
        long replaced = 0;
        if (stored != null && mode == WriteMode.REPLACE) {
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM bars WHERE series_id = ?")) {
                s.setLong(1, stored.id());
                replaced = s.executeUpdate();
            }
        }
        boolean checkOverlap = stored != null && mode == WriteMode.REFUSE_OVERLAP;
        long seriesId = -1;
        long count = 0;
        long first = 0;
        long last = Long.MIN_VALUE;
        boolean overlap = false;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO bars (series_id, ts, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            while (bars.hasNext()) {
                Bar bar = bars.next();
                if (!bar.instrumentId().equals(key.instrument()) || bar.timeframe() != key.timeframe()) {
                    throw new IllegalArgumentException("bar of " + bar.instrumentId() + " " + bar.timeframe()
                            + " in a batch for " + key + "; nothing was written");
                }
                long ts = Clock.toNanos(bar.openTime());
                if (count > 0 && ts <= last) {
                    throw new IllegalArgumentException(
                            "bars of " + key + " out of order at " + bar.openTime() + "; nothing was written");
                }
                if (count == 0) {
                    first = ts;
                }
                last = ts;
                count++;
                if (checkOverlap && !overlap) {
                    // Stamps increase, so the batch overlaps the stored range as soon as one stamp
                    // lands inside it or the batch jumps from before it to after it.
                    overlap = ts >= stored.firstTs() && first <= stored.lastTs();
                }
                if (overlap) {
                    continue; // keep draining: the producer may still report problems of its own
                }
                if (seriesId < 0) {
                    seriesId = stored != null ? stored.id() : createSeries(key, ts);
                }
                insert.setLong(1, seriesId);
                insert.setLong(2, ts);
                insert.setString(3, bar.open().toPlainString());
                insert.setString(4, bar.high().toPlainString());
                insert.setString(5, bar.low().toPlainString());
                insert.setString(6, bar.close().toPlainString());
                insert.setString(7, bar.volume().toPlainString());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (overlap) {
                return new InsertResult.Refused(
                        key, instant(stored.firstTs()), instant(stored.lastTs()), instant(first), instant(last));
            }
            if (count == 0) {
                return new InsertResult.Inserted(key, 0, 0);
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        long total = count;
        long newFirst = first;
        long newLast = last;
        if (stored != null && mode == WriteMode.REFUSE_OVERLAP) {
            total += stored.rows();
            newFirst = Math.min(first, stored.firstTs());
            newLast = Math.max(last, stored.lastTs());
        }
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE bar_series SET bar_count = ?, first_ts = ?, last_ts = ? WHERE id = ?")) {
            s.setLong(1, total);
            s.setLong(2, newFirst);
            s.setLong(3, newLast);
            s.setLong(4, seriesId);
            s.executeUpdate();
        }
        return new InsertResult.Inserted(key, count, replaced);
    }

    private long createSeries(SeriesKey key, long ts) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO bar_series (instrument, timeframe, bar_count, first_ts, last_ts) VALUES (?, ?, 0, ?, ?)")) {
            s.setString(1, key.instrument().toString());
            s.setString(2, key.timeframe().label());
            s.setLong(3, ts);
            s.setLong(4, ts);
            s.executeUpdate();
        }
        return lookup(key).orElseThrow().id();
    }

    private Optional<Stored> lookup(SeriesKey key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT id, bar_count, first_ts, last_ts FROM bar_series WHERE instrument = ? AND timeframe = ?")) {
            s.setString(1, key.instrument().toString());
            s.setString(2, key.timeframe().label());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Stored(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    @Override
    public List<SeriesInfo> series() {
        synchronized (lock) {
            List<SeriesInfo> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                            "SELECT instrument, timeframe, bar_count, first_ts, last_ts FROM bar_series WHERE bar_count > 0");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    SeriesKey key =
                            new SeriesKey(InstrumentId.parse(rs.getString(1)), Timeframe.parse(rs.getString(2)));
                    out.add(new SeriesInfo(key, rs.getLong(3), instant(rs.getLong(4)), instant(rs.getLong(5))));
                }
            } catch (SQLException e) {
                throw SqliteWorkspaceStore.translate(path, e);
            }
            out.sort(Comparator.comparing(SeriesInfo::key));
            return out;
        }
    }

    @Override
    public Optional<SeriesInfo> info(SeriesKey key) {
        synchronized (lock) {
            try {
                return lookup(key)
                        .filter(s -> s.rows() > 0)
                        .map(s -> new SeriesInfo(key, s.rows(), instant(s.firstTs()), instant(s.lastTs())));
            } catch (SQLException e) {
                throw SqliteWorkspaceStore.translate(path, e);
            }
        }
    }

    @Override
    public List<Bar> read(SeriesKey key, Instant fromInclusive, Instant toExclusive, int limit) {
        Objects.requireNonNull(key, "key");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        synchronized (lock) {
            List<Bar> out = new ArrayList<>(Math.min(limit, 16_384));
            try (PreparedStatement s = connection.prepareStatement(
                    """
                    SELECT b.ts, b.open, b.high, b.low, b.close, b.volume
                    FROM bars b JOIN bar_series s ON s.id = b.series_id
                    WHERE s.instrument = ? AND s.timeframe = ? AND b.ts >= ? AND b.ts < ?
                    ORDER BY b.ts LIMIT ?
                    """)) {
                s.setString(1, key.instrument().toString());
                s.setString(2, key.timeframe().label());
                s.setLong(3, clampedNanos(fromInclusive));
                s.setLong(4, clampedNanos(toExclusive));
                s.setInt(5, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Bar(
                                key.instrument(),
                                key.timeframe(),
                                instant(rs.getLong(1)),
                                new BigDecimal(rs.getString(2)),
                                new BigDecimal(rs.getString(3)),
                                new BigDecimal(rs.getString(4)),
                                new BigDecimal(rs.getString(5)),
                                new BigDecimal(rs.getString(6))));
                    }
                }
            } catch (SQLException e) {
                throw SqliteWorkspaceStore.translate(path, e);
            }
            return out;
        }
    }

    /** Instants beyond the nanosecond range (Instant.MIN/MAX as open bounds) clamp to its ends. */
    private static long clampedNanos(Instant i) {
        Objects.requireNonNull(i, "instant");
        try {
            return Clock.toNanos(i);
        } catch (ArithmeticException e) {
            return i.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static Instant instant(long nanos) {
        return Clock.toInstant(nanos);
    }
}
