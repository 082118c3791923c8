package dev.paperdesk.engine.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Top-ups, resets, funding, borrow, insurance and ADL bookings, settings and lifecycle of a portfolio. */
class PortfolioAccountTest {
    static final Instrument PERP = new Instrument.Perpetual(
            new InstrumentId("BTC-USDT-PERP", "sim"),
            Currency.BTC,
            Currency.USDT,
            new BigDecimal("0.1"),
            new BigDecimal("0.001"),
            BigDecimal.ONE,
            8);
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    static Portfolio portfolio() {
        return new Portfolio(
                new PortfolioId(7), "Acct", "desc", Currency.USD, new BigDecimal("10000"), CostBasisMethod.FIFO, T0);
    }

    static Fill fill(Portfolio p, Instrument i, Side side, String qty, String price, String fee) {
        return new Fill(
                new FillId(1),
                new OrderId(1),
                p.id(),
                i.id(),
                side,
                Quantity.of(qty),
                Price.of(price),
                Money.of(fee, i.quoteCurrency()),
                Liquidity.TAKER,
                BigDecimal.ZERO,
                T0);
    }

    static void conserved(Portfolio p) {
        for (CurrencyBalance b : p.balances()) {
            assertThat(b.cash().add(p.costBasis(b.currency())))
                    .as("conservation in %s", b.currency())
                    .isEqualByComparingTo(b.accountedBalance());
        }
    }

    @Test
    void newPortfolioStartsItsRiskMarksAtTheStartingBalance() {
        Portfolio p = portfolio();
        assertThat(p.riskMarks()).isEqualTo(RiskMarks.start(LocalDate.of(2026, 3, 2), new BigDecimal("10000")));
        assertThat(p.settings()).isEqualTo(PortfolioSettings.DEFAULTS);
        assertThat(p.costBasisMethod()).isEqualTo(CostBasisMethod.FIFO);
        assertThat(p.margins()).isEmpty();
        assertThat(p.deleted()).isFalse();
        assertThat(p.account().settings()).isEqualTo(p.settings());
    }

    @Test
    void topUpAddsCashAndDepositsButNoPnl() {
        Portfolio p = portfolio();
        LedgerEntry e = p.topUp(new BigDecimal("2500"), Currency.USD, T0);
        assertThat(e.kind()).isEqualTo(LedgerKind.TOP_UP);
        assertThat(e.amount()).isEqualByComparingTo("2500");
        CurrencyBalance b = p.balance(Currency.USD);
        assertThat(b.cash()).isEqualByComparingTo("12500");
        assertThat(b.deposits()).isEqualByComparingTo("12500");
        assertThat(b.topUps()).isEqualByComparingTo("2500");
        assertThat(b.realizedPnl()).isZero();
        conserved(p);
        assertThatThrownBy(() -> p.topUp(BigDecimal.ZERO, Currency.USD, T0)).hasMessageContaining("must be positive");
    }

    @Test
    void fundingIsBookedSignedAndSplitIntoPaidAndReceived() {
        Portfolio p = portfolio();
        p.applyFill(fill(p, PERP, Side.BUY, "0.5", "60000", "15"), PERP);
        LedgerEntry paid = p.bookFunding(PERP.id(), new BigDecimal("-3"), T0, "paid");
        LedgerEntry received = p.bookFunding(PERP.id(), new BigDecimal("5.9"), T0, "received");
        assertThat(paid.kind()).isEqualTo(LedgerKind.FUNDING);
        assertThat(paid.currency()).isEqualTo(Currency.USDT);
        assertThat(paid.amount()).isEqualByComparingTo("-3");
        assertThat(received.amount()).isEqualByComparingTo("5.9");
        CurrencyBalance b = p.balance(Currency.USDT);
        assertThat(b.fundingPaid()).isEqualByComparingTo("3");
        assertThat(b.fundingReceived()).isEqualByComparingTo("5.9");
        assertThat(b.netFunding()).isEqualByComparingTo("2.9");
        assertThat(b.cash())
                .isEqualByComparingTo(
                        new BigDecimal("-30000").subtract(new BigDecimal("15")).add(new BigDecimal("2.9")));
        conserved(p);
    }

