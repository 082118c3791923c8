package dev.paperdesk.engine.pricing.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.Instrument.OptionStyle;
import dev.paperdesk.engine.pricing.option.BlackScholesEuropeanPricer;
import dev.paperdesk.engine.pricing.option.OptionInputs;
import dev.paperdesk.engine.pricing.option.OptionValuation;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.OptionLeg;
import dev.paperdesk.engine.pricing.strategy.StrategyLeg.UnderlyingLeg;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrategyAnalyzerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate EXPIRY = TODAY.plusDays(30);
    private static final StrategyMarket MARKET = new StrategyMarket(100.0, TODAY, 0.0, 0.0, OptionStyle.EUROPEAN);
    private static final StrategyAnalyzer ANALYZER = StrategyAnalyzer.DEFAULT;

    private static OptionLeg call(double strike, int qty, double premium) {
        return new OptionLeg(OptionRight.CALL, strike, EXPIRY, qty, premium, 0.20);
    }

    private static OptionLeg put(double strike, int qty, double premium) {
        return new OptionLeg(OptionRight.PUT, strike, EXPIRY, qty, premium, 0.20);
    }

    private static OptionStrategy strategy(StrategyLeg... legs) {
        return new OptionStrategy("test", List.of(legs), 100.0);
    }

    @Test
    void ironCondorMaxProfitIsTheCreditAndMaxLossTheWingLessTheCredit() {
        // credit per unit: 1.50 + 1.40 − 0.50 − 0.40 = 2.00, ×100 = 200
        OptionStrategy condor = strategy(put(90, 1, 0.50), put(95, -1, 1.50), call(105, -1, 1.40), call(110, 1, 0.40));

        StrategyAnalysis a = ANALYZER.analyse(condor, MARKET, 0.20);

        assertThat(a.netPremium()).isCloseTo(-200.0, within(1e-9));
        assertThat(a.isCredit()).isTrue();
        assertThat(a.maxProfit()).isEqualTo(new Bound.Limited(200.0));
        assertThat(a.maxLoss().unlimited()).isFalse();
        assertThat(a.maxLoss().amount()).isCloseTo(300.0, within(1e-9)); // (5 − 2) × 100
        assertThat(a.breakevens()).hasSize(2);
        assertThat(a.breakevens().get(0)).isCloseTo(93.0, within(1e-6)); // short put − credit
        assertThat(a.breakevens().get(1)).isCloseTo(107.0, within(1e-6)); // short call + credit
        // P(93 < S_T < 107) for a lognormal with σ = 20%, T = 30/365, r = q = 0, worked out separately
        assertThat(a.probabilityOfProfit()).isCloseTo(0.77856, within(1e-4));
        assertThat(a.horizon()).isEqualTo(EXPIRY);
    }

    @Test
    void longStraddleBreaksEvenAtTheStrikePlusOrMinusTheDebitAndHasUnlimitedProfit() {
        OptionStrategy straddle = strategy(call(100, 1, 3.00), put(100, 1, 2.50));

        StrategyAnalysis a = ANALYZER.analyse(straddle, MARKET, 0.20);

        assertThat(a.netPremium()).isCloseTo(550.0, within(1e-9));
        assertThat(a.breakevens()).hasSize(2);
        assertThat(a.breakevens().get(0)).isCloseTo(94.5, within(1e-6));
        assertThat(a.breakevens().get(1)).isCloseTo(105.5, within(1e-6));
        assertThat(a.maxProfit().unlimited()).isTrue();
        assertThat(a.maxLoss()).isEqualTo(new Bound.Limited(550.0));
        assertThat(a.probabilityOfProfit()).isCloseTo(0.33696, within(1e-4));
    }

    @Test
    void bullCallSpreadIsBoundedBothWays() {
        OptionStrategy spread = strategy(call(100, 1, 3.00), call(105, -1, 1.00));

        StrategyAnalysis a = ANALYZER.analyse(spread, MARKET, 0.20);

        assertThat(a.netPremium()).isCloseTo(200.0, within(1e-9));
        assertThat(a.maxProfit().amount()).isCloseTo(300.0, within(1e-9));
        assertThat(a.maxLoss().amount()).isCloseTo(200.0, within(1e-9));
        assertThat(a.breakevens()).singleElement().satisfies(b -> assertThat(b).isCloseTo(102.0, within(1e-6)));
    }

    @Test
    void coveredCallLosesDownToAZeroStockAndCapsTheUpside() {
        OptionStrategy covered = strategy(new UnderlyingLeg(100, 100.0), call(105, -1, 1.50));

        StrategyAnalysis a = ANALYZER.analyse(covered, MARKET, 0.20);

        assertThat(a.netPremium()).isCloseTo(100 * 100.0 - 150.0, within(1e-9));
        assertThat(a.maxProfit().amount()).isCloseTo(650.0, within(1e-6)); // (105 − 100 + 1.50) × 100
        assertThat(a.maxLoss().amount()).isCloseTo(9850.0, within(1e-6)); // (100 − 1.50) × 100
        assertThat(a.breakevens()).singleElement().satisfies(b -> assertThat(b).isCloseTo(98.5, within(1e-6)));
        // 100 shares, less the short call's delta
        assertThat(a.greeks().delta()).isBetween(50.0, 100.0);
    }

    @Test
    void nakedShortCallHasUnlimitedLossAndProtectivePutALimitedOne() {
        StrategyAnalysis naked = ANALYZER.analyse(strategy(call(105, -1, 1.50)), MARKET, 0.20);
        assertThat(naked.maxLoss().unlimited()).isTrue();
        assertThat(naked.maxProfit().amount()).isCloseTo(150.0, within(1e-9));

        StrategyAnalysis married =
                ANALYZER.analyse(strategy(new UnderlyingLeg(100, 100.0), put(95, 1, 1.00)), MARKET, 0.20);
        assertThat(married.maxProfit().unlimited()).isTrue();
        assertThat(married.maxLoss().amount()).isCloseTo(600.0, within(1e-6)); // (100 − 95 + 1) × 100
    }

    @Test
    void calendarIsBoundedAndProfitsNearTheStrikeAtTheFrontExpiry() {
        OptionLeg front = call(100, -1, 2.30);
        OptionLeg back = new OptionLeg(OptionRight.CALL, 100, EXPIRY.plusDays(35), 1, 3.60, 0.20);
        OptionStrategy calendar = strategy(front, back);

        StrategyAnalysis a = ANALYZER.analyse(calendar, MARKET, 0.20);

        assertThat(a.netPremium()).isCloseTo(130.0, within(1e-9));
        assertThat(a.horizon()).isEqualTo(EXPIRY);
        assertThat(a.maxProfit().unlimited()).isFalse();
        assertThat(a.maxLoss().unlimited()).isFalse();
        assertThat(a.maxLoss().amount()).isLessThanOrEqualTo(130.0 + 1e-6);
        assertThat(a.breakevens()).hasSize(2);
        assertThat(a.breakevens().get(0)).isLessThan(100.0);
        assertThat(a.breakevens().get(1)).isGreaterThan(100.0);
        // at the strike the back call keeps its 35 days of time value: 0.4·S·σ·√T ≈ 2.48 per unit
        double atStrike = ANALYZER.profitAtExpiry(calendar, MARKET, 100.0);
        double backValue = BlackScholesEuropeanPricer.DEFAULT.price(OptionInputs.call(100, 100, 35 / 365.0, 0, 0, 0.2));
        assertThat(atStrike).isCloseTo(100 * backValue - 130.0, within(1e-9));
        assertThat(a.maxProfit().amount()).isCloseTo(atStrike, within(1.0));
    }

    @Test
    void greeksAreTheContractWeightedSumOfTheLegs() {
        OptionStrategy straddle = strategy(call(100, 2, 3.00), put(100, 2, 2.50));
        double t = 30 / 365.0;
        OptionValuation c = BlackScholesEuropeanPricer.DEFAULT.valuation(OptionInputs.call(100, 100, t, 0, 0, 0.2));
        OptionValuation p = BlackScholesEuropeanPricer.DEFAULT.valuation(OptionInputs.put(100, 100, t, 0, 0, 0.2));

        StrategyGreeks g = ANALYZER.greeks(straddle, MARKET, TODAY, 0.0);

        assertThat(g.delta()).isCloseTo(200 * (c.delta() + p.delta()), within(1e-9));
        assertThat(g.gamma()).isCloseTo(200 * (c.gamma() + p.gamma()), within(1e-12));
        assertThat(g.thetaPerDay()).isCloseTo(200 * (c.thetaPerDay() + p.thetaPerDay()), within(1e-9));
        assertThat(g.vegaPerPoint()).isCloseTo(200 * (c.vegaPerPoint() + p.vegaPerPoint()), within(1e-9));
        assertThat(g.rhoPerPoint()).isCloseTo(200 * (c.rhoPerPoint() + p.rhoPerPoint()), within(1e-9));
        assertThat(g.thetaPerDay()).isNegative();
        assertThat(g.vegaPerPoint()).isPositive();
    }

    @Test
    void todaysCurveCarriesTimeValueThatVanishesAtExpiryAndGrowsWithVolatility() {
        OptionStrategy straddle = strategy(call(100, 1, 3.00), put(100, 1, 2.50));

        double today = ANALYZER.profit(straddle, MARKET, 100, TODAY, 0.0);
        double midway = ANALYZER.profit(straddle, MARKET, 100, TODAY.plusDays(15), 0.0);
        double atExpiry = ANALYZER.profit(straddle, MARKET, 100, EXPIRY, 0.0);
        double volUp = ANALYZER.profit(straddle, MARKET, 100, TODAY, 0.05);

        assertThat(atExpiry).isCloseTo(-550.0, within(1e-9));
        assertThat(midway).isBetween(atExpiry, today);
        assertThat(volUp).isGreaterThan(today);
        PayoffCurve curve = ANALYZER.curve(straddle, MARKET, EXPIRY, 0.0, 80, 120, 41);
        assertThat(curve.size()).isEqualTo(41);
        assertThat(curve.profits()[0]).isCloseTo(20 * 100 - 550.0, within(1e-9));
        assertThat(curve.profits()[20]).isCloseTo(-550.0, within(1e-9));
    }

    @Test
    void americanMarketValuesPutsAtLeastAsHighAsEuropean() {
        StrategyMarket american = new StrategyMarket(100.0, TODAY, 0.05, 0.0, OptionStyle.AMERICAN);
        StrategyMarket european = new StrategyMarket(100.0, TODAY, 0.05, 0.0, OptionStyle.EUROPEAN);
        OptionStrategy longPut = strategy(new OptionLeg(OptionRight.PUT, 110, TODAY.plusDays(180), 1, 10, 0.2));

        assertThat(ANALYZER.value(longPut, american, 100, TODAY, 0))
                .isGreaterThan(ANALYZER.value(longPut, european, 100, TODAY, 0));
    }

    @Test
    void probabilityIsCertainWhenExpiryIsTodayAndTheSpotIsInsideTheProfitZone() {
        LocalDate today = TODAY;
        StrategyMarket m = new StrategyMarket(100.0, today, 0.0, 0.0, OptionStyle.EUROPEAN);
        OptionStrategy condor = new OptionStrategy(
                "expiring",
                List.of(
                        new OptionLeg(OptionRight.PUT, 90, today, 1, 0.1, 0.2),
                        new OptionLeg(OptionRight.PUT, 95, today, -1, 0.5, 0.2),
                        new OptionLeg(OptionRight.CALL, 105, today, -1, 0.5, 0.2),
                        new OptionLeg(OptionRight.CALL, 110, today, 1, 0.1, 0.2)),
                100);
        assertThat(ANALYZER.analyse(condor, m).probabilityOfProfit()).isEqualTo(1.0);
    }

    @Test
    void rejectsMoreThanSixLegsAndTwoStockLegs() {
        List<StrategyLeg> seven = List.of(
                call(90, 1, 1),
                call(95, 1, 1),
                call(100, 1, 1),
                call(105, 1, 1),
                call(110, 1, 1),
                call(115, 1, 1),
                call(120, 1, 1));
        assertThatThrownBy(() -> new OptionStrategy("too many", seven, 100)).hasMessageContaining("at most 6 legs");
        assertThatThrownBy(() -> strategy(new UnderlyingLeg(100, 100), new UnderlyingLeg(-100, 100)))
                .hasMessageContaining("one underlying leg");
        assertThatThrownBy(() -> call(100, 0, 1)).hasMessageContaining("must not be zero");
    }
}
