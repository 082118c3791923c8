package dev.paperdesk.engine.store.sqlite;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderEvent;
import dev.paperdesk.engine.model.OrderGroup;
import dev.paperdesk.engine.model.OrderGroupKind;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderLink;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderRole;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.OrderType;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Rejection;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.model.TimeInForce;
import dev.paperdesk.engine.model.TrailingOffset;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.CurrencyBalance;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.portfolio.Lot;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.Position;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.ChangeSet;
import dev.paperdesk.engine.store.JournalEntry;
import dev.paperdesk.engine.store.TradeJournalStore;
import dev.paperdesk.engine.store.WorkspaceException;
import dev.paperdesk.engine.store.WorkspaceException.Kind;
import dev.paperdesk.engine.store.WorkspaceState;
import dev.paperdesk.engine.store.WorkspaceStore;
import dev.paperdesk.engine.store.WorkspaceSummary;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A workspace in one SQLite file. Opening checks, before writing anything, that the file is a
 * Paperdesk workspace of a schema this version understands and is not corrupt; then takes an
 * exclusive lock ({@code <file>.lock}) so a second instance gets a clear refusal.
 */
public final class SqliteWorkspaceStore implements WorkspaceStore {
    /** {@code PRAGMA application_id} of Paperdesk workspaces: "PDWS". */
    public static final int APPLICATION_ID = 0x50445753;

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final Connection connection;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private SqliteWorkspaceStore(Path path, Connection connection, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** The schema version this build writes. */
    public static int schemaVersion() {
        return Migrations.latestVersion();
    }

    /**
     * Opens (or creates) the workspace at {@code file}.
     *
     * @throws WorkspaceException when the file is not a workspace, is newer, corrupt, locked or unreadable
     */
    public static SqliteWorkspaceStore open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            throw new WorkspaceException(
                    Kind.NOT_A_WORKSPACE, path, "Cannot open workspace " + path + ": it is a directory, not a file.");
        }
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
        } catch (IOException e) {
            throw new WorkspaceException(
                    Kind.IO, path, "Cannot create the folder for workspace " + path + ": " + e.getMessage(), e);
        }
        boolean existing = isNonEmptyFile(path);
        if (existing) {
            inspect(path);
        }
        Path lockPath = path.resolveSibling(path.getFileName() + ".lock");
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new WorkspaceException(
                    Kind.IO,
                    path,
                    "Cannot open workspace " + path + ": cannot create lock file " + lockPath + ": " + e.getMessage(),
                    e);
        }
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new WorkspaceException(Kind.IO, path, "Cannot lock workspace " + path + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new WorkspaceException(
                    Kind.LOCKED,
                    path,
                    "Cannot open workspace " + path + ": it is already open in another Paperdesk window or command."
                            + " Close it there first.");
        }
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5000);
            c = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
            int version = pragmaInt(c, "user_version");
            if (version == 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA application_id = " + APPLICATION_ID);
                }
            }
            Migrations.migrate(c, version);
            return new SqliteWorkspaceStore(path, c, channel, lock);
        } catch (SQLException e) {
            closeQuietly(c);
            releaseQuietly(lock, channel);
            throw translate(path, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            releaseQuietly(lock, channel);
            throw e;
        }
    }

    private static boolean isNonEmptyFile(Path path) {
        try {
            return Files.exists(path) && Files.size(path) > 0;
        } catch (IOException e) {
            throw new WorkspaceException(Kind.IO, path, "Cannot read workspace " + path + ": " + e.getMessage(), e);
        }
    }

    /** Read-only checks of an existing file; nothing is written. */
    private static void inspect(Path path) {
        byte[] header = new byte[SQLITE_HEADER.length];
        try (InputStream in = Files.newInputStream(path)) {
            int n = in.readNBytes(header, 0, header.length);
            if (n < header.length || !java.util.Arrays.equals(header, SQLITE_HEADER)) {
                throw new WorkspaceException(
                        Kind.NOT_A_WORKSPACE,
                        path,
                        "Cannot open " + path + ": it is not a Paperdesk workspace (not an SQLite database).");
            }
        } catch (IOException e) {
            throw new WorkspaceException(Kind.IO, path, "Cannot read workspace " + path + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties())) {
            int appId = pragmaInt(c, "application_id");
            int version = pragmaInt(c, "user_version");
            int tables;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                tables = rs.getInt(1);
            }
            if (appId != APPLICATION_ID && !(appId == 0 && tables == 0)) {
                throw new WorkspaceException(
                        Kind.NOT_A_WORKSPACE,
                        path,
                        "Cannot open " + path + ": it is an SQLite database but not a Paperdesk workspace"
                                + " (application id " + Integer.toHexString(appId) + ").");
            }
            if (version > Migrations.latestVersion()) {
                throw new WorkspaceException(
                        Kind.NEWER_SCHEMA,
                        path,
                        "Cannot open workspace " + path + ": it was written by a newer Paperdesk (schema version "
                                + version + "; this version understands up to " + Migrations.latestVersion()
                                + "). Update Paperdesk to open it.");
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
                String result = rs.next() ? rs.getString(1) : "no result";
                if (!"ok".equalsIgnoreCase(result)) {
                    throw new WorkspaceException(
                            Kind.CORRUPT,
                            path,
                            "Workspace " + path + " is damaged (" + result + "). It was not changed;"
                                    + " restore it from a backup.");
                }
            }
        } catch (SQLException e) {
            throw translate(path, e);
        }
    }

    static WorkspaceException translate(Path path, SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new WorkspaceException(
                        Kind.NOT_A_WORKSPACE, path, "Cannot open " + path + ": it is not a Paperdesk workspace.", e);
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code.name().startsWith("SQLITE_CORRUPT")) {
                return new WorkspaceException(
                        Kind.CORRUPT,
                        path,
                        "Workspace " + path + " is damaged: " + e.getMessage()
                                + ". It was not changed; restore it from a backup.",
                        e);
            }
            if (code == SQLiteErrorCode.SQLITE_BUSY
                    || code.name().startsWith("SQLITE_BUSY")
                    || code == SQLiteErrorCode.SQLITE_LOCKED) {
                return new WorkspaceException(
                        Kind.LOCKED, path, "Workspace " + path + " is in use by another program: " + e.getMessage(), e);
            }
        }
        return new WorkspaceException(Kind.IO, path, "Cannot use workspace " + path + ": " + e.getMessage(), e);
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    public Path path() {
        return path;
    }

    /** The historical bar series of this workspace; shares this store's connection and lock. */
    @Override
    public Optional<BarStore> barStore() {
        return Optional.of(bars());
    }

    public BarStore bars() {
        return new SqliteBarStore(this, connection, path);
    }

    /** The saved backtest results of this workspace; shares this store's connection and lock. */
    public dev.paperdesk.engine.store.BacktestStore backtests() {
        return new SqliteBacktestStore(this, connection, path);
    }

    /** The arbitrage desk's history of this workspace; shares this store's connection and lock. */
    public dev.paperdesk.engine.store.ArbitrageStore arbitrage() {
        return new SqliteArbitrageStore(this, connection, path);
    }

    /** The trade journal (notes, tags, images) of this workspace; shares this store's connection and lock. */
    public TradeJournalStore tradeJournal() {
        return new SqliteTradeJournalStore(this, connection, path);
    }

    @Override
    public String name() {
        String file = path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    // ----------------------------------------------------------------------------------- writes

    @Override
    public synchronized void commit(ChangeSet changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            connection.setAutoCommit(false);
            try {
                for (Portfolio p : changes.portfolios()) {
                    writePortfolio(p);
                }
                writeGroups(changes.groups());
                for (Order o : changes.orders()) {
                    writeOrder(o);
                }
                writeEvents(changes.events());
                writeFills(changes.fills());
                writeLedger(changes.ledger());
                SqliteAccountTables.writeRecords(connection, changes.accountRecords());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(path, e);
        }
    }

    private void writePortfolio(Portfolio p) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                """
                INSERT INTO portfolios (id, name, description, base_currency, starting_balance, cost_basis_method,
                    archived, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description,
                    cost_basis_method = excluded.cost_basis_method, archived = excluded.archived
                """)) {
            s.setLong(1, p.id().value());
            s.setString(2, p.name());
            s.setString(3, p.description());
            s.setString(4, p.baseCurrency().code());
            s.setString(5, p.startingBalance().toPlainString());
            s.setString(6, p.costBasisMethod().name());
            s.setInt(7, p.archived() ? 1 : 0);
            s.setLong(8, nanos(p.createdAt()));
            s.executeUpdate();
        }
        try (PreparedStatement s = connection.prepareStatement(
                """
                INSERT INTO portfolio_balances (portfolio_id, currency, cash, deposits, realized_pnl, fees_paid,
                    top_ups, funding_paid, funding_received, borrow_fees, insurance_credits, adl_transfers)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (portfolio_id, currency) DO UPDATE SET cash = excluded.cash, deposits = excluded.deposits,
                    realized_pnl = excluded.realized_pnl, fees_paid = excluded.fees_paid,
                    top_ups = excluded.top_ups, funding_paid = excluded.funding_paid,
                    funding_received = excluded.funding_received, borrow_fees = excluded.borrow_fees,
                    insurance_credits = excluded.insurance_credits, adl_transfers = excluded.adl_transfers
                """)) {
            for (CurrencyBalance b : p.balances()) {
                s.setLong(1, p.id().value());
                s.setString(2, b.currency().code());
                s.setString(3, b.cash().toPlainString());
                s.setString(4, b.deposits().toPlainString());
                s.setString(5, b.realizedPnl().toPlainString());
                s.setString(6, b.feesPaid().toPlainString());
                s.setString(7, b.topUps().toPlainString());
                s.setString(8, b.fundingPaid().toPlainString());
                s.setString(9, b.fundingReceived().toPlainString());
                s.setString(10, b.borrowFees().toPlainString());
                s.setString(11, b.insuranceCredits().toPlainString());
                s.setString(12, b.adlTransfers().toPlainString());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = connection.prepareStatement("DELETE FROM lots WHERE portfolio_id = ?")) {
            s.setLong(1, p.id().value());
            s.executeUpdate();
        }
        try (PreparedStatement pos = connection.prepareStatement(
                        """
                        INSERT INTO positions (portfolio_id, instrument, realized_pnl, currency) VALUES (?, ?, ?, ?)
                        ON CONFLICT (portfolio_id, instrument) DO UPDATE SET realized_pnl = excluded.realized_pnl,
                            currency = excluded.currency
                        """);
                PreparedStatement lot = connection.prepareStatement(
                        "INSERT INTO lots (portfolio_id, instrument, seq, quantity, cost, opened_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Position position : p.positions()) {
                pos.setLong(1, p.id().value());
                pos.setString(2, position.instrumentId().toString());
                pos.setString(3, position.realizedPnl().toPlainString());
                pos.setString(4, p.positionCurrency(position.instrumentId()).code());
                pos.addBatch();
                int seq = 0;
                for (Lot l : position.lots()) {
                    lot.setLong(1, p.id().value());
                    lot.setString(2, position.instrumentId().toString());
                    lot.setInt(3, seq++);
                    lot.setString(4, l.quantity().toPlainString());
                    lot.setString(5, l.cost().toPlainString());
                    lot.setLong(6, nanos(l.openedAt()));
                    lot.addBatch();
                }
            }
            pos.executeBatch();
            lot.executeBatch();
        }
        SqliteAccountTables.writePortfolioAccount(connection, p);
    }

    private void writeOrder(Order o) throws SQLException {
        OrderRequest r = o.request();
        try (PreparedStatement s = connection.prepareStatement(
                """
                INSERT INTO orders (id, portfolio_id, instrument, side, type, quantity, limit_price, stop_price, tif,
                    expire_at, post_only, reduce_only, tag, status, filled_quantity, avg_fill_price, created_at,
                    updated_at, reject_reason, reject_message, trail_value, trail_percent, limit_offset, all_or_none,
                    group_id, group_kind, group_role, trail_anchor, current_stop, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET quantity = excluded.quantity, limit_price = excluded.limit_price,
                    stop_price = excluded.stop_price, status = excluded.status,
                    filled_quantity = excluded.filled_quantity, avg_fill_price = excluded.avg_fill_price,
                    updated_at = excluded.updated_at, reject_reason = excluded.reject_reason,
                    reject_message = excluded.reject_message, trail_anchor = excluded.trail_anchor,
                    current_stop = excluded.current_stop, expires_at = excluded.expires_at
                """)) {
            s.setLong(1, o.id().value());
            s.setLong(2, r.portfolioId().value());
            s.setString(3, r.instrumentId().toString());
            s.setString(4, r.side().name());
            s.setString(5, r.type().name());
            s.setString(6, r.quantity().value().toPlainString());
            setNullable(
                    s, 7, r.limitPrice() == null ? null : r.limitPrice().value().toPlainString());
            setNullable(
                    s, 8, r.stopPrice() == null ? null : r.stopPrice().value().toPlainString());
            s.setString(9, r.timeInForce().name());
            if (r.expireAt() == null) {
                s.setNull(10, Types.INTEGER);
            } else {
                s.setLong(10, nanos(r.expireAt()));
            }
            s.setInt(11, r.postOnly() ? 1 : 0);
            s.setInt(12, r.reduceOnly() ? 1 : 0);
            s.setString(13, r.tag());
            s.setString(14, o.status().name());
            s.setString(15, o.filledQuantity().value().toPlainString());
            setNullable(
                    s,
                    16,
                    o.averageFillPrice() == null
                            ? null
                            : o.averageFillPrice().value().toPlainString());
            s.setLong(17, nanos(o.createdAt()));
            s.setLong(18, nanos(o.updatedAt()));
            setNullable(
                    s, 19, o.rejection() == null ? null : o.rejection().reason().name());
            setNullable(s, 20, o.rejection() == null ? null : o.rejection().message());
            setNullable(s, 21, r.trail() == null ? null : r.trail().value().toPlainString());
            s.setInt(22, r.trail() != null && r.trail().percent() ? 1 : 0);
            setNullable(
                    s,
                    23,
                    r.limitOffset() == null ? null : r.limitOffset().value().toPlainString());
            s.setInt(24, r.allOrNone() ? 1 : 0);
            OrderLink link = o.link();
            if (link == null) {
                s.setNull(25, Types.INTEGER);
            } else {
                s.setLong(25, link.groupId());
            }
            setNullable(s, 26, link == null ? null : link.kind().name());
            setNullable(s, 27, link == null ? null : link.role().name());
            setNullable(
                    s,
                    28,
                    o.trailAnchor() == null ? null : o.trailAnchor().value().toPlainString());
            setNullable(
                    s,
                    29,
                    o.currentStop() == null ? null : o.currentStop().value().toPlainString());
            if (o.expiresAt() == null) {
                s.setNull(30, Types.INTEGER);
            } else {
                s.setLong(30, nanos(o.expiresAt()));
            }
            s.executeUpdate();
        }
    }

    private void writeGroups(List<OrderGroup> groups) throws SQLException {
        if (groups.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO order_groups (id, kind, members, net_limit, combo_quantity) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (id) DO NOTHING")) {
            for (OrderGroup g : groups) {
                s.setLong(1, g.id());
                s.setString(2, g.kind().name());
                s.setString(
                        3,
                        g.members().stream()
                                .map(id -> Long.toString(id.value()))
                                .collect(java.util.stream.Collectors.joining(",")));
                setNullable(
                        s, 4, g.netLimit() == null ? null : g.netLimit().value().toPlainString());
                setNullable(
                        s,
                        5,
                        g.comboQuantity() == null
                                ? null
                                : g.comboQuantity().value().toPlainString());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private List<OrderGroup> loadGroups() throws SQLException {
        List<OrderGroup> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM order_groups ORDER BY id")) {
            while (rs.next()) {
                List<OrderId> members = new ArrayList<>();
                for (String part : rs.getString("members").split(",")) {
                    members.add(new OrderId(Long.parseLong(part.strip())));
                }
                String net = rs.getString("net_limit");
                String units = rs.getString("combo_quantity");
                out.add(new OrderGroup(
                        rs.getLong("id"),
                        OrderGroupKind.valueOf(rs.getString("kind")),
                        members,
                        net == null ? null : Price.of(net),
                        units == null ? null : Quantity.of(units)));
            }
        }
        return out;
    }

    private void writeEvents(List<OrderEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO order_events (order_id, ts, kind, status, reason) VALUES (?, ?, ?, ?, ?)")) {
            for (OrderEvent e : events) {
                s.setLong(1, e.orderId().value());
                s.setLong(2, nanos(e.timestamp()));
                s.setString(3, e.kind());
                s.setString(4, e.status().name());
                s.setString(5, e.reason());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void writeFills(List<Fill> fills) throws SQLException {
        if (fills.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                """
                INSERT INTO fills (id, order_id, portfolio_id, instrument, side, quantity, price, fee, fee_currency,
                    liquidity, slippage, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (Fill f : fills) {
                s.setLong(1, f.id().value());
                s.setLong(2, f.orderId().value());
                s.setLong(3, f.portfolioId().value());
                s.setString(4, f.instrumentId().toString());
                s.setString(5, f.side().name());
                s.setString(6, f.quantity().value().toPlainString());
                s.setString(7, f.price().value().toPlainString());
                s.setString(8, f.fee().amount().toPlainString());
                s.setString(9, f.fee().currency().code());
                s.setString(10, f.liquidity().name());
                s.setString(11, f.slippage().toPlainString());
                s.setLong(12, nanos(f.timestamp()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void writeLedger(List<LedgerEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO ledger (portfolio_id, ts, kind, amount, currency, reference, note)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (LedgerEntry e : entries) {
                s.setLong(1, e.portfolioId().value());
                s.setLong(2, nanos(e.timestamp()));
                s.setString(3, e.kind().name());
                s.setString(4, e.amount().toPlainString());
                s.setString(5, e.currency().code());
                s.setString(6, e.reference());
                s.setString(7, e.note());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    // ------------------------------------------------------------------------------------ reads

    @Override
    public synchronized WorkspaceState load() {
        try {
            Map<Long, Map<InstrumentId, Currency>> currencies = new HashMap<>();
            Map<Long, List<Position>> positions = loadPositions(currencies);
            Map<Long, List<CurrencyBalance>> balances = loadBalances();
            Map<Long, SqliteAccountTables.AccountRow> accounts = SqliteAccountTables.loadAccounts(connection);
            List<Portfolio> portfolios = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM portfolios ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    CostBasisMethod method = CostBasisMethod.valueOf(rs.getString("cost_basis_method"));
                    SqliteAccountTables.AccountRow account = accounts.get(id);
                    portfolios.add(new Portfolio(
                            new PortfolioId(id),
                            rs.getString("name"),
                            rs.getString("description"),
                            Currency.of(rs.getString("base_currency")),
                            new BigDecimal(rs.getString("starting_balance")),
                            account == null ? PortfolioSettings.defaults(method) : account.settings(),
                            instant(rs.getLong("created_at")),
                            rs.getInt("archived") != 0,
                            account != null && account.deleted(),
                            balances.getOrDefault(id, List.of()),
                            positions.getOrDefault(id, List.of()),
                            currencies.getOrDefault(id, Map.of()),
                            account == null ? Map.of() : account.margins(),
                            account == null ? null : account.marks()));
                }
            }
            return new WorkspaceState(portfolios, loadOrders(), loadFills(), loadGroups());
        } catch (SQLException e) {
            throw translate(path, e);
        }
    }

    private Map<Long, List<CurrencyBalance>> loadBalances() throws SQLException {
        Map<Long, List<CurrencyBalance>> out = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM portfolio_balances ORDER BY portfolio_id, currency")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong("portfolio_id"), k -> new ArrayList<>())
                        .add(new CurrencyBalance(
                                Currency.of(rs.getString("currency")),
                                new BigDecimal(rs.getString("cash")),
                                new BigDecimal(rs.getString("deposits")),
                                new BigDecimal(rs.getString("realized_pnl")),
                                new BigDecimal(rs.getString("fees_paid")),
                                new BigDecimal(rs.getString("top_ups")),
                                new BigDecimal(rs.getString("funding_paid")),
                                new BigDecimal(rs.getString("funding_received")),
                                new BigDecimal(rs.getString("borrow_fees")),
                                new BigDecimal(rs.getString("insurance_credits")),
                                new BigDecimal(rs.getString("adl_transfers"))));
            }
        }
        return out;
    }

    private Map<Long, List<Position>> loadPositions(Map<Long, Map<InstrumentId, Currency>> currencies)
            throws SQLException {
        Map<String, List<Lot>> lots = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM lots ORDER BY portfolio_id, instrument, seq")) {
            while (rs.next()) {
                lots.computeIfAbsent(
                                rs.getLong("portfolio_id") + "|" + rs.getString("instrument"), k -> new ArrayList<>())
                        .add(new Lot(
                                new BigDecimal(rs.getString("quantity")),
                                new BigDecimal(rs.getString("cost")),
                                instant(rs.getLong("opened_at"))));
            }
        }
        Map<Long, List<Position>> out = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM positions ORDER BY portfolio_id, instrument")) {
            while (rs.next()) {
                long pid = rs.getLong("portfolio_id");
                String instrument = rs.getString("instrument");
                currencies
                        .computeIfAbsent(pid, k -> new HashMap<>())
                        .put(InstrumentId.parse(instrument), Currency.of(rs.getString("currency")));
                out.computeIfAbsent(pid, k -> new ArrayList<>())
                        .add(new Position(
                                InstrumentId.parse(instrument),
                                lots.getOrDefault(pid + "|" + instrument, List.of()),
                                new BigDecimal(rs.getString("realized_pnl"))));
            }
        }
        return out;
    }

    private List<Order> loadOrders() throws SQLException {
        List<Order> orders = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM orders ORDER BY id")) {
            while (rs.next()) {
                String limit = rs.getString("limit_price");
                String stop = rs.getString("stop_price");
                long expire = rs.getLong("expire_at");
                boolean noExpire = rs.wasNull();
                String trail = rs.getString("trail_value");
                String offset = rs.getString("limit_offset");
                OrderRequest request = new OrderRequest(
                        new PortfolioId(rs.getLong("portfolio_id")),
                        InstrumentId.parse(rs.getString("instrument")),
                        Side.valueOf(rs.getString("side")),
                        OrderType.valueOf(rs.getString("type")),
                        Quantity.of(rs.getString("quantity")),
                        limit == null ? null : Price.of(limit),
                        stop == null ? null : Price.of(stop),
                        TimeInForce.valueOf(rs.getString("tif")),
                        noExpire ? null : instant(expire),
                        rs.getInt("post_only") != 0,
                        rs.getInt("reduce_only") != 0,
                        rs.getString("tag"),
                        trail == null
                                ? null
                                : new TrailingOffset(new BigDecimal(trail), rs.getInt("trail_percent") != 0),
                        offset == null ? null : Price.of(offset),
                        rs.getInt("all_or_none") != 0);
                String avg = rs.getString("avg_fill_price");
                String reason = rs.getString("reject_reason");
                long groupId = rs.getLong("group_id");
                boolean noGroup = rs.wasNull();
                String anchor = rs.getString("trail_anchor");
                String currentStop = rs.getString("current_stop");
                long expiresAt = rs.getLong("expires_at");
                boolean noExpiry = rs.wasNull();
                orders.add(new Order(
                        new OrderId(rs.getLong("id")),
                        request,
                        OrderStatus.valueOf(rs.getString("status")),
                        Quantity.of(rs.getString("filled_quantity")),
                        avg == null ? null : Price.of(avg),
                        instant(rs.getLong("created_at")),
                        instant(rs.getLong("updated_at")),
                        reason == null
                                ? null
                                : new Rejection(RejectReason.valueOf(reason), rs.getString("reject_message")),
                        noGroup
                                ? null
                                : new OrderLink(
                                        groupId,
                                        OrderGroupKind.valueOf(rs.getString("group_kind")),
                                        OrderRole.valueOf(rs.getString("group_role"))),
                        anchor == null ? null : Price.of(anchor),
                        currentStop == null ? null : Price.of(currentStop),
                        noExpiry ? null : instant(expiresAt)));
            }
        }
        return orders;
    }

    private List<Fill> loadFills() throws SQLException {
        List<Fill> fills = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM fills ORDER BY id")) {
            while (rs.next()) {
                fills.add(new Fill(
                        new FillId(rs.getLong("id")),
                        new OrderId(rs.getLong("order_id")),
                        new PortfolioId(rs.getLong("portfolio_id")),
                        InstrumentId.parse(rs.getString("instrument")),
                        Side.valueOf(rs.getString("side")),
                        Quantity.of(rs.getString("quantity")),
                        Price.of(rs.getString("price")),
                        new Money(new BigDecimal(rs.getString("fee")), Currency.of(rs.getString("fee_currency"))),
                        Liquidity.valueOf(rs.getString("liquidity")),
                        new BigDecimal(rs.getString("slippage")),
                        instant(rs.getLong("ts"))));
            }
        }
        return fills;
    }

    @Override
    public synchronized List<JournalEntry> journal() {
        List<JournalEntry> out = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM order_events ORDER BY seq")) {
            while (rs.next()) {
                out.add(new JournalEntry(
                        rs.getLong("seq"),
                        new OrderId(rs.getLong("order_id")),
                        instant(rs.getLong("ts")),
                        rs.getString("kind"),
                        OrderStatus.valueOf(rs.getString("status")),
                        rs.getString("reason")));
            }
        } catch (SQLException e) {
            throw translate(path, e);
        }
        return out;
    }

    @Override
    public synchronized List<LedgerEntry> ledger(PortfolioId portfolio) {
        List<LedgerEntry> out = new ArrayList<>();
        try (PreparedStatement s =
                connection.prepareStatement("SELECT * FROM ledger WHERE portfolio_id = ? ORDER BY id")) {
            s.setLong(1, portfolio.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new LedgerEntry(
                            portfolio,
                            instant(rs.getLong("ts")),
                            LedgerKind.valueOf(rs.getString("kind")),
                            new BigDecimal(rs.getString("amount")),
                            Currency.of(rs.getString("currency")),
                            rs.getString("reference"),
                            rs.getString("note")));
                }
            }
        } catch (SQLException e) {
            throw translate(path, e);
        }
        return out;
    }

    @Override
    public synchronized List<dev.paperdesk.engine.portfolio.margin.AccountRecord> accountHistory() {
        try {
            return SqliteAccountTables.loadHistory(connection);
        } catch (SQLException e) {
            throw translate(path, e);
        }
    }

    @Override
    public synchronized WorkspaceSummary summary() {
        try {
            return new WorkspaceSummary(
                    path,
                    pragmaInt(connection, "user_version"),
                    count("portfolios"),
                    count("orders"),
                    count("fills"),
                    count("order_events"),
                    count("ledger"));
        } catch (SQLException e) {
            throw translate(path, e);
        }
    }

    private long count(String table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }

    @Override
    public synchronized Optional<String> setting(String key) {
        try (PreparedStatement s = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw translate(path, e);
        }
    }

    @Override
    public synchronized void putSetting(String key, String value) {
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            s.setString(1, key);
            s.setString(2, value);
            s.executeUpdate();
        } catch (SQLException e) {
            throw translate(path, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (!connection.isClosed()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException ignored) {
                    // A checkpoint is an optimisation; the WAL is replayed on the next open anyway.
                }
                connection.close();
            }
        } catch (SQLException e) {
            throw translate(path, e);
        } finally {
            releaseQuietly(lock, lockChannel);
        }
    }

    private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    private static long nanos(Instant i) {
        return dev.paperdesk.engine.clock.Clock.toNanos(i);
    }

    private static Instant instant(long nanos) {
        return dev.paperdesk.engine.clock.Clock.toInstant(nanos);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // Closing after a failure: the original error is what the user needs to see.
        }
    }

    private static void releaseQuietly(FileLock lock, FileChannel channel) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // The channel close below releases it as well.
        }
        closeQuietly(channel);
    }
}
