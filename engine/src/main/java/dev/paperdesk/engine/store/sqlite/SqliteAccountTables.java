package dev.paperdesk.engine.store.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LimitMode;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.PositionMargin;
import dev.paperdesk.engine.portfolio.RiskLimit;
import dev.paperdesk.engine.portfolio.RiskLimits;
import dev.paperdesk.engine.portfolio.RiskMarks;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account tables of a workspace (schema script {@code V6__accounts.sql}): portfolio settings
 * and risk marks, position margin terms, and the append-only account history. Used by
 * {@link SqliteWorkspaceStore} inside its transactions.
 */
final class SqliteAccountTables {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the account tables hold for one portfolio. */
    record AccountRow(
            PortfolioSettings settings, boolean deleted, RiskMarks marks, Map<InstrumentId, PositionMargin> margins) {}

    private SqliteAccountTables() {}

    // ----------------------------------------------------------------------------------- writes

    static void writePortfolioAccount(Connection c, Portfolio p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                """
                INSERT INTO portfolio_accounts (portfolio_id, settings, deleted, risk_day, day_start_equity,
                    top_ups_today, peak_equity) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (portfolio_id) DO UPDATE SET settings = excluded.settings, deleted = excluded.deleted,
                    risk_day = excluded.risk_day, day_start_equity = excluded.day_start_equity,
                    top_ups_today = excluded.top_ups_today, peak_equity = excluded.peak_equity
                """)) {
            RiskMarks m = p.riskMarks();
            s.setLong(1, p.id().value());
            s.setString(2, settingsJson(p.settings()));
            s.setInt(3, p.deleted() ? 1 : 0);
            s.setString(4, m.day().toString());
            s.setString(5, m.dayStartEquity().toPlainString());
            s.setString(6, m.topUpsToday().toPlainString());
            s.setString(7, m.peakEquity().toPlainString());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM position_margins WHERE portfolio_id = ?")) {
            s.setLong(1, p.id().value());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO position_margins (portfolio_id, instrument, mode, leverage, isolated_margin)"
                        + " VALUES (?, ?, ?, ?, ?)")) {
            for (var e : p.margins().entrySet()) {
                s.setLong(1, p.id().value());
                s.setString(2, e.getKey().toString());
                s.setString(3, e.getValue().mode().name());
                s.setInt(4, e.getValue().leverage());
                s.setString(5, e.getValue().isolatedMargin().toPlainString());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static void writeRecords(Connection c, List<AccountRecord> records) throws SQLException {
        for (AccountRecord r : records) {
            switch (r) {
                case AccountRecord.PortfolioEvent e -> insert(
                        c,
                        "INSERT INTO portfolio_events (portfolio_id, ts, kind, note) VALUES (?, ?, ?, ?)",
                        e.portfolioId().value(),
                        nanos(e.timestamp()),
                        e.kind().name(),
                        e.note());
                case AccountRecord.MarginEvent e -> insert(
                        c,
                        "INSERT INTO margin_history (portfolio_id, ts, kind, level, instrument, equity, used_margin,"
                                + " maintenance_margin, maintenance_ratio) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        e.portfolioId().value(),
                        nanos(e.timestamp()),
                        e.kind().name(),
                        e.level().name(),
                        e.instrumentId() == null ? null : e.instrumentId().toString(),
                        e.equity().toPlainString(),
                        e.usedMargin().toPlainString(),
                        e.maintenanceMargin().toPlainString(),
                        e.maintenanceRatio().toPlainString());
                case AccountRecord.Liquidation e -> insert(
                        c,
                        "INSERT INTO liquidations (portfolio_id, ts, instrument, kind, mode, quantity, price, notional,"
                                + " fee, realized_pnl, shortfall, insurance_cover, adl_cover, uncovered, currency,"
                                + " ratio_before, fill_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        e.portfolioId().value(),
                        nanos(e.timestamp()),
                        e.instrumentId().toString(),
                        e.kind().name(),
                        e.mode().name(),
                        e.quantity().toPlainString(),
                        e.price().toPlainString(),
                        e.notional().toPlainString(),
                        e.fee().toPlainString(),
                        e.realizedPnl().toPlainString(),
                        e.shortfall().toPlainString(),
                        e.insuranceCover().toPlainString(),
                        e.adlCover().toPlainString(),
                        e.uncovered().toPlainString(),
                        e.currency().code(),
                        e.ratioBefore().toPlainString(),
                        e.fillId());
                case AccountRecord.InsuranceFundEntry e -> insert(
                        c,
                        "INSERT INTO insurance_fund (portfolio_id, ts, kind, currency, amount, balance_after, reference)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        e.portfolioId().value(),
                        nanos(e.timestamp()),
                        e.kind().name(),
                        e.currency().code(),
                        e.amount().toPlainString(),
                        e.balanceAfter().toPlainString(),
                        e.reference());
                case AccountRecord.FundingPayment e -> insert(
                        c,
                        "INSERT INTO funding_payments (portfolio_id, ts, instrument, rate, mark_price, quantity, amount,"
                                + " currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        e.portfolioId().value(),
                        nanos(e.timestamp()),
                        e.instrumentId().toString(),
                        e.rate().toPlainString(),
                        e.markPrice().toPlainString(),
                        e.quantity().toPlainString(),
                        e.amount().toPlainString(),
                        e.currency().code());
            }
        }
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    s.setNull(i + 1, Types.VARCHAR);
                } else if (v instanceof Long l) {
                    s.setLong(i + 1, l);
                } else {
                    s.setString(i + 1, v.toString());
                }
            }
            s.executeUpdate();
        }
    }

    // ------------------------------------------------------------------------------------ reads

    static Map<Long, AccountRow> loadAccounts(Connection c) throws SQLException {
        Map<Long, Map<InstrumentId, PositionMargin>> margins = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM position_margins ORDER BY portfolio_id, instrument")) {
            while (rs.next()) {
                margins.computeIfAbsent(rs.getLong("portfolio_id"), k -> new TreeMap<>())
                        .put(
                                InstrumentId.parse(rs.getString("instrument")),
                                new PositionMargin(
                                        MarginMode.valueOf(rs.getString("mode")),
                                        rs.getInt("leverage"),
                                        new BigDecimal(rs.getString("isolated_margin"))));
            }
        }
        Map<Long, AccountRow> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM portfolio_accounts")) {
            while (rs.next()) {
                long id = rs.getLong("portfolio_id");
                out.put(
                        id,
                        new AccountRow(
                                parseSettings(rs.getString("settings")),
                                rs.getInt("deleted") != 0,
                                new RiskMarks(
                                        LocalDate.parse(rs.getString("risk_day")),
                                        new BigDecimal(rs.getString("day_start_equity")),
                                        new BigDecimal(rs.getString("top_ups_today")),
                                        new BigDecimal(rs.getString("peak_equity"))),
                                margins.getOrDefault(id, Map.of())));
            }
        }
        return out;
    }

    static List<AccountRecord> loadHistory(Connection c) throws SQLException {
        List<AccountRecord> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM portfolio_events ORDER BY seq")) {
            while (rs.next()) {
                out.add(new AccountRecord.PortfolioEvent(
                        pid(rs),
                        instant(rs.getLong("ts")),
                        AccountRecord.PortfolioEventKind.valueOf(rs.getString("kind")),
                        rs.getString("note")));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM margin_history ORDER BY seq")) {
            while (rs.next()) {
                String instrument = rs.getString("instrument");
                out.add(new AccountRecord.MarginEvent(
                        pid(rs),
                        instant(rs.getLong("ts")),
                        AccountRecord.MarginEventKind.valueOf(rs.getString("kind")),
                        WarningLevel.valueOf(rs.getString("level")),
                        instrument == null ? null : InstrumentId.parse(instrument),
                        dec(rs, "equity"),
                        dec(rs, "used_margin"),
                        dec(rs, "maintenance_margin"),
                        dec(rs, "maintenance_ratio")));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM liquidations ORDER BY seq")) {
            while (rs.next()) {
                out.add(new AccountRecord.Liquidation(
                        pid(rs),
                        instant(rs.getLong("ts")),
                        InstrumentId.parse(rs.getString("instrument")),
                        AccountRecord.LiquidationKind.valueOf(rs.getString("kind")),
                        MarginMode.valueOf(rs.getString("mode")),
                        dec(rs, "quantity"),
                        dec(rs, "price"),
                        dec(rs, "notional"),
                        dec(rs, "fee"),
                        dec(rs, "realized_pnl"),
                        dec(rs, "shortfall"),
                        dec(rs, "insurance_cover"),
                        dec(rs, "adl_cover"),
                        dec(rs, "uncovered"),
                        Currency.of(rs.getString("currency")),
                        dec(rs, "ratio_before"),
                        rs.getLong("fill_id")));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM insurance_fund ORDER BY seq")) {
            while (rs.next()) {
                out.add(new AccountRecord.InsuranceFundEntry(
                        pid(rs),
                        instant(rs.getLong("ts")),
                        AccountRecord.FundEntryKind.valueOf(rs.getString("kind")),
                        Currency.of(rs.getString("currency")),
                        dec(rs, "amount"),
                        dec(rs, "balance_after"),
                        rs.getString("reference")));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM funding_payments ORDER BY seq")) {
            while (rs.next()) {
                out.add(new AccountRecord.FundingPayment(
                        pid(rs),
                        instant(rs.getLong("ts")),
                        InstrumentId.parse(rs.getString("instrument")),
                        dec(rs, "rate"),
                        dec(rs, "mark_price"),
                        dec(rs, "quantity"),
                        dec(rs, "amount"),
                        Currency.of(rs.getString("currency"))));
            }
        }
        return out;
    }

    private static PortfolioId pid(ResultSet rs) throws SQLException {
        return new PortfolioId(rs.getLong("portfolio_id"));
    }

    private static BigDecimal dec(ResultSet rs, String column) throws SQLException {
        return new BigDecimal(rs.getString(column));
    }

    // -------------------------------------------------------------------------------- settings

    /** Settings as JSON with stable keys; decimals as strings so nothing is rounded. */
    static String settingsJson(PortfolioSettings s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("cost_basis", s.costBasisMethod().name());
        ObjectNode lev = root.putObject("leverage");
        s.leverage().forEach((k, v) -> lev.put(k.name(), v));
        root.put("perpetual_margin_mode", s.perpetualMarginMode().name());
        ObjectNode limits = root.putObject("limits");
        limit(limits, "max_position_pct", s.limits().maxPositionPct());
        limit(limits, "daily_loss_pct", s.limits().dailyLossPct());
        limit(limits, "max_open_positions", s.limits().maxOpenPositions());
        limit(limits, "risk_per_trade_pct", s.limits().riskPerTradePct());
        limit(limits, "drawdown_stop_pct", s.limits().drawdownStopPct());
        limit(limits, "correlation", s.limits().correlation());
        ObjectNode borrow = root.putObject("borrow_rates");
        s.borrowRates().forEach((k, v) -> borrow.put(k, v.toPlainString()));
        root.put("default_borrow_rate", s.defaultBorrowRate().toPlainString());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void limit(ObjectNode parent, String key, RiskLimit l) {
        ObjectNode n = parent.putObject(key);
        n.put("threshold", l.threshold().toPlainString());
        n.put("mode", l.mode().name());
    }

    static PortfolioSettings parseSettings(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<AssetClass, Integer> lev = new EnumMap<>(AssetClass.class);
            root.path("leverage")
                    .fields()
                    .forEachRemaining(e ->
                            lev.put(AssetClass.valueOf(e.getKey()), e.getValue().asInt()));
            JsonNode l = root.path("limits");
            RiskLimits limits = new RiskLimits(
                    limit(l, "max_position_pct"),
                    limit(l, "daily_loss_pct"),
                    limit(l, "max_open_positions"),
                    limit(l, "risk_per_trade_pct"),
                    limit(l, "drawdown_stop_pct"),
                    limit(l, "correlation"));
            Map<String, BigDecimal> borrow = new TreeMap<>();
            root.path("borrow_rates")
                    .fields()
                    .forEachRemaining(e ->
                            borrow.put(e.getKey(), new BigDecimal(e.getValue().asText())));
            return new PortfolioSettings(
                    CostBasisMethod.valueOf(root.path("cost_basis").asText()),
                    lev,
                    MarginMode.valueOf(root.path("perpetual_margin_mode").asText()),
                    limits,
                    borrow,
                    new BigDecimal(root.path("default_borrow_rate").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable portfolio settings: " + e.getMessage(), e);
        }
    }

    private static RiskLimit limit(JsonNode limits, String key) {
        JsonNode n = limits.path(key);
        return new RiskLimit(
                new BigDecimal(n.path("threshold").asText()),
                LimitMode.valueOf(n.path("mode").asText()));
    }

    private static long nanos(Instant i) {
        return dev.paperdesk.engine.clock.Clock.toNanos(i);
    }

    private static Instant instant(long nanos) {
        return dev.paperdesk.engine.clock.Clock.toInstant(nanos);
    }
}
