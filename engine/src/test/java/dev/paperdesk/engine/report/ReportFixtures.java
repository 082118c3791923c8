package dev.paperdesk.engine.report;

import dev.paperdesk.engine.market.RandomWalkFeed;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Workspaces and records with known trades for report tests. */
public final class ReportFixtures {
    public static final Instant START = Instant.parse("2026-01-05T14:30:00Z");
    public static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    public static final InstrumentId BTC = new InstrumentId("BTC-USD", "sim");
    public static final PortfolioId PID = new PortfolioId(1);

    private ReportFixtures() {}

    /** A simulated session whose market moves once an hour, so weeks of trading replay quickly. */
    public static TradingSession hourlySession(Path file, long seed) {
        SessionConfig config = SessionConfig.simulated(file, START, seed)
                .withFeed(new RandomWalkFeed(
                        seed, RandomWalkFeed.demoInstruments(), new double[] {100, 60_000}, 3_600_000L, 0.006));
        return TradingSession.open(config);
    }

    /**
     * Trades over about six weeks: ACME bought twice, sold in three parts, sold short and covered,
     * bought again; BTC bought and half sold. Leaves ACME 300 and BTC 1 open.
     */
    public static void trade(TradingSession s) {
        PortfolioId pid = s.portfolios().get(0).id();
        market(s, pid, ACME, Side.BUY, "1000");
        market(s, pid, BTC, Side.BUY, "2");
        s.advance(Duration.ofDays(3));
        market(s, pid, ACME, Side.BUY, "500");
        s.advance(Duration.ofDays(7));
        market(s, pid, ACME, Side.SELL, "800");
        s.advance(Duration.ofDays(5));
        market(s, pid, BTC, Side.SELL, "1");
        s.advance(Duration.ofDays(5));
        market(s, pid, ACME, Side.SELL, "700");
        s.advance(Duration.ofDays(5));
        market(s, pid, ACME, Side.SELL, "500");
        s.advance(Duration.ofDays(10));
        market(s, pid, ACME, Side.BUY, "500");
        s.advance(Duration.ofDays(5));
        market(s, pid, ACME, Side.BUY, "300");
        s.advance(Duration.ofDays(3));
    }

    private static void market(TradingSession s, PortfolioId pid, InstrumentId id, Side side, String qty) {
        var order = TradingSession.await(s.submit(OrderRequest.market(pid, id, side, Quantity.of(qty))));
        if (order.rejection() != null) {
            throw new IllegalStateException("fixture order rejected: " + order.rejection());
        }
    }

    /** A fresh workspace file traded with {@link #trade}, closed again. */
    public static Path tradedWorkspace(Path dir) throws Exception {
        Path file = dir.resolve("reports.paperdesk");
        Files.deleteIfExists(file);
        try (TradingSession s = hourlySession(file, 7)) {
            trade(s);
        }
        return file;
    }

    /** A fill built directly, for the lot and tax arithmetic. */
    public static Fill fill(
            long id, String date, InstrumentId instrument, Side side, String qty, String price, String fee) {
        return new Fill(
                new FillId(id),
                new OrderId(id),
                PID,
                instrument,
                side,
                Quantity.of(qty),
                Price.of(price),
                Money.of(fee, Currency.USD),
                Liquidity.TAKER,
                BigDecimal.ZERO,
                java.time.LocalDate.parse(date).atTime(15, 0).toInstant(ZoneOffset.UTC));
    }

    /** Records around hand-built fills, with the matching ledger (deposit, trade cash, fees). */
    public static AccountRecords records(List<Fill> fills, CostBasisMethod method, String deposit) {
        List<LedgerEntry> ledger = new ArrayList<>();
        Instant first = fills.isEmpty() ? START : fills.get(0).timestamp().minusSeconds(3600);
        ledger.add(new LedgerEntry(PID, first, LedgerKind.DEPOSIT, new BigDecimal(deposit), Currency.USD, "", "start"));
        for (Fill f : fills) {
            BigDecimal cash = f.quantity()
                    .value()
                    .multiply(f.price().value())
                    .multiply(BigDecimal.valueOf(-f.side().sign()));
            ledger.add(
                    new LedgerEntry(PID, f.timestamp(), LedgerKind.TRADE, cash, Currency.USD, f.id().toString(), ""));
            if (f.fee().signum() != 0) {
                ledger.add(new LedgerEntry(
                        PID,
                        f.timestamp(),
                        LedgerKind.FEE,
                        f.fee().amount().negate(),
                        Currency.USD,
                        f.id().toString(),
                        "fee"));
            }
        }
        Instant asOf = fills.isEmpty() ? START : fills.get(fills.size() - 1).timestamp();
        return new AccountRecords(
                "tests",
                PID,
                "Tax",
                Currency.USD,
                method,
                List.of(),
                List.of(),
                fills,
                ledger,
                List.of(),
                Map.of(),
                Map.of(),
                asOf);
    }
}
