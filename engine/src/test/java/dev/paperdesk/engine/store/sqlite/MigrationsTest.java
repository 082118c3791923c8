package dev.paperdesk.engine.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.portfolio.CurrencyBalance;
import dev.paperdesk.engine.portfolio.Portfolio;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace written by an older schema is upgraded on open without losing anything. */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void versionOneWorkspaceKeepsItsCashAndPositionsAfterUpgrade() throws Exception {
        Path file = dir.resolve("old.paperdesk");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            String v1 = new String(
                    Migrations.class.getResourceAsStream("V1__workspace.sql").readAllBytes(), StandardCharsets.UTF_8);
            for (String sql : Migrations.statements(v1)) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = 1");
            s.execute("PRAGMA application_id = " + SqliteWorkspaceStore.APPLICATION_ID);
            s.execute("INSERT INTO portfolios (id, name, description, base_currency, starting_balance, cash,"
                    + " realized_pnl, fees_paid, cost_basis_method, archived, created_at)"
                    + " VALUES (1, 'Old', '', 'USD', '100000', '98990.5', '12.5', '3.25', 'FIFO', 0, 0)");
            s.execute("INSERT INTO positions (portfolio_id, instrument, realized_pnl) VALUES (1, 'ACME@sim', '12.5')");
            s.execute("INSERT INTO lots (portfolio_id, instrument, seq, quantity, cost, opened_at)"
                    + " VALUES (1, 'ACME@sim', 0, '10', '1018.75', 0)");
        }
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(file)) {
            assertThat(store.summary().schemaVersion()).isEqualTo(SqliteWorkspaceStore.schemaVersion());
            Portfolio p = store.load().portfolios().get(0);
            CurrencyBalance usd = p.balance(Currency.USD);
            assertThat(usd.cash()).isEqualByComparingTo("98990.5");
            assertThat(usd.deposits()).isEqualByComparingTo("100000");
            assertThat(usd.realizedPnl()).isEqualByComparingTo("12.5");
            assertThat(usd.feesPaid()).isEqualByComparingTo("3.25");
            assertThat(p.positionCurrency(dev.paperdesk.engine.model.InstrumentId.parse("ACME@sim")))
                    .isEqualTo(Currency.USD);
            assertThat(p.costBasis(Currency.USD)).isEqualByComparingTo("1018.75");
            // The identity still holds after the upgrade: 98990.5 + 1018.75 = 100000 + 12.5 − 3.25
            assertThat(usd.cash().add(p.costBasis(Currency.USD)))
                    .isEqualByComparingTo(usd.deposits().add(usd.realizedPnl()).subtract(usd.feesPaid()));
        }
    }
}
