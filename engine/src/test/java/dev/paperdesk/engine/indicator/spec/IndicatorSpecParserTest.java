package dev.paperdesk.engine.indicator.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.indicator.Adx;
import dev.paperdesk.engine.indicator.Keltner;
import dev.paperdesk.engine.indicator.Macd;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorSpecParserTest {

    private static List<IndicatorSpec> parsed(String text) {
        SpecParseResult r = IndicatorSpecParser.parseList(text);
        assertThat(r).isInstanceOf(SpecParseResult.Parsed.class);
        return ((SpecParseResult.Parsed) r).specs();
    }

    private static SpecParseResult.Invalid invalid(String text) {
        SpecParseResult r = IndicatorSpecParser.parseList(text);
        assertThat(r).isInstanceOf(SpecParseResult.Invalid.class);
        return (SpecParseResult.Invalid) r;
    }

    @Test
    void everyDocumentedTokenParsesToItsColumns() {
        List<IndicatorSpec> specs = parsed("sma:10,ema:20,rsi:14,macd:12:26:9,bbands:20:2,stoch:14:3:3,adx:14,atr:14,"
                + "cci:20,willr:14,mfi:14,obv,vwap,donchian:20,keltner:20:2,psar:0.02:0.2,roc:10,mom:10,wma:10,"
                + "dema:10,tema:10,stochrsi:14:14:3:3");
        assertThat(specs.stream().flatMap(s -> s.columns().stream()))
                .containsExactly(
                        "sma_10",
                        "ema_20",
                        "rsi_14",
                        "macd_12_26_9.macd",
                        "macd_12_26_9.signal",
                        "macd_12_26_9.hist",
                        "bbands_20_2.upper",
                        "bbands_20_2.middle",
                        "bbands_20_2.lower",
                        "stoch_14_3_3.k",
                        "stoch_14_3_3.d",
                        "adx_14",
                        "adx_14.plus_di",
                        "adx_14.minus_di",
                        "atr_14",
                        "cci_20",
                        "willr_14",
                        "mfi_14",
                        "obv",
                        "vwap",
                        "donchian_20.upper",
                        "donchian_20.middle",
                        "donchian_20.lower",
                        "keltner_20_2.upper",
                        "keltner_20_2.middle",
                        "keltner_20_2.lower",
                        "psar_0.02_0.2",
                        "roc_10",
                        "mom_10",
                        "wma_10",
                        "dema_10",
                        "tema_10",
                        "stochrsi_14_14_3_3.k",
                        "stochrsi_14_14_3_3.d");
        for (IndicatorSpec s : specs) {
            assertThat(s.create().outputs()).as(s.token()).isEqualTo(s.columns().size());
        }
    }

    @Test
    void parametersReachTheIndicatorAndDefaultsFillTheRest() {
        IndicatorSpec macd = parsed(" MACD : 5 : 35 : 5 ").get(0);
        assertThat(macd.token()).isEqualTo("macd:5:35:5");
        assertThat(macd.create().lookback()).isEqualTo(new Macd(5, 35, 5).lookback());
        assertThat(parsed("macd").get(0).params()).containsExactly(12.0, 26.0, 9.0);
        assertThat(parsed("adx").get(0).create().lookback(Adx.ADX)).isEqualTo(27);
        // keltner's ATR period defaults to its EMA period
        assertThat(parsed("keltner:20:2").get(0).create().lookback(Keltner.MIDDLE))
                .isEqualTo(20);
        assertThat(parsed("keltner:20:2:10").get(0).create().lookback(Keltner.MIDDLE))
                .isEqualTo(19);
        assertThat(parsed("vwap:14:30").get(0).columns()).containsExactly("vwap_14_30");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "foo:3|foo:3|unknown indicator 'foo'",
                "rsi:x|rsi:x|parameter 1 (period) 'x' is not a number",
                "rsi:0|rsi:0|parameter 1 (period) must be between 1 and 100000, was 0",
                "sma:2.5|sma:2.5|parameter 1 (period) must be a whole number, was 2.5",
                "rsi:14:3|rsi:14:3|rsi takes at most 1 parameters: period",
                "obv:3|obv:3|obv takes no parameters",
                "macd:26:12:9|macd:26:12:9|MACD fast period must be less than the slow period",
                "bbands:20:-2|bbands:20:-2|parameter 2 (standard deviations) must be positive",
                "psar:0.3:0.2|psar:0.3:0.2|SAR acceleration must not exceed the maximum",
                "vwap:24:00|vwap:24:00|parameter 1 (session start hour (UTC)) must be between 0 and 23",
                "rsi:NaN|rsi:NaN|is not a number",
                "rsi:14d|rsi:14d|is not a number",
                "sma:10,,rsi:14|''|empty token",
                "sma:10,sma:10|sma:10|listed twice"
            })
    void badTokensAreNamedWithTheirProblem(String list, String token, String problem) {
        SpecParseResult.Invalid r = invalid(list);
        assertThat(r.token()).isEqualTo(token);
        assertThat(r.problem()).contains(problem);
        assertThat(r.message()).startsWith("indicator '" + token + "': ");
    }

    @Test
    void anEmptyListIsRejected() {
        assertThat(invalid("  ").problem()).isEqualTo("no indicator given");
    }
}
