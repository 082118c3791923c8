package dev.paperdesk.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Amounts in check messages read exactly as {@code String.format(Locale.ROOT, "%,.2f", …)} writes them. */
class MoneyTextProperties {
    @Property(tries = 2000)
    void moneyTextEqualsTheFormatters(@ForAll long unscaled, @ForAll @IntRange(min = -3, max = 12) int scale) {
        BigDecimal v = BigDecimal.valueOf(unscaled, scale);
        assertThat(PreTradeChecks.money(v))
                .isEqualTo(String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN)));
    }

    @Property
    void smallAndRoundAmounts(@ForAll @IntRange(min = -100_000, max = 100_000) int cents) {
        BigDecimal v = BigDecimal.valueOf(cents, 2);
        assertThat(PreTradeChecks.money(v))
                .isEqualTo(String.format(Locale.ROOT, "%,.2f", v.setScale(2, RoundingMode.HALF_EVEN)));
    }
}
