package dev.paperdesk.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.indicator.spec.IndicatorKind;
import dev.paperdesk.engine.indicator.spec.IndicatorSpecParser;
import dev.paperdesk.engine.indicator.spec.SpecParseResult;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamingIndicator#inputs()} tells the truth: an indicator fed NaN in every field it does
 * not declare produces, bar after bar, exactly (bit for bit) what it produces from the whole bar.
 */
class DeclaredInputsTest {
    @Test
    void undeclaredFieldsAreNeverRead() {
        OhlcvArrays b = StreamingBatchEquivalenceTest.randomBars(600, 7);
        int narrower = 0;
        for (IndicatorKind kind : IndicatorKind.values()) {
            StreamingIndicator whole = create(kind);
            StreamingIndicator masked = create(kind);
            int in = masked.inputs();
            assertThat(in & ~StreamingIndicator.ALL)
                    .as("%s declares unknown inputs", kind)
                    .isZero();
            if (in != StreamingIndicator.ALL) {
                narrower++;
            }
            for (int i = 0; i < b.size(); i++) {
                whole.update(b.epochMillis()[i], b.open()[i], b.high()[i], b.low()[i], b.close()[i], b.volume()[i]);
                masked.update(
                        (in & StreamingIndicator.TIME) != 0 ? b.epochMillis()[i] : Long.MIN_VALUE,
                        (in & StreamingIndicator.OPEN) != 0 ? b.open()[i] : Double.NaN,
                        (in & StreamingIndicator.HIGH) != 0 ? b.high()[i] : Double.NaN,
                        (in & StreamingIndicator.LOW) != 0 ? b.low()[i] : Double.NaN,
                        (in & StreamingIndicator.CLOSE) != 0 ? b.close()[i] : Double.NaN,
                        (in & StreamingIndicator.VOLUME) != 0 ? b.volume()[i] : Double.NaN);
                for (int o = 0; o < whole.outputs(); o++) {
                    assertThat(Double.doubleToRawLongBits(masked.value(o)))
                            .as("%s output %d at bar %d", kind, o, i)
                            .isEqualTo(Double.doubleToRawLongBits(whole.value(o)));
                }
            }
        }
        // the moving averages and oscillators of one series declare the close alone
        assertThat(narrower).isGreaterThanOrEqualTo(10);
        assertThat(new Sma(5).inputs()).isEqualTo(StreamingIndicator.CLOSE);
        assertThat(new Atr(5).inputs()).isEqualTo(StreamingIndicator.ALL);
    }

    private static StreamingIndicator create(IndicatorKind kind) {
        return ((SpecParseResult.Parsed) IndicatorSpecParser.parse(kind.token()))
                .specs()
                .get(0)
                .create();
    }
}
