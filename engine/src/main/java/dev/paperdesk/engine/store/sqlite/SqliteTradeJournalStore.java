package dev.paperdesk.engine.store.sqlite;

import dev.paperdesk.engine.clock.Clock;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.store.TradeJournalStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The trade journal in the workspace's SQLite file ({@code journal_notes}, {@code journal_note_tags},
 * {@code journal_attachments}). Shares the workspace's connection and serialises on the workspace
 * store, so a note and an order commit never interleave inside one transaction.
 */
final class SqliteTradeJournalStore implements TradeJournalStore {
    private final Connection connection;
    private final SharedConnection db;

    SqliteTradeJournalStore(Object lock, Connection connection, Path path) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.db = new SharedConnection(lock, connection, path);
    }

    @Override
    public Note add(NoteDraft draft) {
        Objects.requireNonNull(draft, "draft");
        long id = db.inTransaction(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    """
                    INSERT INTO journal_notes (portfolio_id, target_kind, target_ref, instrument, body, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)) {
                s.setLong(1, draft.portfolio().value());
                s.setString(2, draft.target().kind());
                s.setString(3, draft.target().reference());
                Optional<InstrumentId> instrument = draft.target().instrument();
                if (instrument.isPresent()) {
                    s.setString(4, instrument.get().toString());
                } else {
                    s.setNull(4, Types.VARCHAR);
                }
                s.setString(5, draft.text());
                s.setLong(6, Clock.toNanos(draft.at()));
                s.setLong(7, Clock.toNanos(draft.at()));
                s.executeUpdate();
            }
            long noteId = lastRowId();
            writeTags(noteId, draft.tags());
            return noteId;
        });
        return note(id).orElseThrow();
    }

    @Override
    public Note update(long id, String text, Set<String> tags, Instant at) {
        String body = TradeJournalStore.requireText(text);
        SortedSet<String> normalised = TradeJournalStore.normaliseTags(tags);
        Objects.requireNonNull(at, "at");
        db.inTransaction(() -> {
            try (PreparedStatement s =
                    connection.prepareStatement("UPDATE journal_notes SET body = ?, updated_at = ? WHERE id = ?")) {
                s.setString(1, body);
                s.setLong(2, Clock.toNanos(at));
                s.setLong(3, id);
                if (s.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no journal note " + id);
                }
            }
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM journal_note_tags WHERE note_id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            writeTags(id, normalised);
            return null;
        });
        return note(id).orElseThrow();
    }

    private void writeTags(long noteId, Set<String> tags) throws SQLException {
        try (PreparedStatement s =
                connection.prepareStatement("INSERT INTO journal_note_tags (note_id, tag) VALUES (?, ?)")) {
            for (String tag : tags) {
                s.setLong(1, noteId);
                s.setString(2, tag);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private long lastRowId() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            return rs.getLong(1);
        }
    }

    @Override
    public boolean delete(long id) {
        return db.inTransaction(() -> {
            // Explicit deletes: ON DELETE CASCADE needs foreign keys on, which a foreign connection may not have.
            for (String table : List.of("journal_attachments", "journal_note_tags")) {
                try (PreparedStatement s = connection.prepareStatement("DELETE FROM " + table + " WHERE note_id = ?")) {
                    s.setLong(1, id);
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = connection.prepareStatement("DELETE FROM journal_notes WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public AttachmentInfo attach(long noteId, String name, String mimeType, byte[] data, Instant at) {
        TradeJournalStore.requireImage(name, mimeType, data);
        Objects.requireNonNull(at, "at");
        long id = db.inTransaction(() -> {
            if (!exists(noteId)) {
                throw new IllegalArgumentException("no journal note " + noteId);
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO journal_attachments (note_id, name, mime_type, size, data, added_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, noteId);
                s.setString(2, name.strip());
                s.setString(3, mimeType.strip().toLowerCase(java.util.Locale.ROOT));
                s.setLong(4, data.length);
                s.setBytes(5, data);
                s.setLong(6, Clock.toNanos(at));
                s.executeUpdate();
            }
            return lastRowId();
        });
        return attachment(id).orElseThrow().info();
    }

    private boolean exists(long noteId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM journal_notes WHERE id = ?")) {
            s.setLong(1, noteId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<Attachment> attachment(long attachmentId) {
        return db.read(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id, note_id, name, mime_type, size, added_at, data FROM journal_attachments WHERE id = ?")) {
                s.setLong(1, attachmentId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Attachment(info(rs), rs.getBytes(7)));
                }
            }
        });
    }

    private static AttachmentInfo info(ResultSet rs) throws SQLException {
        return new AttachmentInfo(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getLong(5),
                Clock.toInstant(rs.getLong(6)));
    }

    @Override
    public Optional<Note> note(long id) {
        return db.read(() -> {
            List<Note> notes = select("WHERE n.id = ?", List.of(id));
            return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(0));
        });
    }

    @Override
    public List<Note> search(Query query) {
        Objects.requireNonNull(query, "query");
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.portfolio() != null) {
            where.append(" AND n.portfolio_id = ?");
            args.add(query.portfolio().value());
        }
        if (query.text() != null) {
            // LIKE is case-insensitive for ASCII only; Query.matches below settles the rest exactly.
            where.append(" AND (n.body LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM journal_note_tags t"
                    + " WHERE t.note_id = n.id AND t.tag LIKE ? ESCAPE '\\'))");
            String like = "%" + escapeLike(query.text()) + "%";
            args.add(like);
            args.add(like);
        }
        if (query.tag() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM journal_note_tags t WHERE t.note_id = n.id AND t.tag = ?)");
            args.add(query.tag());
        }
        if (query.from() != null) {
            where.append(" AND n.created_at >= ?");
            args.add(clamped(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND n.created_at < ?");
            args.add(clamped(query.to()));
        }
        return db.read(() -> select(where.toString(), args)).stream()
                .filter(query::matches)
                .toList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static long clamped(Instant i) {
        try {
            return Clock.toNanos(i);
        } catch (ArithmeticException e) {
            return i.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private List<Note> select(String where, List<Object> args) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT n.id, n.portfolio_id, n.target_kind, n.target_ref, n.instrument, n.body, n.created_at,"
                        + " n.updated_at FROM journal_notes n " + where + " ORDER BY n.created_at DESC, n.id DESC")) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof Long l) {
                    s.setLong(i + 1, l);
                } else {
                    s.setString(i + 1, (String) a);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new Object[] {
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8)
                    });
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, SortedSet<String>> tags = new LinkedHashMap<>();
        Map<Long, List<AttachmentInfo>> attachments = new LinkedHashMap<>();
        String ids =
                String.join(",", rows.keySet().stream().map(String::valueOf).toList());
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT note_id, tag FROM journal_note_tags WHERE note_id IN (" + ids + ") ORDER BY tag")) {
            while (rs.next()) {
                tags.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        try (Statement s = connection.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT id, note_id, name, mime_type, size, added_at FROM journal_attachments"
                                + " WHERE note_id IN (" + ids + ") ORDER BY id")) {
            while (rs.next()) {
                attachments
                        .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                        .add(info(rs));
            }
        }
        List<Note> out = new ArrayList<>(rows.size());
        for (Map.Entry<Long, Object[]> e : rows.entrySet()) {
            Object[] r = e.getValue();
            String instrument = (String) r[3];
            Target target =
                    Target.of((String) r[1], (String) r[2], instrument == null ? null : InstrumentId.parse(instrument));
            out.add(new Note(
                    e.getKey(),
                    new PortfolioId((Long) r[0]),
                    target,
                    (String) r[4],
                    tags.getOrDefault(e.getKey(), new TreeSet<>()),
                    Clock.toInstant((Long) r[5]),
                    Clock.toInstant((Long) r[6]),
                    attachments.getOrDefault(e.getKey(), List.of())));
        }
        return out;
    }

    @Override
    public List<String> tags(PortfolioId portfolio) {
        return db.read(() -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT DISTINCT t.tag FROM journal_note_tags t JOIN journal_notes n ON n.id = t.note_id"
                            + " WHERE n.portfolio_id = ? ORDER BY t.tag")) {
                s.setLong(1, portfolio.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }
}
