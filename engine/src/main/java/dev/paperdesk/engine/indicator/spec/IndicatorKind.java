package dev.paperdesk.engine.indicator.spec;

import dev.paperdesk.engine.indicator.Adx;
import dev.paperdesk.engine.indicator.Atr;
import dev.paperdesk.engine.indicator.BollingerBands;
import dev.paperdesk.engine.indicator.Cci;
import dev.paperdesk.engine.indicator.Dema;
import dev.paperdesk.engine.indicator.Donchian;
import dev.paperdesk.engine.indicator.Ema;
import dev.paperdesk.engine.indicator.Keltner;
import dev.paperdesk.engine.indicator.Macd;
import dev.paperdesk.engine.indicator.Mfi;
import dev.paperdesk.engine.indicator.Obv;
import dev.paperdesk.engine.indicator.ParabolicSar;
import dev.paperdesk.engine.indicator.RateOfChange;
import dev.paperdesk.engine.indicator.Rsi;
import dev.paperdesk.engine.indicator.Sma;
import dev.paperdesk.engine.indicator.Stochastic;
import dev.paperdesk.engine.indicator.StochasticRsi;
import dev.paperdesk.engine.indicator.StreamingIndicator;
import dev.paperdesk.engine.indicator.Tema;
import dev.paperdesk.engine.indicator.Vwap;
import dev.paperdesk.engine.indicator.WilliamsR;
import dev.paperdesk.engine.indicator.Wma;
import java.util.List;
import java.util.function.Function;

/**
 * The indicators a spec token can name, each with its parameters (in token order, with defaults)
 * and the column suffixes of its outputs (empty for the primary output).
 */
public enum IndicatorKind {
    SMA("sma", List.of(Param.period("period", 10)), List.of(""), p -> new Sma(p.i(0))),
    EMA("ema", List.of(Param.period("period", 10)), List.of(""), p -> new Ema(p.i(0))),
    WMA("wma", List.of(Param.period("period", 10)), List.of(""), p -> new Wma(p.i(0))),
    DEMA("dema", List.of(Param.period("period", 10)), List.of(""), p -> new Dema(p.i(0))),
    TEMA("tema", List.of(Param.period("period", 10)), List.of(""), p -> new Tema(p.i(0))),
    RSI("rsi", List.of(Param.period("period", 14)), List.of(""), p -> new Rsi(p.i(0))),
    MACD(
            "macd",
            List.of(Param.period("fast period", 12), Param.period("slow period", 26), Param.period("signal period", 9)),
            List.of(".macd", ".signal", ".hist"),
            p -> new Macd(p.i(0), p.i(1), p.i(2))),
    BBANDS(
            "bbands",
            List.of(Param.period("period", 20), Param.positive("standard deviations", 2)),
            List.of(".upper", ".middle", ".lower"),
            p -> new BollingerBands(p.i(0), p.d(1))),
    ATR("atr", List.of(Param.period("period", 14)), List.of(""), p -> new Atr(p.i(0))),
    ADX("adx", List.of(Param.period("period", 14)), List.of("", ".plus_di", ".minus_di"), p -> new Adx(p.i(0))),
    STOCH(
            "stoch",
            List.of(Param.period("%K period", 14), Param.period("%K smoothing", 3), Param.period("%D smoothing", 3)),
            List.of(".k", ".d"),
            p -> new Stochastic(p.i(0), p.i(1), p.i(2))),
    STOCHRSI(
            "stochrsi",
            List.of(
                    Param.period("RSI period", 14),
                    Param.period("stochastic period", 14),
                    Param.period("%K smoothing", 3),
                    Param.period("%D smoothing", 3)),
            List.of(".k", ".d"),
            p -> new StochasticRsi(p.i(0), p.i(1), p.i(2), p.i(3))),
    CCI("cci", List.of(Param.period("period", 20)), List.of(""), p -> new Cci(p.i(0))),
    WILLR("willr", List.of(Param.period("period", 14)), List.of(""), p -> new WilliamsR(p.i(0))),
    MFI("mfi", List.of(Param.period("period", 14)), List.of(""), p -> new Mfi(p.i(0))),
    OBV("obv", List.of(), List.of(""), p -> new Obv()),
    VWAP(
            "vwap",
            List.of(Param.whole("session start hour (UTC)", 0, 0, 23), Param.whole("session start minute", 0, 0, 59)),
            List.of(""),
            p -> new Vwap(p.i(0) * 60 + p.i(1))),
    DONCHIAN(
            "donchian",
            List.of(Param.period("period", 20)),
            List.of(".upper", ".middle", ".lower"),
            p -> new Donchian(p.i(0))),
    KELTNER(
            "keltner",
            List.of(Param.period("EMA period", 20), Param.positive("ATR multiplier", 2), Param.period("ATR period", 0)),
            List.of(".upper", ".middle", ".lower"),
            // The ATR period defaults to the EMA period.
            p -> new Keltner(p.i(0), p.d(1), p.given(2) ? p.i(2) : p.i(0))),
    PSAR(
            "psar",
            List.of(Param.positive("acceleration", 0.02), Param.positive("maximum acceleration", 0.2)),
            List.of(""),
            p -> new ParabolicSar(p.d(0), p.d(1))),
    ROC("roc", List.of(Param.period("period", 10)), List.of(""), p -> RateOfChange.percent(p.i(0))),
    MOM("mom", List.of(Param.period("period", 10)), List.of(""), p -> RateOfChange.momentum(p.i(0)));

    private final String token;
    private final List<Param> params;
    private final List<String> suffixes;
    private final Function<Params, StreamingIndicator> factory;

    IndicatorKind(
            String token, List<Param> params, List<String> suffixes, Function<Params, StreamingIndicator> factory) {
        this.token = token;
        this.params = params;
        this.suffixes = suffixes;
        this.factory = factory;
    }

    /** The name used in tokens, e.g. {@code "macd"}. */
    public String token() {
        return token;
    }

    /** The parameters, in token order. */
    public List<Param> params() {
        return params;
    }

    /** The column suffix of each output, in output order ({@code ""} for the primary output). */
    public List<String> suffixes() {
        return suffixes;
    }

    /** The kind named {@code name} (case-insensitive), or null. */
    public static IndicatorKind byToken(String name) {
        for (IndicatorKind k : values()) {
            if (k.token.equalsIgnoreCase(name)) {
                return k;
            }
        }
        return null;
    }

    StreamingIndicator create(List<Double> values, int given) {
        return factory.apply(new Params(values, given));
    }

    /**
     * A parameter: its name, default, bounds and whether it must be a whole number. A default of 0
     * on a period means "derived from another parameter".
     */
    public record Param(String name, double defaultValue, double min, double max, boolean whole) {
        static Param period(String name, int defaultValue) {
            return new Param(name, defaultValue, 1, 100_000, true);
        }

        static Param whole(String name, int defaultValue, int min, int max) {
            return new Param(name, defaultValue, min, max, true);
        }

        static Param positive(String name, double defaultValue) {
            return new Param(name, defaultValue, Double.MIN_VALUE, 1e9, false);
        }
    }

    /** Parameter values as the factories read them. */
    record Params(List<Double> values, int given) {
        int i(int index) {
            return (int) (double) values.get(index);
        }

        double d(int index) {
            return values.get(index);
        }

        boolean given(int index) {
            return index < given;
        }
    }
}