    @Test
    void fundingMovesTheMarginOfAnIsolatedPositionOnly() {
        Portfolio p = portfolio();
        p.applyFill(fill(p, PERP, Side.BUY, "0.5", "60000", "0"), PERP);
        p.setMargin(PERP.id(), new PositionMargin(MarginMode.ISOLATED, 20, new BigDecimal("1500")));
        p.bookFunding(PERP.id(), new BigDecimal("-3"), T0, "paid");
        assertThat(p.margin(PERP.id()).orElseThrow().isolatedMargin()).isEqualByComparingTo("1497");
        p.setMargin(PERP.id(), PositionMargin.cross(20));
        p.bookFunding(PERP.id(), new BigDecimal("-3"), T0, "paid");
        assertThat(p.margin(PERP.id()).orElseThrow().isolatedMargin()).isZero();
    }

    @Test
    void borrowInsuranceAndAdlAreBookedAndConserved() {
        Portfolio p = portfolio();
        Instrument acme = new Instrument.Equity(
                new InstrumentId("ACME", "sim"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "x");
        p.applyFill(fill(p, acme, Side.SELL, "100", "50", "1"), acme);
        LedgerEntry borrow = p.bookBorrowFee(acme.id(), new BigDecimal("0.41"), T0, "borrow");
        assertThat(borrow.kind()).isEqualTo(LedgerKind.BORROW);
        assertThat(borrow.amount()).isEqualByComparingTo("-0.41");
        LedgerEntry ins = p.bookInsuranceCredit(Currency.USD, new BigDecimal("7"), T0, "F1", "cover");
        assertThat(ins.kind()).isEqualTo(LedgerKind.INSURANCE);
        LedgerEntry debit = p.bookAdl(Currency.USD, new BigDecimal("-2"), T0, "F1", "adl");
        assertThat(debit.kind()).isEqualTo(LedgerKind.ADL);
        CurrencyBalance b = p.balance(Currency.USD);
        assertThat(b.borrowFees()).isEqualByComparingTo("0.41");
        assertThat(b.insuranceCredits()).isEqualByComparingTo("7");
        assertThat(b.adlTransfers()).isEqualByComparingTo("-2");
        assertThat(b.cash())
                .isEqualByComparingTo(new BigDecimal("10000")
                        .add(new BigDecimal("5000"))
                        .subtract(BigDecimal.ONE)
                        .subtract(new BigDecimal("0.41"))
                        .add(new BigDecimal("7"))
                        .subtract(new BigDecimal("2")));
        conserved(p);
        assertThatThrownBy(() -> p.bookBorrowFee(acme.id(), new BigDecimal("-1"), T0, "x"))
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> p.bookInsuranceCredit(Currency.USD, BigDecimal.ZERO, T0, "", ""))
                .hasMessageContaining("must be positive");
    }

