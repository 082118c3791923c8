package dev.paperdesk.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CurrencyBalance;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.portfolio.PortfolioSettings;
import dev.paperdesk.engine.portfolio.PortfolioSnapshot;
import dev.paperdesk.engine.portfolio.PositionView;
import dev.paperdesk.engine.portfolio.margin.AccountRecord;
import dev.paperdesk.engine.portfolio.margin.WarningLevel;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leveraged perpetual through two funding settlements and a crash: warnings at 80, 90 and 95% of
 * maintenance, partial then full liquidation, the insurance fund and auto-deleveraging; the
 * ledger, the fund and the history reconcile exactly, also after reopening the workspace.
 */
class LiquidationScenarioTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final InstrumentId PERP = new InstrumentId("BTC-USDT-PERP", "sim");
    private static final Instrument BTC_PERP = new Instrument.Perpetual(
            PERP, Currency.BTC, Currency.USDT, new BigDecimal("0.1"), new BigDecimal("0.001"), BigDecimal.ONE, 8);

    private static ScriptedFeed crash() {
        ScriptedFeed feed = new ScriptedFeed(List.of(BTC_PERP))
                .mark(Duration.ZERO, PERP, "60000")
                .funding(Duration.ofHours(8), PERP, "0.0001", "60000")
                .mark(Duration.ofHours(10), PERP, "59000")
                .funding(Duration.ofHours(16), PERP, "-0.0002", "59000")
                .mark(Duration.ofHours(20), PERP, "45000");
        Duration t = Duration.ofHours(21);
        for (int p = 40600; p >= 40300; p -= 10) {
            feed.mark(t, PERP, Integer.toString(p));
            t = t.plusMinutes(1);
        }
        return feed.mark(Duration.ofHours(23), PERP, "39000");
    }

    @Test
    void fundingThenCrashLiquidatesPartiallyThenFullyAndEverythingReconciles(@TempDir Path dir) {
        Path file = dir.resolve("scenario.paperdesk");
        List<EngineEvent> events = new ArrayList<>();
        PortfolioId lev;
        PortfolioId demo;
        Map<Currency, BigDecimal> fundAtClose;
        List<AccountRecord.Liquidation> liquidationsAtClose;
        try (TradingSession s = TradingSession.open(AccountServiceTest.touchFills(
                SessionConfig.simulated(file, START, 1).withFeed(crash())))) {
            s.addListener(events::add);
            demo = s.portfolios().get(0).id();
            lev = TradingSession.await(s.accounts()
                    .create(new PortfolioSpec(
                            "Lev",
                            "10k cross perp",
                            Currency.USD,
                            new BigDecimal("10000"),
                            PortfolioSettings.DEFAULTS)));
            Order open = TradingSession.await(s.submit(OrderRequest.market(lev, PERP, Side.BUY, Quantity.of("0.5"))));
            assertThat(open.status()).isEqualTo(OrderStatus.FILLED);
            Order counter =
                    TradingSession.await(s.submit(OrderRequest.market(demo, PERP, Side.SELL, Quantity.of("0.1"))));
            assertThat(counter.status()).isEqualTo(OrderStatus.FILLED);
            // 30,000 USDT of notional on 10,000 of equity: the max-position-size limit warns (default mode).
            assertThat(accountEvents(events, AccountEvent.RiskWarnings.class))
                    .anySatisfy(w -> assertThat(w.warnings().get(0).limit()).isEqualTo("max position size"));
            var account = s.accounts().account(lev).orElseThrow();
            assertThat(account.positions()).singleElement().satisfies(p -> {
                assertThat(p.leverage()).isEqualTo(100);
                assertThat(p.maintenanceMargin()).isEqualByComparingTo("150.00025");
            });

            s.advance(Duration.ofHours(24));

            // Funding: longs pay at +0.01%, receive at −0.02%; the short the other way round.
            assertThat(s.accounts().fundingHistory(lev))
                    .extracting(AccountRecord.FundingPayment::amount)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("-3.00000"), new BigDecimal("5.90000"));
            assertThat(s.accounts().fundingHistory(demo))
                    .extracting(AccountRecord.FundingPayment::amount)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.6"), new BigDecimal("-1.18"));

            // Warnings climb 80 → 90 → 95 → breach on the cross pool before the first liquidation.
            List<WarningLevel> firstClimb = new ArrayList<>();
            for (AccountRecord.MarginEvent e : s.accounts().marginHistory(lev)) {
                if (firstClimb.contains(WarningLevel.LIQUIDATION)) {
                    break;
                }
                firstClimb.add(e.level());
            }
            assertThat(firstClimb)
                    .containsExactly(
                            WarningLevel.WARNING_80,
                            WarningLevel.WARNING_90,
                            WarningLevel.WARNING_95,
                            WarningLevel.LIQUIDATION);
            assertThat(accountEvents(events, AccountEvent.MarginWarning.class))
                    .extracting(AccountEvent.MarginWarning::level)
                    .contains(WarningLevel.WARNING_80, WarningLevel.WARNING_90, WarningLevel.WARNING_95);

            List<AccountRecord.Liquidation> liquidations = s.accounts().liquidations(lev);
            assertThat(liquidations).hasSizeGreaterThanOrEqualTo(2);
            assertThat(liquidations.get(0).kind()).isEqualTo(AccountRecord.LiquidationKind.PARTIAL);
            assertThat(liquidations.get(liquidations.size() - 1).kind()).isEqualTo(AccountRecord.LiquidationKind.FULL);
            // A partial step brings the pool back below the first warning level.
            assertThat(liquidations.get(0).ratioBefore()).isGreaterThanOrEqualTo(BigDecimal.ONE);
            PortfolioSnapshot levAfter = s.portfolio(lev).orElseThrow();
            assertThat(levAfter.positions())
                    .allSatisfy(p -> assertThat(p.quantity()).isZero());

            // The crash gapped through the bankruptcy price: the fund paid what it had, ADL the rest.
            AccountRecord.Liquidation last = liquidations.get(liquidations.size() - 1);
            assertThat(last.shortfall()).isPositive();
            assertThat(last.insuranceCover()).isPositive();
            assertThat(last.adlCover()).isPositive();
            assertThat(last.uncovered()).isZero();
            assertThat(last.shortfall())
                    .isEqualByComparingTo(last.insuranceCover().add(last.adlCover()));
            // Loss capped at the account: equity is exactly zero after the shortfall was covered.
            assertThat(levAfter.equity()).isZero();

            BigDecimal fees =
                    liquidations.stream().map(AccountRecord.Liquidation::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal covered = liquidations.stream()
                    .map(AccountRecord.Liquidation::insuranceCover)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal fund = s.accounts().insuranceFund().getOrDefault(Currency.USDT, BigDecimal.ZERO);
            assertThat(fund).isEqualByComparingTo(fees.subtract(covered)).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(s.accounts().insuranceFundHistory().stream()
                            .map(AccountRecord.InsuranceFundEntry::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(fund);
            assertThat(ledgerTotal(s.ledger(lev), LedgerKind.LIQUIDATION_FEE)).isEqualByComparingTo(fees.negate());
            assertThat(ledgerTotal(s.ledger(lev), LedgerKind.INSURANCE)).isEqualByComparingTo(covered);
            BigDecimal adl = ledgerTotal(s.ledger(demo), LedgerKind.ADL);
            assertThat(adl).isEqualByComparingTo(last.adlCover().negate());
            assertThat(ledgerTotal(s.ledger(lev), LedgerKind.ADL)).isEqualByComparingTo(last.adlCover());

            // Liquidation trades are ordinary fills of orders tagged LIQUIDATION.
            List<Order> liquidationOrders = s.orders().stream()
                    .filter(o -> o.request().tag().equals(AccountService.LIQUIDATION_TAG))
                    .toList();
            assertThat(liquidationOrders).hasSize(liquidations.size()).allSatisfy(o -> assertThat(o.status())
                    .isEqualTo(OrderStatus.FILLED));
            assertThat(accountEvents(events, AccountEvent.Liquidated.class)).hasSize(liquidations.size());

            reconcile(s, lev);
            reconcile(s, demo);
            fundAtClose = s.accounts().insuranceFund();
            liquidationsAtClose = liquidations;
        }
        try (TradingSession reopened = TradingSession.open(AccountServiceTest.touchFills(
                SessionConfig.simulated(file, START, 1).withFeed(new ScriptedFeed(List.of(BTC_PERP)))))) {
            assertThat(reopened.accounts().insuranceFund()).isEqualTo(fundAtClose);
            assertThat(reopened.accounts().liquidations(lev)).isEqualTo(liquidationsAtClose);
            assertThat(reopened.accounts().fundingHistory(lev)).hasSize(2);
            reconcile(reopened, lev);
            reconcile(reopened, demo);
        }
    }

    /** Ledger sums to cash, and cash + cost basis = the bucket's accounted balance, per currency, exactly. */
    static void reconcile(TradingSession s, PortfolioId id) {
        PortfolioSnapshot snap = s.portfolio(id).orElseThrow();
        Map<Currency, BigDecimal> ledger = s.ledger(id).stream()
                .collect(Collectors.groupingBy(
                        LedgerEntry::currency,
                        Collectors.reducing(BigDecimal.ZERO, LedgerEntry::amount, BigDecimal::add)));
        for (CurrencyBalance b : snap.balances()) {
            assertThat(ledger.getOrDefault(b.currency(), BigDecimal.ZERO))
                    .as("ledger of %s in %s", id, b.currency())
                    .isEqualByComparingTo(b.cash());
            BigDecimal cost = snap.positions().stream()
                    .filter(p -> p.currency().equals(b.currency()))
                    .map(PositionView::costBasis)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(b.cash().add(cost))
                    .as("conservation of %s in %s", id, b.currency())
                    .isEqualByComparingTo(b.accountedBalance());
        }
    }

    private static BigDecimal ledgerTotal(List<LedgerEntry> ledger, LedgerKind kind) {
        return ledger.stream()
                .filter(e -> e.kind() == kind)
                .map(LedgerEntry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static <T extends AccountEvent> List<T> accountEvents(List<EngineEvent> events, Class<T> kind) {
        return events.stream()
                .filter(e -> e instanceof EngineEvent.Account)
                .map(e -> ((EngineEvent.Account) e).event())
                .filter(kind::isInstance)
                .map(kind::cast)
                .toList();
    }
}
