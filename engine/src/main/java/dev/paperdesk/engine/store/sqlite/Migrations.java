package dev.paperdesk.engine.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations, applied in order on open. Each migration runs in its own
 * transaction together with the bump of {@code PRAGMA user_version}, so a failed migration leaves
 * the previous version intact.
 */
final class Migrations {
    /**
     * Migration scripts in version order; script {@code i} takes the schema from version i to i + 1.
     * A script's file name does not fix its version: its place in this list does.
     */
    static final List<String> SCRIPTS = List.of(
            "V1__workspace.sql",
            "V2__bars.sql",
            "V3__currency_balances.sql",
            "V4__journal.sql",
            "V5__execution.sql",
            "V6__accounts.sql",
            "V7__backtests.sql",
            "V8__arbitrage.sql");

    static int latestVersion() {
        return SCRIPTS.size();
    }

    private Migrations() {}

    static void migrate(Connection c, int fromVersion) throws SQLException {
        for (int v = fromVersion; v < SCRIPTS.size(); v++) {
            List<String> statements = statements(read(SCRIPTS.get(v)));
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw new SQLException("migration " + SCRIPTS.get(v) + " failed: " + e.getMessage(), e);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static String read(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a script into statements; trigger bodies ({@code BEGIN … END;}) stay whole. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int open = 0;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
            if (upper.matches(".*\\bBEGIN\\b.*")) {
                open++;
            }
            if (upper.matches(".*\\bEND;$")) {
                open--;
            }
            if (open == 0 && trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