    @Test
    void resetWipesPositionsAndBucketsAndReturnsEntriesThatKeepTheLedgerEqualToCash() {
        Portfolio p = portfolio();
        p.applyFill(fill(p, PERP, Side.BUY, "0.5", "60000", "15"), PERP);
        p.topUp(new BigDecimal("100"), Currency.USD, T0);
        p.setMargin(PERP.id(), PositionMargin.cross(10));
        BigDecimal usdtBefore = p.balance(Currency.USDT).cash();
        BigDecimal usdBefore = p.balance(Currency.USD).cash();
        List<LedgerEntry> entries = p.reset(T0.plusSeconds(86_400));
        assertThat(entries).allSatisfy(e -> assertThat(e.kind()).isEqualTo(LedgerKind.RESET));
        assertThat(entries)
                .extracting(LedgerEntry::currency, LedgerEntry::amount)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Currency.USD, new BigDecimal("10000").subtract(usdBefore)),
                        org.assertj.core.groups.Tuple.tuple(Currency.USDT, usdtBefore.negate()));
        assertThat(p.positions()).isEmpty();
        assertThat(p.margins()).isEmpty();
        assertThat(p.positionCurrencies()).isEmpty();
        assertThat(p.balance(Currency.USD))
                .isEqualTo(new CurrencyBalance(
                        Currency.USD,
                        new BigDecimal("10000"),
                        new BigDecimal("10000"),
                        BigDecimal.ZERO,
                        BigDecimal.ZERO));
        assertThat(p.balance(Currency.USDT).cash()).isZero();
        assertThat(p.riskMarks().day()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(p.riskMarks().peakEquity()).isEqualByComparingTo("10000");
        conserved(p);
    }

    @Test
    void aResetOfAnUntouchedPortfolioBooksNothing() {
        assertThat(portfolio().reset(T0)).isEmpty();
    }

    @Test
    void settingsRenameArchiveAndDeleteLifecycle() {
        Portfolio p = portfolio();
        p.setSettings(PortfolioSettings.DEFAULTS.withCostBasisMethod(CostBasisMethod.LIFO));
        assertThat(p.costBasisMethod()).isEqualTo(CostBasisMethod.LIFO);
        p.rename("  New name ", null);
        assertThat(p.name()).isEqualTo("New name");
        assertThat(p.description()).isEmpty();
        assertThatThrownBy(() -> p.rename(" ", "x")).hasMessageContaining("must not be blank");
        assertThatThrownBy(p::markDeleted).hasMessageContaining("must be archived");
        p.setArchived(true);
        p.markDeleted();
        assertThat(p.deleted()).isTrue();
        Portfolio copy = p.copy();
        assertThat(copy.deleted()).isTrue();
        assertThat(copy.archived()).isTrue();
        assertThat(copy.costBasisMethod()).isEqualTo(CostBasisMethod.LIFO);
    }

    @Test
    void copyKeepsMarginsAndRiskMarksIndependently() {
        Portfolio p = portfolio();
        p.setMargin(PERP.id(), PositionMargin.cross(50));
        RiskMarks marks = new RiskMarks(LocalDate.of(2026, 3, 2), BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN);
        p.setRiskMarks(marks);
        Portfolio copy = p.copy();
        copy.setMargin(PERP.id(), PositionMargin.cross(5));
        assertThat(p.margin(PERP.id()).orElseThrow().leverage()).isEqualTo(50);
        assertThat(copy.riskMarks()).isEqualTo(marks);
        assertThat(p.margin(new InstrumentId("NONE", "sim"))).isEmpty();
    }

    @Test
    void snapshotCarriesRatesAndAccountTerms() {
        Portfolio p = portfolio();
        p.applyFill(fill(p, PERP, Side.BUY, "0.1", "60000", "0"), PERP);
        PortfolioSnapshot s = p.snapshot(
                i -> new BigDecimal("61000"),
                i -> BigDecimal.ONE,
                (from, to) ->
                        java.util.Optional.of(from.equals(Currency.USDT) ? new BigDecimal("0.999") : BigDecimal.ONE));
        assertThat(s.rates()).containsEntry(Currency.USDT, new BigDecimal("0.999"));
        assertThat(s.rate(Currency.USD)).contains(BigDecimal.ONE);
        assertThat(s.rate(Currency.of("JPY"))).isEmpty();
        assertThat(s.account().settings()).isEqualTo(PortfolioSettings.DEFAULTS);
        assertThat(s.account().marks()).isEqualTo(p.riskMarks());
    }

    @Test
    void restoreWithoutAccountTermsUsesDefaults() {
        Portfolio p = new Portfolio(
                new PortfolioId(3),
                "Old",
                "",
                Currency.EUR,
                new BigDecimal("100"),
                CostBasisMethod.AVERAGE,
                T0,
                true,
                List.of(),
                List.of(),
                Map.of());
        assertThat(p.settings().costBasisMethod()).isEqualTo(CostBasisMethod.AVERAGE);
        assertThat(p.settings().leverage(AssetClass.PERPETUAL)).isEqualTo(100);
        assertThat(p.archived()).isTrue();
        assertThat(p.riskMarks().peakEquity()).isEqualByComparingTo("100");
    }

    @Test
    void basicsAndEdgeCases() {
        Portfolio p = portfolio();
        assertThat(p.cash()).isEqualByComparingTo("10000");
        assertThat(p.description()).isEqualTo("desc");
        assertThat(new Portfolio(
                                new PortfolioId(2),
                                "Zero",
                                null,
                                Currency.USD,
                                BigDecimal.ZERO,
                                CostBasisMethod.FIFO,
                                T0)
                        .cash())
                .isZero();
        assertThatThrownBy(() -> new Portfolio(
                        new PortfolioId(2), "Neg", "", Currency.USD, new BigDecimal("-1"), CostBasisMethod.FIFO, T0))
                .hasMessageContaining("must not be negative");
        p.applyFill(fill(p, PERP, Side.BUY, "0.1", "60000", "0"), PERP);
        assertThat(p.positionCurrencies()).containsEntry(PERP.id(), Currency.USDT);
        LedgerEntry free = p.bookBorrowFee(PERP.id(), BigDecimal.ZERO, T0, "none");
        assertThat(free.amount()).isZero();
        assertThat(Position.flat(PERP.id()).averagePrice(BigDecimal.ONE)).isZero();
        PortfolioSnapshot single = p.snapshot(i -> new BigDecimal("61000"), i -> BigDecimal.ONE);
        // USDT has no identity rate to USD: listed once, left out of the totals.
        assertThat(single.unconvertible()).containsExactly(Currency.USDT);
        assertThat(single.equity()).isEqualByComparingTo("10000");
        assertThat(single.rates()).doesNotContainKey(Currency.USDT);
    }

    /** What the account terms must be: the portfolio's settings, terms and marks right now. */
    private static void accountIsCurrent(Portfolio p) {
        assertThat(p.account()).isEqualTo(new PortfolioAccount(p.settings(), p.margins(), p.riskMarks()));
    }

    @Test
    void accountTermsFollowEveryChangeOfSettingsAndTermsAndAreSharedWhileTheyStay() {
        Portfolio p = portfolio();
        PositionMargin isolated = new PositionMargin(MarginMode.ISOLATED, 10, new BigDecimal("100.00"));
        p.setMargin(PERP.id(), isolated);
        PortfolioAccount before = p.account();
        accountIsCurrent(p);

        // A fill and equal terms set again leave the terms: the frozen account terms are kept, also by copies.
        Portfolio copy = p.copy();
        copy.applyFill(fill(copy, PERP, Side.BUY, "0.5", "60000", "1"), PERP);
        copy.setMargin(PERP.id(), new PositionMargin(MarginMode.ISOLATED, 10, new BigDecimal("100.00")));
        assertThat(copy.account()).isSameAs(before);
        accountIsCurrent(copy);

        // Equal in value but not in scale is another term.
        copy.setMargin(PERP.id(), new PositionMargin(MarginMode.ISOLATED, 10, new BigDecimal("100.0")));
        accountIsCurrent(copy);
        assertThat(copy.account().margins().get(PERP.id()).isolatedMargin()).hasToString("100.0");
        assertThat(p.account()).isSameAs(before); // the source keeps its own

        copy.bookFunding(PERP.id(), new BigDecimal("-2.5"), T0, "funding");
        accountIsCurrent(copy);
        assertThat(copy.account().margins().get(PERP.id()).isolatedMargin()).isEqualByComparingTo("97.5");

        copy.setSettings(copy.settings().withLimits(RiskLimits.DEFAULTS));
        accountIsCurrent(copy);

        copy.reset(T0.plusSeconds(60));
        accountIsCurrent(copy);
        assertThat(copy.account().margins()).isEmpty();
    }
}
