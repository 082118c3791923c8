package dev.paperdesk.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdesk.engine.market.RandomWalkFeed;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.Bar;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Timeframe;
import dev.paperdesk.engine.portfolio.CurrencyBalance;
import dev.paperdesk.engine.portfolio.FxRates;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.Portfolio;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.RiskLimit;
import dev.paperdesk.engine.portfolio.RiskLimits;
import dev.paperdesk.engine.portfolio.margin.AccountSnapshot;
import dev.paperdesk.engine.portfolio.margin.MarginCalculator;
import dev.paperdesk.engine.portfolio.margin.PositionMarginView;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.WorkspaceLocator;
import dev.paperdesk.engine.store.BarStore;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperdesk portfolio …}: the portfolios of a workspace with their balances, margin and limits. */
@Command(
        name = "portfolio",
        mixinStandardHelpOptions = true,
        description = "List portfolios or show their balances, positions with margin and liquidation prices,"
                + " ledger totals and risk limits.",
        subcommands = {PortfolioCommand.ListPortfolios.class, PortfolioCommand.Show.class})
final class PortfolioCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by both subcommands. */
    static class Common {
        @Option(
                names = "--workspace",
                paramLabel = "PATH",
                description = "The workspace file (default: $" + WorkspaceLocator.ENV_VARIABLE
                        + " or the default workspace).")
        Path workspace;

        @Option(
                names = "--portfolio",
                paramLabel = "NAME",
                description = "Only the portfolio with this name (case-insensitive).")
        String portfolio;

        @Option(names = "--json", description = "Machine-readable JSON instead of text.")
        boolean json;
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "One line per portfolio: id, name, base currency, equity, open positions and state.",
                "JSON: an array of objects with keys id, name, base_currency, equity, cash, open_positions,"
                        + " archived."
            })
    static final class ListPortfolios extends Common implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Loaded w = load(workspace, portfolio);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode arr = MAPPER.createArrayNode();
                for (Entry e : w.entries) {
                    ObjectNode n = arr.addObject();
                    n.put("id", e.snapshot.id().value());
                    n.put("name", e.snapshot.name());
                    n.put("base_currency", e.snapshot.baseCurrency().code());
                    n.put("equity", plain(e.account.equity()));
                    n.put("cash", plain(e.snapshot.cash()));
                    n.put("open_positions", e.account.positions().size());
                    n.put("archived", e.snapshot.archived());
                }
                out.println(MAPPER.writeValueAsString(arr));
            } else {
                out.printf("%-4s %-24s %-5s %20s %9s  %s%n", "ID", "NAME", "BASE", "EQUITY", "POSITIONS", "STATE");
                for (Entry e : w.entries) {
                    out.printf(
                            "%-4d %-24s %-5s %20s %9d  %s%n",
                            e.snapshot.id().value(),
                            e.snapshot.name(),
                            e.snapshot.baseCurrency(),
                            money(e.account.equity()),
                            e.account.positions().size(),
                            e.snapshot.archived() ? "archived" : "active");
                }
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Balances per currency, the margin account, positions with margin mode, margin and liquidation"
                        + " price, ledger totals by kind and the risk limits of each portfolio.",
                "Positions are marked at the last stored 1-minute bar close (at cost when the workspace holds"
                        + " none); dollar stablecoins count at par with USD, other currencies without a rate are"
                        + " listed as unconvertible.",
                "JSON: an array of objects with keys id, name, description, base_currency, starting_balance,"
                        + " cost_basis_method, archived, balances, account, positions, ledger_totals, limits."
            })
    static final class Show extends Common implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Loaded w = load(workspace, portfolio);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode arr = MAPPER.createArrayNode();
                for (Entry e : w.entries) {
                    arr.add(json(e));
                }
                out.println(MAPPER.writeValueAsString(arr));
            } else {
                for (Entry e : w.entries) {
                    text(out, e);
                }
            }
            out.flush();
            return 0;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private record Entry(PortfolioSnapshot snapshot, AccountSnapshot account, Map<String, BigDecimal> ledgerTotals) {}

    private record Loaded(List<Entry> entries) {}

    private static Loaded load(Path explicit, String name) {
        Path path = WorkspaceLocator.resolve(explicit);
        if (!Files.exists(path)) {
            throw new CliException("no workspace at " + path, PaperdeskCli.EXIT_WORKSPACE);
        }
        Map<InstrumentId, Instrument> instruments = new HashMap<>();
        for (Instrument i : RandomWalkFeed.demoInstruments()) {
            instruments.put(i.id(), i);
        }
        for (Instrument i :
                SimulatedMarket.defaultMarket(SessionConfig.DEFAULT_SEED).instruments()) {
            instruments.put(i.id(), i);
        }
        List<Entry> entries = new ArrayList<>();
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(path)) {
            BarStore bars = store.bars();
            Map<InstrumentId, BigDecimal> marks = new HashMap<>();
            for (Portfolio p : store.load().portfolios()) {
                if (p.deleted() || (name != null && !p.name().equalsIgnoreCase(name.strip()))) {
                    continue;
                }
                PortfolioSnapshot s = p.snapshot(
                        id -> marks.computeIfAbsent(id, k -> lastClose(bars, k)),
                        id -> instruments.containsKey(id) ? instruments.get(id).multiplier() : BigDecimal.ONE,
                        PAR_DOLLARS);
                AccountSnapshot a = MarginCalculator.DEFAULT.compute(s, instruments::get, marks::get);
                Map<String, BigDecimal> totals = new TreeMap<>();
                for (LedgerEntry e : store.ledger(p.id())) {
                    totals.merge(e.kind() + " " + e.currency(), e.amount(), BigDecimal::add);
                }
                entries.add(new Entry(s, a, totals));
            }
        }
        if (name != null && entries.isEmpty()) {
            throw new CliException("no portfolio named '" + name.strip() + "' in " + path);
        }
        return new Loaded(entries);
    }

    /** Same currency, or two spellings of the dollar (USD, USDT, USDC), convert at 1; others are unknown. */
    private static final FxRates PAR_DOLLARS = new FxRates() {
        private static final Set<String> DOLLARS = Set.of("USD", "USDT", "USDC");

        @Override
        public Optional<BigDecimal> rate(Currency from, Currency to) {
            if (from.equals(to) || (DOLLARS.contains(from.code()) && DOLLARS.contains(to.code()))) {
                return Optional.of(BigDecimal.ONE);
            }
            return Optional.empty();
        }
    };

    private static BigDecimal lastClose(BarStore bars, InstrumentId id) {
        var key = new BarStore.SeriesKey(id, Timeframe.M1);
        return bars.info(key)
                .map(info -> {
                    List<Bar> last = bars.read(key, info.last(), info.last().plusSeconds(60), 1);
                    return last.isEmpty() ? null : last.get(0).close();
                })
                .orElse(null);
    }

    private static ObjectNode json(Entry e) {
        PortfolioSnapshot s = e.snapshot;
        AccountSnapshot a = e.account;
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", s.id().value());
        n.put("name", s.name());
        n.put("description", s.description());
        n.put("base_currency", s.baseCurrency().code());
        n.put("starting_balance", plain(s.startingBalance()));
        n.put("cost_basis_method", s.costBasisMethod().name());
        n.put("archived", s.archived());
        ArrayNode balances = n.putArray("balances");
        for (CurrencyBalance b : s.balances()) {
            ObjectNode x = balances.addObject();
            x.put("currency", b.currency().code());
            x.put("cash", plain(b.cash()));
            x.put("deposits", plain(b.deposits()));
            x.put("top_ups", plain(b.topUps()));
            x.put("realized_pnl", plain(b.realizedPnl()));
            x.put("fees_paid", plain(b.feesPaid()));
            x.put("funding_paid", plain(b.fundingPaid()));
            x.put("funding_received", plain(b.fundingReceived()));
            x.put("borrow_fees", plain(b.borrowFees()));
            x.put("insurance_credits", plain(b.insuranceCredits()));
            x.put("adl_transfers", plain(b.adlTransfers()));
        }
        ObjectNode acc = n.putObject("account");
        acc.put("equity", plain(a.equity()));
        acc.put("balance", plain(a.balance()));
        acc.put("unrealized_pnl", plain(a.unrealizedPnl()));
        acc.put("realized_pnl", plain(a.realizedPnl()));
        acc.put("used_margin", plain(a.usedMargin()));
        acc.put("maintenance_margin", plain(a.maintenanceMargin()));
        acc.put("free_margin", plain(a.freeMargin()));
        acc.put("margin_level", a.marginLevel() == null ? null : derived(a.marginLevel()));
        acc.put("maintenance_ratio", derived(a.maintenanceRatio()));
        acc.put("warning_level", a.warningLevel().name());
        acc.put("effective_leverage", derived(a.effectiveLeverage()));
        ArrayNode unconvertible = acc.putArray("unconvertible");
        s.unconvertible().forEach(c -> unconvertible.add(c.code()));
        ArrayNode positions = n.putArray("positions");
        for (PositionMarginView p : a.positions()) {
            ObjectNode x = positions.addObject();
            x.put("instrument", p.instrumentId().toString());
            x.put("asset_class", p.assetClass().name());
            x.put("currency", p.currency().code());
            x.put("quantity", plain(p.quantity()));
            x.put("entry_price", plain(p.entryPrice()));
            x.put("mark", plain(p.mark()));
            x.put("unrealized_pnl", plain(p.unrealizedPnl()));
            x.put("margin_mode", p.mode().name());
            x.put("leverage", p.leverage());
            x.put("initial_margin", derived(p.initialMargin()));
            x.put("maintenance_margin", plain(p.maintenanceMargin()));
            x.put("liquidation_price", p.liquidationPrice() == null ? null : derived(p.liquidationPrice()));
        }
        ArrayNode totals = n.putArray("ledger_totals");
        e.ledgerTotals.forEach((k, v) -> {
            String[] parts = k.split(" ");
            ObjectNode x = totals.addObject();
            x.put("kind", parts[0]);
            x.put("currency", parts[1]);
            x.put("amount", plain(v));
        });
        ObjectNode limits = n.putObject("limits");
        limits(a.limits()).forEach((k, l) -> {
            ObjectNode x = limits.putObject(k);
            x.put("threshold", plain(l.threshold()));
            x.put("mode", l.mode().name());
        });
        return n;
    }

    private static Map<String, RiskLimit> limits(RiskLimits l) {
        Map<String, RiskLimit> m = new LinkedHashMap<>();
        m.put("max_position_pct", l.maxPositionPct());
        m.put("daily_loss_pct", l.dailyLossPct());
        m.put("max_open_positions", l.maxOpenPositions());
        m.put("risk_per_trade_pct", l.riskPerTradePct());
        m.put("drawdown_stop_pct", l.drawdownStopPct());
        m.put("correlation", l.correlation());
        return m;
    }

    private static void text(PrintWriter out, Entry e) {
        PortfolioSnapshot s = e.snapshot;
        AccountSnapshot a = e.account;
        String base = s.baseCurrency().code();
        out.printf(
                "Portfolio #%d %s (%s, %s%s)%n",
                s.id().value(), s.name(), base, s.costBasisMethod(), s.archived() ? ", archived" : "");
        if (!s.description().isBlank()) {
            out.printf("  %s%n", s.description());
        }
        out.println("Balances");
        for (CurrencyBalance b : s.balances()) {
            out.printf(
                    "  %-5s cash %s  deposits %s (top-ups %s)  realized %s  fees %s  funding %s  borrow %s%n",
                    b.currency(),
                    money(b.cash()),
                    money(b.deposits()),
                    money(b.topUps()),
                    signed(b.realizedPnl()),
                    money(b.feesPaid()),
                    signed(b.netFunding()),
                    money(b.borrowFees()));
        }
        out.println("Account (" + base + ")");
        out.printf(
                "  equity %s  balance %s  unrealized %s%n",
                money(a.equity()), money(a.balance()), signed(a.unrealizedPnl()));
        out.printf(
                "  used margin %s  free margin %s  margin level %s  maintenance use %s (worst pool, %s)%n",
                money(a.usedMargin()),
                money(a.freeMargin()),
                a.marginLevel() == null ? "n/a" : percent(a.marginLevel()),
                percent(a.maintenanceRatio()),
                a.warningLevel());
        if (!s.unconvertible().isEmpty()) {
            out.printf("  not converted (no rate): %s%n", s.unconvertible());
        }
        out.println("Positions");
        if (a.positions().isEmpty()) {
            out.println("  none");
        } else {
            out.printf(
                    "  %-26s %14s %14s %14s %-8s %5s %14s %14s %14s%n",
                    "INSTRUMENT", "QTY", "ENTRY", "MARK", "MODE", "LEV", "MARGIN", "MAINT", "LIQ PRICE");
            for (PositionMarginView p : a.positions()) {
                out.printf(
                        "  %-26s %14s %14s %14s %-8s %4dx %14s %14s %14s%n",
                        p.instrumentId(),
                        p.quantity().stripTrailingZeros().toPlainString(),
                        money(p.entryPrice()),
                        money(p.mark()),
                        p.mode(),
                        p.leverage(),
                        money(p.initialMargin()),
                        money(p.maintenanceMargin()),
                        p.liquidationPrice() == null ? "-" : money(p.liquidationPrice()));
            }
        }
        out.println("Ledger totals");
        e.ledgerTotals.forEach((k, v) -> out.printf("  %-24s %20s%n", k, money(v)));
        out.println("Limits");
        limits(a.limits())
                .forEach((k, l) -> out.printf(
                        "  %-20s %8s  %s%n",
                        k, l.threshold().stripTrailingZeros().toPlainString(), l.mode()));
        out.println();
    }

    /** Derived figures (quotients) rounded to 8 decimals; booked amounts are printed exactly. */
    private static String derived(BigDecimal v) {
        return plain(v.setScale(8, RoundingMode.HALF_EVEN));
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal v) {
        return String.format(java.util.Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String signed(BigDecimal v) {
        return (v.signum() > 0 ? "+" : "") + money(v);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100))
                        .setScale(2, RoundingMode.HALF_EVEN)
                        .toPlainString() + "%";
    }
}
