package dev.paperdesk.engine.report.pdf;

import static dev.paperdesk.engine.report.ReportFixtures.ACME;
import static dev.paperdesk.engine.report.ReportFixtures.PID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.portfolio.LedgerEntry;
import dev.paperdesk.engine.portfolio.LedgerKind;
import dev.paperdesk.engine.report.AccountRecords;
import dev.paperdesk.engine.report.Statement;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A USD account that pays fees in USDT (a crypto pair quoted in USDT) and in BTC: each currency's fees
 * get their own labelled row, converted to USD where the records give a rate, and nothing is left to
 * an unexplained "Other" row.
 */
class StatementCurrenciesTest {
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);
    static final InstrumentId BTC_USDT = new InstrumentId("BTC-USDT", "sim");
    static final InstrumentId ETH_BTC = new InstrumentId("ETH-BTC", "sim");

    static Instant at(String day) {
        return LocalDate.parse(day).atTime(15, 0).toInstant(ZoneOffset.UTC);
    }

    static Fill fill(long id, String day, InstrumentId i, Side side, String qty, String price, Money fee) {
        return new Fill(
                new FillId(id),
                new OrderId(id),
                PID,
                i,
                side,
                Quantity.of(qty),
                Price.of(price),
                fee,
                Liquidity.TAKER,
                BigDecimal.ZERO,
                at(day));
    }

    static AccountRecords records() {
        List<Fill> fills = List.of(
                fill(1, "2026-01-06", ACME, Side.BUY, "10", "100", Money.of("1.00", Currency.USD)),
                fill(2, "2026-01-07", BTC_USDT, Side.BUY, "0.1", "30000", Money.of("3.00", Currency.USDT)),
                fill(3, "2026-01-20", BTC_USDT, Side.SELL, "0.1", "31000", Money.of("3.10", Currency.USDT)),
                fill(4, "2026-01-21", ETH_BTC, Side.BUY, "1", "0.05", Money.of("0.00005", Currency.BTC)));
        List<LedgerEntry> ledger = new ArrayList<>();
        ledger.add(new LedgerEntry(
                PID, at("2026-01-05"), LedgerKind.DEPOSIT, new BigDecimal("10000"), Currency.USD, "", "start"));
        ledger.add(new LedgerEntry(
                PID, at("2026-01-05"), LedgerKind.DEPOSIT, new BigDecimal("5000"), Currency.USDT, "", "start"));
        ledger.add(new LedgerEntry(
                PID, at("2026-01-05"), LedgerKind.DEPOSIT, new BigDecimal("1"), Currency.BTC, "", "start"));
        for (Fill f : fills) {
            BigDecimal cash = f.quantity()
                    .value()
                    .multiply(f.price().value())
                    .multiply(BigDecimal.valueOf(-f.side().sign()));
            Currency c = f.fee().currency();
            ledger.add(new LedgerEntry(PID, f.timestamp(), LedgerKind.TRADE, cash, c, f.id().toString(), ""));
            ledger.add(new LedgerEntry(
                    PID, f.timestamp(), LedgerKind.FEE, f.fee().amount().negate(), c, f.id().toString(), "fee"));
        }
        return new AccountRecords(
                "tests",
                PID,
                "Crypto",
                Currency.USD,
                CostBasisMethod.FIFO,
                List.of(),
                List.of(),
                fills,
                ledger,
                List.of(),
                Map.of(),
                Map.of(),
                at("2026-01-31"));
    }

    @Test
    void feesAreListedPerCurrencyAndConvertedWhereARateIsKnown() {
        Statement s = Statement.of(records(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), ZoneOffset.UTC);
        assertThat(s.flows(LedgerKind.FEE))
                .extracting(f -> f.currency() + " " + f.amount().toPlainString() + " "
                        + (f.converted() ? f.inBase().toPlainString() : "-"))
                .containsExactly("USD -1.00 -1.00", "BTC -0.00005 -", "USDT -6.10 -6.10");
        assertThat(s.flowInBase(LedgerKind.FEE)).isEqualByComparingTo("-7.10");
        assertThat(s.rateToBase(Currency.USDT)).contains(BigDecimal.ONE);
        assertThat(s.rateToBase(Currency.BTC)).isEmpty();
        // USD and USDT deposits, the BTC-USDT round trip (+100) and both fee currencies explain equity exactly.
        assertThat(s.netDeposits()).isEqualByComparingTo("15000");
        assertThat(s.explainedChange()).isEqualByComparingTo(s.changeInEquity());
    }

    @Test
    void theStatementPdfLabelsEveryFeeCurrencyAndShowsTheRate() throws Exception {
        Statement s = Statement.of(records(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31), ZoneOffset.UTC);
        Path pdf = PdfText.sample("statement-currencies.pdf");
        StatementReport.write(s, false, FIXED, pdf);
        String text = PdfText.of(pdf);
        assertThat(text)
                .contains("Fees (USD)")
                .contains("Fees (USDT)")
                .contains("\u22126.10 USDT at 1 USDT = 1.00 USD (par), 2 fills")
                .contains("Fees (BTC)")
                .contains("\u22120.00005 BTC, no BTC/USD rate in the records: not in equity")
                .doesNotContain("Other (");
        // The summary's fee figure is the converted total.
        assertThat(text).contains("Fees").contains("\u22127.10");
    }
}
