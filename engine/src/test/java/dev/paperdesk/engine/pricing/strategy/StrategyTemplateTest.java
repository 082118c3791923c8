package dev.paperdesk.engine.pricing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.OptionLeg;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.UnderlyingLeg;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StrategyTemplateTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate NEAR = TODAY.plusDays(30);
    private static final LocalDate FAR = TODAY.plusDays(65);
    private static final List<Double> STRIKES =
            IntStream.rangeClosed(16, 24).mapToObj(i -> i * 5.0).toList(); // 80..120
    /** Asks 0.10 above bids, so a buy and a sell of the same contract differ. */
    private static final LegPricing PRICING = (right, strike, expiry, buy) -> {
        double distance = Math.abs(strike - 100.0);
        double mid = Math.max(0.2, 4.0 - 0.35 * distance) + (expiry.equals(FAR) ? 1.5 : 0.0);
        return new LegPrice(buy ? mid + 0.05 : mid - 0.05, 0.25);
    };

    private static TemplateInputs inputs(int width) {
        return new TemplateInputs(101.0, NEAR, STRIKES, FAR, STRIKES, width, 1, 100);
    }

    private static String describe(StrategyLeg leg) {
        return switch (leg) {
            case OptionLeg o -> o.quantity() + " " + o.right() + " " + o.strike()
                    + (o.expiry().equals(FAR) ? " far" : "");
            case UnderlyingLeg u -> u.quantity() + " stock";
        };
    }

    @Test
    void ironCondorSellsTheInnerStrikesAndBuysTheWingsAroundTheMoney() {
        OptionStrategy condor = StrategyTemplate.IRON_CONDOR.build(inputs(1), PRICING);

        assertThat(condor.legs().stream().map(StrategyTemplateTest::describe))
                .containsExactly("1 PUT 90.0", "-1 PUT 95.0", "-1 CALL 105.0", "1 CALL 110.0");
        // sells at the bid, buys at the ask
        OptionLeg shortPut = (OptionLeg) condor.legs().get(1);
        assertThat(shortPut.premium()).isCloseTo(4.0 - 0.35 * 5 - 0.05, within(1e-12));
        assertThat(condor.netPremium()).isNegative();
    }

    @Test
    void widthStepsOverListedStrikes() {
        OptionStrategy wide = StrategyTemplate.IRON_CONDOR.build(inputs(2), PRICING);
        assertThat(wide.optionLegs().stream().map(OptionLeg::strike)).containsExactly(80.0, 90.0, 110.0, 120.0);
        assertThatThrownBy(() -> StrategyTemplate.IRON_CONDOR.build(inputs(3), PRICING))
                .hasMessageContaining("not enough strikes around the money for a width of 3");
    }

    @Test
    void calendarAndDiagonalUseTheFarExpiryAndNeedOne() {
        OptionStrategy calendar = StrategyTemplate.CALENDAR_SPREAD.build(inputs(1), PRICING);
        assertThat(calendar.legs().stream().map(StrategyTemplateTest::describe))
                .containsExactly("-1 CALL 100.0", "1 CALL 100.0 far");
        OptionStrategy diagonal = StrategyTemplate.DIAGONAL_SPREAD.build(inputs(1), PRICING);
        assertThat(diagonal.legs().stream().map(StrategyTemplateTest::describe))
                .containsExactly("-1 CALL 105.0", "1 CALL 100.0 far");
        assertThatThrownBy(() -> StrategyTemplate.CALENDAR_SPREAD.build(
                        TemplateInputs.single(101, NEAR, STRIKES, 1, 1, 100), PRICING))
                .hasMessageContaining("needs a far expiry");
    }

    @Test
    void stockTemplatesHoldOneMultiplierOfSharesPerContract() {
        TemplateInputs three = new TemplateInputs(101.0, NEAR, STRIKES, FAR, STRIKES, 1, 3, 100);
        OptionStrategy collar = StrategyTemplate.COLLAR.build(three, PRICING);
        assertThat(collar.legs().stream().map(StrategyTemplateTest::describe))
                .containsExactly("300 stock", "3 PUT 95.0", "-3 CALL 105.0");
        assertThat(((UnderlyingLeg) collar.legs().get(0)).price()).isEqualTo(101.0);
    }

    @Test
    void everyTemplateHasTheShapeOfRiskItsNameSays() {
        StrategyMarket m = new StrategyMarket(101.0, TODAY, 0.03, 0.0, OptionStyle.AMERICAN);
        var a = StrategyAnalyzer.DEFAULT;
        assertThat(a.analyse(StrategyTemplate.LONG_STRADDLE.build(inputs(1), PRICING), m)
                        .maxProfit()
                        .unlimited())
                .isTrue();
        assertThat(a.analyse(StrategyTemplate.LONG_STRANGLE.build(inputs(1), PRICING), m)
                        .breakevens())
                .hasSize(2);
        assertThat(a.analyse(StrategyTemplate.CALL_BUTTERFLY.build(inputs(1), PRICING), m)
                        .maxLoss()
                        .unlimited())
                .isFalse();
        assertThat(a.analyse(StrategyTemplate.IRON_BUTTERFLY.build(inputs(1), PRICING), m)
                        .isCredit())
                .isTrue();
        assertThat(a.analyse(StrategyTemplate.BEAR_CALL_SPREAD.build(inputs(1), PRICING), m)
                        .isCredit())
                .isTrue();
        assertThat(a.analyse(StrategyTemplate.BULL_PUT_SPREAD.build(inputs(1), PRICING), m)
                        .isCredit())
                .isTrue();
        assertThat(a.analyse(StrategyTemplate.BEAR_PUT_SPREAD.build(inputs(1), PRICING), m)
                        .isCredit())
                .isFalse();
        assertThat(a.analyse(StrategyTemplate.PROTECTIVE_PUT.build(inputs(1), PRICING), m)
                        .maxLoss()
                        .unlimited())
                .isFalse();
        assertThat(a.analyse(StrategyTemplate.COVERED_CALL.build(inputs(1), PRICING), m)
                        .maxProfit()
                        .unlimited())
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(StrategyTemplate.class)
    void everyTemplateBuildsAndAnalysesWithProfitZeroAtItsBreakevens(StrategyTemplate template) {
        StrategyMarket m = new StrategyMarket(101.0, TODAY, 0.03, 0.01, OptionStyle.AMERICAN);
        OptionStrategy s = template.build(inputs(1), PRICING);
        StrategyAnalysis analysis = StrategyAnalyzer.DEFAULT.analyse(s, m);

        assertThat(s.legs()).hasSizeLessThanOrEqualTo(OptionStrategy.MAX_LEGS);
        assertThat(analysis.probabilityOfProfit()).isBetween(0.0, 1.0);
        for (double b : analysis.breakevens()) {
            assertThat(StrategyAnalyzer.DEFAULT.profitAtExpiry(s, m, b)).isCloseTo(0.0, within(1e-4));
        }
    }

    @Test
    void atmIndexPicksTheNearestStrike() {
        assertThat(StrategyTemplate.atmIndex(STRIKES, 101.0)).isEqualTo(4);
        assertThat(StrategyTemplate.atmIndex(STRIKES, 103.0)).isEqualTo(5);
        assertThat(StrategyTemplate.atmIndex(STRIKES, 10.0)).isZero();
    }

    @Test
    void legPriceRejectsNegativePremium() {
        assertThatThrownBy(() -> new LegPrice(-0.01, 0.2)).hasMessageContaining("premium");
        assertThat(OptionRight.values()).hasSize(2);
    }
}
