package dev.paperdesk.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The tick and lot check decides as the remainder does, for powers of ten and other units alike. */
class MultipleOfProperties {
    @Property(tries = 3000)
    void decidesAsTheRemainder(
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long unscaled,
            @ForAll @IntRange(min = -6, max = 12) int scale,
            @ForAll @IntRange(min = -4, max = 8) int unitScale,
            @ForAll @IntRange(min = 0, max = 5) int unitKind,
            @ForAll @IntRange(min = 0, max = 3) int trailingZeros) {
        // Units: 10^-k (the quick path), 10^-k written with extra zeros (e.g. 0.0100), and 5, 25, 3 ticks.
        BigDecimal unit =
                switch (unitKind) {
                    case 0, 1 -> BigDecimal.ONE.scaleByPowerOfTen(-unitScale);
                    case 2 -> new BigDecimal(BigInteger.TEN.pow(trailingZeros), unitScale + trailingZeros);
                    case 3 -> new BigDecimal(BigInteger.valueOf(5), unitScale);
                    case 4 -> new BigDecimal(BigInteger.valueOf(25), unitScale);
                    default -> new BigDecimal(BigInteger.valueOf(3), unitScale);
                };
        // Values on the unit's grid half the time, so both answers are exercised.
        BigDecimal value = unscaled % 2 == 0
                ? unit.multiply(BigDecimal.valueOf(unscaled / 2))
                        .setScale(Math.max(unit.scale(), scale) + trailingZeros)
                : BigDecimal.valueOf(unscaled, scale);
        assertThat(Decimals.isMultipleOf(value, unit))
                .as("%s multiple of %s", value, unit)
                .isEqualTo(value.remainder(unit).signum() == 0);
    }

    @Test
    void ticksAndLotsOfTheUsualKind() {
        assertThat(Decimals.isMultipleOf(new BigDecimal("100.05"), new BigDecimal("0.01")))
                .isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("100.050000"), new BigDecimal("0.01")))
                .isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("100.055"), new BigDecimal("0.01")))
                .isFalse();
        assertThat(Decimals.isMultipleOf(new BigDecimal("0.000"), new BigDecimal("1")))
                .isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("500"), new BigDecimal("1E+2")))
                .isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("550"), new BigDecimal("1E+2")))
                .isFalse();
        assertThat(Decimals.isMultipleOf(new BigDecimal("-3"), BigDecimal.ONE)).isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("100.10"), new BigDecimal("0.05")))
                .isTrue();
        assertThat(Decimals.isMultipleOf(new BigDecimal("100.12"), new BigDecimal("0.05")))
                .isFalse();
        assertThat(Price.of("100.05").isOnTick(new BigDecimal("0.01"))).isTrue();
        assertThat(Quantity.of("2.5").isMultipleOf(BigDecimal.ONE)).isFalse();
    }
}
