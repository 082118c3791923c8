package dev.paperdesk.engine.execution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.execution.FeeModel;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Liquidity;
import dev.paperdesk.engine.model.Money;
import dev.paperdesk.engine.model.Price;
import dev.paperdesk.engine.model.Quantity;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class VenueFeeModelTest {
    private static final VenueFeeModel FEES = VenueFeeModel.DEFAULT;
    private static final Instrument BINANCE_SPOT = new Instrument.CryptoSpot(
            InstrumentId.parse("BTC-USDT@binance"),
            Currency.BTC,
            Currency.of("USDT"),
            new BigDecimal("0.01"),
            new BigDecimal("0.0001"));
    private static final Instrument BYBIT_PERP = new Instrument.Perpetual(
            InstrumentId.parse("BTC-USDT-PERP@bybit"),
            Currency.BTC,
            Currency.of("USDT"),
            new BigDecimal("0.1"),
            new BigDecimal("0.001"),
            BigDecimal.ONE,
            8);
    private static final Instrument STOCK = new Instrument.Equity(
            InstrumentId.parse("ACME@nasdaq"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "x");
    private static final Instrument OPTION = new Instrument.OptionContract(
            InstrumentId.parse("ACME-C100@opra"),
            InstrumentId.parse("ACME@nasdaq"),
            Instrument.OptionRight.CALL,
            Instrument.OptionStyle.AMERICAN,
            new BigDecimal("100"),
            LocalDate.of(2026, 6, 19),
            Currency.USD,
            new BigDecimal("0.01"),
            BigDecimal.ONE,
            new BigDecimal("100"));
    private static final Instrument UNKNOWN_VENUE = new Instrument.CryptoSpot(
            InstrumentId.parse("ETH-USD@elsewhere"),
            Currency.of("ETH"),
            Currency.USD,
            new BigDecimal("0.01"),
            new BigDecimal("0.001"));

    private static Money fee(Instrument i, String qty, String price, Liquidity l) {
        return FEES.fee(i, Quantity.of(qty), Price.of(price), l);
    }

    @Test
    void makerAndTakerRatesComeFromTheVenue() {
        // binance spot: 10 bps either way; 1 BTC at 60,000 = 60 USDT.
        assertThat(fee(BINANCE_SPOT, "1", "60000", Liquidity.TAKER).amount()).isEqualByComparingTo("60.00");
        // bybit perpetual: maker 2 bps, taker 5.5 bps.
        assertThat(fee(BYBIT_PERP, "1", "60000", Liquidity.MAKER).amount()).isEqualByComparingTo("12.00");
        assertThat(fee(BYBIT_PERP, "1", "60000", Liquidity.TAKER).amount()).isEqualByComparingTo("33.00");
        assertThat(fee(UNKNOWN_VENUE, "10", "1000", Liquidity.TAKER).amount()).isEqualByComparingTo("5.00");
        assertThat(fee(UNKNOWN_VENUE, "10", "1000", Liquidity.MAKER).amount()).isEqualByComparingTo("2.00");
    }

    @Test
    void equitiesPayPerShareWithAMinimumPerOrderAndOptionsPerContract() {
        assertThat(fee(STOCK, "100", "50", Liquidity.TAKER).amount()).isEqualByComparingTo("1.00");
        assertThat(fee(STOCK, "1000", "50", Liquidity.TAKER).amount()).isEqualByComparingTo("5.00");
        assertThat(fee(OPTION, "3", "2.50", Liquidity.TAKER).amount()).isEqualByComparingTo("1.95");
        // The minimum is per order: a second fill only tops up what the first has not paid.
        Money first = FEES.fee(STOCK, Quantity.of(50), Price.of("50"), Liquidity.TAKER, Money.zero(Currency.USD));
        Money second = FEES.fee(STOCK, Quantity.of(50), Price.of("50"), Liquidity.TAKER, first);
        assertThat(first.amount()).isEqualByComparingTo("1.00");
        assertThat(second.amount()).isEqualByComparingTo("0.25");
    }

    @Test
    void aGeneralMinimumPerOrderAndRebatesAreNeverPaidOut() {
        VenueFeeModel withMin = new VenueFeeModel(
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ONE,
                new BigDecimal("2"));
        assertThat(withMin.fee(UNKNOWN_VENUE, Quantity.of("0.001"), Price.of("1000"), Liquidity.TAKER)
                        .amount())
                .isEqualByComparingTo("2.00");
        // nasdaq pays a 0.2 bps maker rebate; the fee floor is zero.
        Instrument onNasdaq = new Instrument.CryptoSpot(
                InstrumentId.parse("ETH-USD@nasdaq"),
                Currency.of("ETH"),
                Currency.USD,
                new BigDecimal("0.01"),
                BigDecimal.ONE);
        assertThat(fee(onNasdaq, "100", "100", Liquidity.MAKER).amount()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> new VenueFeeModel(
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        new BigDecimal("-1"),
                        BigDecimal.ONE,
                        BigDecimal.ZERO))
                .hasMessageContaining("non-negative");
    }

    @Test
    void specsRoundTrip() {
        assertThat(FeeModels.parse(FEES.spec())).isEqualTo(FEES);
        assertThat(FeeModels.parse(StandardFeeModel.DEFAULT.spec())).isEqualTo(StandardFeeModel.DEFAULT);
        assertThat(FeeModels.parse("none")).isSameAs(FeeModel.NONE);
        assertThat(((VenueFeeModel) FeeModels.parse("venue(min=1.5)")).minimumPerOrder())
                .isEqualByComparingTo("1.5");
        assertThat(FEES.describe()).contains("per venue").contains("0.65/contract");
        assertThatThrownBy(() -> FeeModels.parse("venue(min=abc)")).hasMessageContaining("decimal number");
        assertThatThrownBy(() -> FeeModels.parse("flat")).hasMessageContaining("unknown fee model");
    }
}
