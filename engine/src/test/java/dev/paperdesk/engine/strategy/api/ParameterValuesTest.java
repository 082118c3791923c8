package dev.paperdesk.engine.strategy.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValuesTest {
    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.ofInt("fast", 10, 2, 50, 1, "fast"),
            ParameterSpec.ofDecimal("mult", "1.5", "1", "4", "0.25", "multiplier"));

    @Test
    void defaultsAndOverrides() {
        ParameterValues.Resolution r = ParameterValues.resolve(SPECS, Map.of("mult", "2.75"));
        ParameterValues v = ((ParameterValues.Resolution.Resolved) r).values();
        assertThat(v.intValue("fast")).isEqualTo(10);
        assertThat(v.decimal("mult")).isEqualByComparingTo("2.75");
        assertThat(v.toString()).isEqualTo("fast=10, mult=2.75");
        assertThat(v).isEqualTo(ParameterValues.of(SPECS, Map.of("mult", new BigDecimal("2.750"))));
    }

    @Test
    void everyBadValueIsReported() {
        ParameterValues.Resolution r =
                ParameterValues.resolve(SPECS, Map.of("fast", "2.5", "mult", "abc", "slow", "3"));
        assertThat(((ParameterValues.Resolution.Invalid) r).problems())
                .containsExactlyInAnyOrder(
                        "unknown parameter 'slow' (declared: fast, mult)",
                        "parameter 'fast': 2.5 is not a whole number",
                        "parameter 'mult': 'abc' is not a number");
        assertThat(((ParameterValues.Resolution.Invalid) ParameterValues.resolve(SPECS, Map.of("fast", "51")))
                        .problems())
                .containsExactly("parameter 'fast': 51 is outside 2..50");
    }

    @Test
    void declarationsAreChecked() {
        assertThat(SPECS.get(1).gridSize()).isEqualTo(13);
        assertThatThrownBy(() -> ParameterSpec.ofInt("p", 1, 2, 5, 1, "")).hasMessage("p: default 1 is outside 2..5");
        assertThatThrownBy(() -> ParameterSpec.ofDecimal("p", "1", "0", "2", "0", ""))
                .hasMessage("p: step must be positive, was 0");
        assertThatThrownBy(() -> ParameterSpec.ofInt("1p", 1, 0, 5, 1, "")).hasMessageContaining("parameter name");
        assertThatThrownBy(() -> ParameterValues.empty().decimal("x")).hasMessage("no parameter 'x' (declared: )");
    }

    @Test
    void exitLevelsResolveOnTheRightSide() {
        ExitLevel pct = new ExitLevel.FromEntry(new Offset.Percent(new BigDecimal("2")));
        assertThat(pct.resolve(dev.paperdesk.engine.model.Side.BUY, new BigDecimal("50"), false))
                .isEqualByComparingTo("49");
        assertThat(pct.resolve(dev.paperdesk.engine.model.Side.BUY, new BigDecimal("50"), true))
                .isEqualByComparingTo("51");
        assertThat(pct.resolve(dev.paperdesk.engine.model.Side.SELL, new BigDecimal("50"), false))
                .isEqualByComparingTo("51");
        ExitLevel pts = new ExitLevel.FromEntry(new Offset.Points(new BigDecimal("1.5")));
        assertThat(pts.resolve(dev.paperdesk.engine.model.Side.SELL, new BigDecimal("50"), true))
                .isEqualByComparingTo("48.5");
        assertThatThrownBy(() -> new Offset.Percent(new BigDecimal("100")))
                .hasMessage("percent offset must be above 0 and below 100: 100");
    }
}
