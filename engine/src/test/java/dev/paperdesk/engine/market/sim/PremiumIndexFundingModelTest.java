package dev.paperdesk.engine.market.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class PremiumIndexFundingModelTest {
    private final PremiumIndexFundingModel model = PremiumIndexFundingModel.DEFAULT;

    @Test
    void smallPremiumsPayTheInterestRate() {
        // |I - P| <= 0.05 %: the clamp passes I - P through, so F = I = 0.01 %.
        assertThat(model.rate(0.0003, 8, 0.0075)).isCloseTo(0.0001, within(1e-15));
        assertThat(model.rate(-0.0003, 8, 0.0075)).isCloseTo(0.0001, within(1e-15));
    }

    @Test
    void largePremiumsPassThroughBeyondTheClamp() {
        assertThat(model.rate(0.002, 8, 0.0075)).isCloseTo(0.0015, within(1e-15));
        assertThat(model.rate(-0.001, 8, 0.0075)).isCloseTo(-0.0005, within(1e-15));
    }

    @Test
    void hourlyVenuesPayAnEighthAndCapsBind() {
        assertThat(model.rate(0.002, 1, 0.04)).isCloseTo(0.0015 / 8, within(1e-15));
        assertThat(model.rate(0.05, 8, 0.0075)).isEqualTo(0.0075);
        assertThat(model.rate(-0.05, 8, 0.0075)).isEqualTo(-0.0075);
    }

    @Test
    void markIsTheMedianOfItsThreeCandidates() {
        // p1 = 100 × (1 + 0.001 × 0.5) = 100.05, p2 = 100 + 0.2 = 100.2, last = 99
        assertThat(PremiumIndexFundingModel.markPrice(100, 0.001, 0.5, 0.2, 99)).isCloseTo(100.05, within(1e-12));
        assertThat(PremiumIndexFundingModel.markPrice(100, 0.001, 0.5, 0.2, 100.1))
                .isCloseTo(100.1, within(1e-12));
    }

    @Property
    void medianLiesBetweenMinAndMax(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double a,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double b,
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double c) {
        double m = PremiumIndexFundingModel.median(a, b, c);
        assertThat(m).isBetween(Math.min(a, Math.min(b, c)), Math.max(a, Math.max(b, c)));
        int equal = (m == a ? 1 : 0) + (m == b ? 1 : 0) + (m == c ? 1 : 0);
        assertThat(equal).isPositive();
        int below = (a < m ? 1 : 0) + (b < m ? 1 : 0) + (c < m ? 1 : 0);
        int above = (a > m ? 1 : 0) + (b > m ? 1 : 0) + (c > m ? 1 : 0);
        assertThat(below).isLessThanOrEqualTo(1);
        assertThat(above).isLessThanOrEqualTo(1);
    }
}
