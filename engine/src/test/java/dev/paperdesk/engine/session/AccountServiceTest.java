package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.RejectReason;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.portfolio.LimitMode;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.RiskLimits;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import dev.paperdesk.engine.portfolio.margin.AccountRecord.PortfolioEventKind;
import dev.paperdesk.engine.portfolio.margin.PositionMarginView;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Portfolio commands, margin terms, pre-trade checks and borrow fees through the session. */
class AccountServiceTest {
    private static final Instant START = Instant.parse("2026-03-02T12:00:00Z");
    private static final InstrumentId PERP = new InstrumentId("BTC-USDT-PERP", "sim");
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");
    private static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument.Perpetual(
                    PERP,
                    Currency.BTC,
                    Currency.USDT,
                    new BigDecimal("0.1"),
                    new BigDecimal("0.001"),
                    BigDecimal.ONE,
                    8),
            new Instrument.Equity(ACME, new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "x"));

    private static ScriptedFeed feed() {
        return new ScriptedFeed(INSTRUMENTS)
                .mark(Duration.ZERO, PERP, "60000")
                .quote(Duration.ZERO, ACME, "99.99", "100.01")
                .quote(Duration.ofDays(1), ACME, "99.99", "100.01")
                .quote(Duration.ofDays(3), ACME, "99.99", "100.01");
    }

    private static TradingSession open(Path file) {
        return TradingSession.open(
                touchFills(SessionConfig.simulated(file, START, 1).withFeed(feed())));
    }

    @Test
    void portfolioLifecycleKeepsEveryRecord(@TempDir Path dir) {
        Path file = dir.resolve("w.paperdesk");
        PortfolioId id;
        PortfolioId clone;
        try (TradingSession s = open(file)) {
            SessionAccounts a = s.accounts();
            id = TradingSession.await(a.create(new PortfolioSpec(
                    "Growth",
                    "long only",
                    Currency.EUR,
                    new BigDecimal("250000"),
                    PortfolioSettings.defaults(CostBasisMethod.LIFO))));
            assertThat(s.portfolio(id).orElseThrow().cash()).isEqualByComparingTo("250000");
            assertThatThrownBy(() -> TradingSession.await(a.create(PortfolioSpec.of("growth", Currency.USD))))
                    .hasMessageContaining("already exists");
            TradingSession.await(a.topUp(id, new BigDecimal("1000")));
            assertThat(s.portfolio(id).orElseThrow().balances().get(0).topUps()).isEqualByComparingTo("1000");
            TradingSession.await(a.reset(id));
            assertThat(s.portfolio(id).orElseThrow().cash()).isEqualByComparingTo("250000");
            clone = TradingSession.await(a.clonePortfolio(id, "Growth II"));
            assertThat(s.portfolio(clone).orElseThrow().costBasisMethod()).isEqualTo(CostBasisMethod.LIFO);
            assertThat(s.portfolio(clone).orElseThrow().baseCurrency()).isEqualTo(Currency.EUR);
            assertThatThrownBy(() -> TradingSession.await(a.delete(id))).hasMessageContaining("archive portfolio");
            TradingSession.await(a.archive(id, true));
            assertThat(s.portfolio(id).orElseThrow().archived()).isTrue();
            Order refused = TradingSession.await(s.submit(OrderRequest.market(id, ACME, Side.BUY, Quantity.of(1))));
            assertThat(refused.rejection().reason()).isEqualTo(RejectReason.PORTFOLIO_ARCHIVED);
            TradingSession.await(a.updateSettings(
                    clone, "Growth 2", "renamed", PortfolioSettings.DEFAULTS.withLeverage(AssetClass.EQUITY, 2)));
            assertThat(s.portfolio(clone).orElseThrow().name()).isEqualTo("Growth 2");
            assertThat(a.portfolioEvents(id))
                    .extracting(AccountRecord.PortfolioEvent::kind)
                    .containsExactly(
                            PortfolioEventKind.CREATED,
                            PortfolioEventKind.TOPPED_UP,
                            PortfolioEventKind.RESET,
                            PortfolioEventKind.ARCHIVED);
            assertThat(s.ledger(id))
                    .extracting(LedgerEntry::kind)
                    .containsExactly(LedgerKind.DEPOSIT, LedgerKind.TOP_UP, LedgerKind.RESET);
            TradingSession.await(a.delete(id));
            assertThat(s.portfolio(id)).isEmpty();
            assertThat(s.portfolios()).extracting(p -> p.id()).doesNotContain(id);
            // The name is free again; the ledger of the deleted portfolio is still in the workspace.
            PortfolioId again = TradingSession.await(a.create(PortfolioSpec.of("Growth", Currency.USD)));
            assertThat(again.value()).isGreaterThan(clone.value());
            assertThat(s.ledger(id)).hasSize(3);
        }
        try (TradingSession s = open(file)) {
            assertThat(s.portfolio(id)).isEmpty();
            assertThat(s.portfolio(clone).orElseThrow().name()).isEqualTo("Growth 2");
            assertThat(s.accounts().account(clone).orElseThrow().buyingPower().get(AssetClass.EQUITY))
                    .isEqualByComparingTo("500000");
            assertThat(s.accounts().portfolioEvents(id))
                    .extracting(AccountRecord.PortfolioEvent::kind)
                    .endsWith(PortfolioEventKind.DELETED);
            assertThat(s.ledger(id)).hasSize(3);
        }
    }

    @Test
    void isolatedPerpetualsCarryTheirOwnMarginThroughAddsReductionsAndFlips() {
        try (TradingSession s = open(null)) {
            SessionAccounts a = s.accounts();
            PortfolioId id = s.portfolios().get(0).id();
            TradingSession.await(a.setPositionMargin(id, PERP, MarginMode.ISOLATED, 20));
            buy(s, id, Side.BUY, "0.5");
            PositionMarginView v = a.account(id).orElseThrow().position(PERP).orElseThrow();
            assertThat(v.mode()).isEqualTo(MarginMode.ISOLATED);
            // 0.5 × 60,000.1 / 20
            assertThat(v.isolatedMargin()).isEqualByComparingTo("1500.0025");
            buy(s, id, Side.BUY, "0.5");
            assertThat(a.account(id).orElseThrow().position(PERP).orElseThrow().isolatedMargin())
                    .isEqualByComparingTo("3000.005");
            buy(s, id, Side.SELL, "0.25");
            assertThat(a.account(id).orElseThrow().position(PERP).orElseThrow().isolatedMargin())
                    .isEqualByComparingTo("2250.00375");
            buy(s, id, Side.SELL, "1.0");
            PositionMarginView flipped =
                    a.account(id).orElseThrow().position(PERP).orElseThrow();
            assertThat(flipped.quantity()).isEqualByComparingTo("-0.25");
            // The short opened at the bid 59,999.9: 0.25 × 59,999.9 / 20
            assertThat(flipped.isolatedMargin()).isEqualByComparingTo("749.99875");
            assertThatThrownBy(() -> TradingSession.await(a.setPositionMargin(id, PERP, MarginMode.CROSS, 20)))
                    .hasMessageContaining("close the");
            assertThatThrownBy(() -> TradingSession.await(a.setPositionMargin(id, ACME, MarginMode.ISOLATED, 2)))
                    .hasMessageContaining("only perpetual");
            assertThatThrownBy(() -> TradingSession.await(a.setPositionMargin(id, PERP, MarginMode.ISOLATED, 101)))
                    .hasMessageContaining("between 1 and 100");
            buy(s, id, Side.BUY, "0.25");
            assertThat(a.account(id).orElseThrow().position(PERP)).isEmpty();
            TradingSession.await(a.setPositionMargin(id, PERP, MarginMode.CROSS, 10));
            buy(s, id, Side.BUY, "0.5");
            PositionMarginView cross =
                    a.account(id).orElseThrow().position(PERP).orElseThrow();
            assertThat(cross.mode()).isEqualTo(MarginMode.CROSS);
            assertThat(cross.leverage()).isEqualTo(10);
            assertThat(cross.initialMargin()).isEqualByComparingTo("3000.005");
        }
    }

    @Test
    void marginReplacesTheCashCheckAndLimitsWarnOrBlock() {
        try (TradingSession s = open(null)) {
            SessionAccounts a = s.accounts();
            PortfolioId id = TradingSession.await(
                    a.create(new PortfolioSpec("Small", "", Currency.USD, new BigDecimal("10000"), null)));
            List<EngineEvent> events = new ArrayList<>();
            s.addListener(events::add);
            // 300 shares × 100.01 = 30,003 of stock on 10,000 of equity: 4× leverage allows it.
            Order ok = buy(s, id, Side.BUY, "300", ACME);
            assertThat(ok.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(LiquidationScenarioTest.accountEvents(events, AccountEvent.RiskWarnings.class))
                    .singleElement()
                    .satisfies(w -> assertThat(w.warnings().get(0).limit()).isEqualTo("max position size"));
            Order tooBig = buy(s, id, Side.BUY, "200", ACME);
            assertThat(tooBig.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(tooBig.rejection().reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
            assertThat(tooBig.rejection().message())
                    .contains("of margin and fees but only")
                    .contains("USD is free");
            // Reducing is always allowed.
            assertThat(buy(s, id, Side.SELL, "300", ACME).status()).isEqualTo(OrderStatus.FILLED);
            blockMaxPositionSize(a, id);
            Order blocked = buy(s, id, Side.BUY, "30", ACME);
            assertThat(blocked.rejection().reason()).isEqualTo(RejectReason.RISK_LIMIT);
            assertThat(blocked.rejection().message()).startsWith("max position size: ");
            // The quoted size taken by the earlier orders refills with the next quotes.
            s.advance(java.time.Duration.ofMinutes(1));
            Order allowed = buy(s, id, Side.BUY, "20", ACME);
            assertThat(allowed.status()).as("%s", allowed.rejection()).isEqualTo(OrderStatus.FILLED);
        }
    }

    /** Turns the default max-position-size limit of portfolio "Small" from a warning into a block. */
    private static void blockMaxPositionSize(SessionAccounts a, PortfolioId id) {
        RiskLimits blocking = new RiskLimits(
                RiskLimits.DEFAULTS.maxPositionPct().withMode(LimitMode.BLOCK),
                RiskLimits.DEFAULTS.dailyLossPct(),
                RiskLimits.DEFAULTS.maxOpenPositions(),
                RiskLimits.DEFAULTS.riskPerTradePct(),
                RiskLimits.DEFAULTS.drawdownStopPct(),
                RiskLimits.DEFAULTS.correlation());
        TradingSession.await(a.updateSettings(id, "Small", "", PortfolioSettings.DEFAULTS.withLimits(blocking)));
    }

    @Test
    void warningsAreWrittenOnlyForListenersThatFollowAccountsAndRejectionsAlways() {
        try (TradingSession s = open(null)) {
            SessionAccounts a = s.accounts();
            PortfolioId id = TradingSession.await(
                    a.create(new PortfolioSpec("Small", "", Currency.USD, new BigDecimal("10000"), null)));
            List<EngineEvent> events = new ArrayList<>();
            // Like a backtest's strategy host: takes order and fill events, follows neither portfolios
            // nor accounts.
            s.addListener(new EngineListener() {
                @Override
                public void onEvent(EngineEvent event) {
                    events.add(event);
                }

                @Override
                public boolean followsPortfolios() {
                    return false;
                }
            });
            Order ok = buy(s, id, Side.BUY, "300", ACME);
            assertThat(ok.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(EngineEvent.FillBooked.class));
            assertThat(LiquidationScenarioTest.accountEvents(events, AccountEvent.RiskWarnings.class))
                    .isEmpty();
            assertThat(events).noneSatisfy(e -> assertThat(e).isInstanceOf(EngineEvent.PortfolioChanged.class));
            Order tooBig = buy(s, id, Side.BUY, "200", ACME);
            assertThat(tooBig.rejection().reason()).isEqualTo(RejectReason.INSUFFICIENT_FUNDS);
            assertThat(tooBig.rejection().message())
                    .contains("of margin and fees but only")
                    .contains("USD is free");
            assertThat(buy(s, id, Side.SELL, "300", ACME).status()).isEqualTo(OrderStatus.FILLED);
            blockMaxPositionSize(a, id);
            // A blocking limit is checked, and its message written, whoever listens.
            Order blocked = buy(s, id, Side.BUY, "30", ACME);
            assertThat(blocked.rejection().reason()).isEqualTo(RejectReason.RISK_LIMIT);
            assertThat(blocked.rejection().message()).startsWith("max position size: ");
        }
    }

    @Test
    void shortsPayADailyBorrowFeeAndCloseAllFlattens() {
        try (TradingSession s = open(null)) {
            PortfolioId id = s.portfolios().get(0).id();
            TradingSession.await(s.accounts()
                    .updateSettings(
                            id,
                            "Demo",
                            "",
                            PortfolioSettings.DEFAULTS.withBorrowRate("ACME", new BigDecimal("0.0365"))));
            buy(s, id, Side.SELL, "1000", ACME);
            buy(s, id, Side.BUY, "0.1", PERP);
            s.advance(Duration.ofDays(1));
            // 1000 × 100 × 3.65% / 365 = 10.00 per day, at the first price of the new day.
            List<LedgerEntry> borrow = s.ledger(id).stream()
                    .filter(e -> e.kind() == LedgerKind.BORROW)
                    .toList();
            assertThat(borrow).singleElement().satisfies(e -> {
                assertThat(e.amount()).isEqualByComparingTo("-10.00");
                assertThat(e.reference()).isEqualTo("ACME@sim");
            });
            s.advance(Duration.ofDays(2));
            // Two more days elapsed before the next price: both are charged.
            assertThat(s.ledger(id).stream()
                            .filter(e -> e.kind() == LedgerKind.BORROW)
                            .map(LedgerEntry::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("-30.00");
            LiquidationScenarioTest.reconcile(s, id);
            List<Order> closes = TradingSession.await(s.accounts().closeAll(id));
            assertThat(closes).hasSize(2).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.FILLED));
            assertThat(s.portfolio(id).orElseThrow().positions())
                    .allSatisfy(p -> assertThat(p.quantity()).isZero());
            var sizing = TradingSession.await(
                    s.accounts().size(id, ACME, new BigDecimal("1"), new BigDecimal("100"), new BigDecimal("95")));
            assertThat(sizing.quantity()).isPositive();
            assertThat(sizing.riskAmount()).isLessThanOrEqualTo(sizing.riskBudget());
        }
    }

    private static Order buy(TradingSession s, PortfolioId id, Side side, String qty) {
        return buy(s, id, side, qty, PERP);
    }

    private static Order buy(TradingSession s, PortfolioId id, Side side, String qty, InstrumentId instrument) {
        return TradingSession.await(s.submit(OrderRequest.market(id, instrument, side, Quantity.of(qty))));
    }

    /**
     * The scripted feeds quote without depth; these tests check accounting at known prices, so orders
     * fill at the touch with no size-based slippage (the execution models are tested elsewhere).
     */
    static SessionConfig touchFills(SessionConfig config) {
        return config.withFrictionlessFills();
    }
}
