package dev.paperdesk.engine.execution.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperdesk.engine.model.AssetClass;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionSettingsTest {
    static final Instrument SPOT = new Instrument.CryptoSpot(
            InstrumentId.parse("BTC-USDT@binance"),
            Currency.BTC,
            Currency.of("USDT"),
            new BigDecimal("0.01"),
            new BigDecimal("0.0001"));
    static final Instrument STOCK = new Instrument.Equity(
            InstrumentId.parse("ACME@nasdaq"), new BigDecimal("0.01"), BigDecimal.ONE, Currency.USD, "x");
    static final Instrument OTHER_SPOT = new Instrument.CryptoSpot(
            InstrumentId.parse("BTC-USDT@okx"),
            Currency.BTC,
            Currency.of("USDT"),
            new BigDecimal("0.01"),
            new BigDecimal("0.0001"));

    @Test
    void theMostSpecificScopeWins() {
        ModelSet defaults = ModelSet.paperTrading();
        ModelSet binance = defaults.withSlippage(new SlippageModel.FixedBps(1));
        ModelSet crypto = defaults.withSlippage(new SlippageModel.FixedBps(2));
        ModelSet binanceSpot = defaults.withSlippage(new SlippageModel.FixedBps(3));
        ExecutionSettings s = ExecutionSettings.of(1, defaults)
                .with(new ModelScope("binance", null), binance)
                .with(new ModelScope(null, AssetClass.CRYPTO_SPOT), crypto);
        assertThat(s.resolve(SPOT)).isSameAs(binance);
        assertThat(s.resolve(OTHER_SPOT)).isSameAs(crypto);
        assertThat(s.resolve(STOCK)).isSameAs(defaults);
        s = s.with(ModelScope.parse("binance/CRYPTO_SPOT"), binanceSpot);
        assertThat(s.resolve(SPOT)).isSameAs(binanceSpot);
        assertThat(s.with(ModelScope.parse("binance/CRYPTO_SPOT"), null).resolve(SPOT))
                .isSameAs(binance);
        assertThat(s.with(ModelScope.parse("*"), crypto).defaults()).isSameAs(crypto);
    }

    @Test
    void settingsRoundTripThroughTheirTextForm() {
        ExecutionSettings s = ExecutionSettings.of(99, ModelSet.paperTrading())
                .with(ModelScope.parse("*/EQUITY"), ModelSet.withoutBook(VenueFeeModel.DEFAULT))
                .with(ModelScope.parse("okx/*"), ModelSet.paperTrading().withQueue(new QueueModel.TradeThrough()));
        ExecutionSettings back = ExecutionSettings.parse(s.format());
        assertThat(back.format()).isEqualTo(s.format());
        assertThat(back.seed()).isEqualTo(99);
        assertThat(back.resolve(STOCK).slippage()).isEqualTo(SlippageModel.SizeVsDepth.DEFAULT);
        assertThat(back.scopes()).extracting(e -> e.getKey().label()).containsExactly("*", "okx/*", "*/EQUITY");
    }

    @Test
    void badSettingsNameTheLine() {
        assertThatThrownBy(() -> ExecutionSettings.parse("seed=1\n* | fill=auto; slippage=none\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("missing 'latency='");
        assertThatThrownBy(() ->
                        ExecutionSettings.parse("* | " + ModelSet.paperTrading().spec()))
                .hasMessageContaining("seed=");
        assertThatThrownBy(() -> ModelScope.parse("binance")).hasMessageContaining("venue/CLASS");
        assertThatThrownBy(() -> new ExecutionSettings(
                        1,
                        ModelSet.paperTrading(),
                        java.util.Map.of(new ModelScope(null, null), ModelSet.paperTrading())))
                .hasMessageContaining("defaults");
    }

    @Test
    void assumptionsSayWhatAppliesToEachInstrument() {
        ExecutionSettings s = ExecutionSettings.of(5, ModelSet.paperTrading())
                .with(ModelScope.parse("*/EQUITY"), ModelSet.withoutBook(VenueFeeModel.DEFAULT));
        ModelAssumptions a = s.assumptions(List.of(SPOT, STOCK), i -> i == SPOT ? DataKind.LIVE_BOOK : DataKind.QUOTES);
        assertThat(a.seed()).isEqualTo(5);
        assertThat(a.scopes()).hasSize(2);
        assertThat(a.scopes().get(0).instruments()).containsExactly("BTC-USDT@binance");
        assertThat(a.scopes().get(1).instruments()).containsExactly("ACME@nasdaq");
        assertThat(a.resolvedFillModels())
                .containsExactly("BTC-USDT@binance: LIVE_BOOK → book-walk", "ACME@nasdaq: QUOTES → touch");
        assertThat(a.render())
                .contains("seed 5")
                .contains("scope */EQUITY (1 instruments)")
                .contains("slippage: 2 bps + size/depth × 3 bps, cap 5 bps")
                .contains("latency:  uniform 50–200 ms");
    }

    @Test
    void modelSpecsParseNestedArgumentsAndExplainErrors() {
        ModelSpec s = ModelSpec.parse(" order-type ( market = 2 , inner = fixed(bps=3) ) ");
        assertThat(s.name()).isEqualTo("order-type");
        assertThat(s.number("market", 0)).isEqualTo(2.0);
        assertThat(s.spec("inner").name()).isEqualTo("fixed");
        assertThat(s.number("missing", 7)).isEqualTo(7.0);
        assertThat(ModelSpec.parse("x()").args()).isEmpty();
        assertThatThrownBy(() -> ModelSpec.parse("x(a 1)"))
                .hasMessageContaining("column 5")
                .hasMessageContaining("'='");
        assertThatThrownBy(() -> ModelSpec.parse("x(a=1")).hasMessageContaining("',' or ')'");
        assertThatThrownBy(() -> ModelSpec.parse("x) y")).hasMessageContaining("unexpected ')'");
        assertThatThrownBy(() -> ModelSpec.parse("")).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> ModelSpec.parse("x(a=y(b=1))").number("a", 0)).hasMessageContaining("number");
    }
}
