package dev.paperdesk.desktop.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.desktop.options.StrategyLegRow.Kind;
import dev.paperdesk.engine.model.Instrument.OptionRight;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.pricing.strategy.StrategyAnalysis;
import dev.paperdesk.engine.pricing.strategy.StrategyTemplate;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StrategyBuilderViewModelTest {
    private static final Instant START = Instant.parse("2026-03-03T15:00:00Z");
    private static final InstrumentId ACME = new InstrumentId("ACME", "sim");

    private TradingSession session;
    private FakeChainSource source;
    private OptionChainViewModel chain;
    private StrategyBuilderViewModel vm;

    @BeforeEach
    void open() {
        session = TradingSession.open(SessionConfig.simulated(null, START, 3));
        source = new FakeChainSource(ACME, LocalDate.of(2026, 3, 3));
        chain = new OptionChainViewModel(session, UiExecutor.DIRECT, source, new DirectExecutorService());
        vm = new StrategyBuilderViewModel(
                session,
                UiExecutor.DIRECT,
                chain,
                new SimpleObjectProperty<>(session.portfolios().get(0).id()),
                new DirectExecutorService());
    }

    @AfterEach
    void close() {
        vm.close();
        chain.close();
        session.close();
    }

    private static String describe(StrategyLegRow r) {
        return r.sideProperty().get() + " " + r.quantityProperty().get() + " "
                + r.kindProperty().get() + " "
                + (r.strikeProperty().get() == null
                        ? ""
                        : r.strikeProperty().get().toPlainString());
    }

    @Test
    void anIronCondorFromTheTemplateIsPricedAtBidsAndAsksAndAnalysed() {
        vm.templateProperty().set(StrategyTemplate.IRON_CONDOR);
        vm.applyTemplate();

        assertThat(vm.legs().stream().map(StrategyBuilderViewModelTest::describe))
                .containsExactly("BUY 1 Put 90", "SELL 1 Put 95", "SELL 1 Call 105", "BUY 1 Call 110");
        ChainSnapshot near = chain.snapshotProperty().get();
        BigDecimal shortPutBid = near.side(OptionRight.PUT, 95).orElseThrow().bid();
        assertThat(vm.legs().get(1).priceProperty().get()).isEqualByComparingTo(shortPutBid);
        assertThat(vm.legs().get(1).instrumentProperty().get())
                .isEqualTo(near.side(OptionRight.PUT, 95).orElseThrow().contract());

        // net per unit: bids of the shorts less asks of the longs
        double credit = near.side(OptionRight.PUT, 95).orElseThrow().bid().doubleValue()
                + near.side(OptionRight.CALL, 105).orElseThrow().bid().doubleValue()
                - near.side(OptionRight.PUT, 90).orElseThrow().ask().doubleValue()
                - near.side(OptionRight.CALL, 110).orElseThrow().ask().doubleValue();
        StrategyAnalysis a = vm.analysisProperty().get();
        assertThat(a.netPremium()).isCloseTo(-credit * 100, within(1e-9));
        assertThat(a.maxProfit().amount()).isCloseTo(credit * 100, within(1e-6));
        assertThat(a.maxLoss().amount()).isCloseTo((5 - credit) * 100, within(1e-6));
        assertThat(a.breakevens()).hasSize(2);
        assertThat(a.breakevens().get(0)).isCloseTo(95 - credit, within(1e-6));
        assertThat(a.breakevens().get(1)).isCloseTo(105 + credit, within(1e-6));
        assertThat(vm.creditProperty().get()).isTrue();
        assertThat(vm.netProperty().get()).startsWith("Credit ");
        assertThat(vm.breakevensProperty().get().split("\\s+")).hasSize(2);
        assertThat(vm.probabilityProperty().get()).endsWith("%");
        assertThat(vm.greeksProperty().get()).contains("Δ").contains("/day");
        assertThat(vm.limitProperty().get())
                .isEqualTo(BigDecimal.valueOf(-credit)
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString());
        assertThat(vm.canSendProperty().get()).isTrue();

        PayoffData p = vm.payoffProperty().get();
        assertThat(p.spots()).hasSize(241);
        assertThat(p.expiry()).isEqualTo(source.near);
        assertThat(p.breakevens()).isEqualTo(a.breakevens());
    }

    @Test
    void scenarioControlsMoveTheThirdCurveOnly() {
        vm.templateProperty().set(StrategyTemplate.LONG_STRADDLE);
        vm.applyTemplate();
        assertThat(vm.scenarioDaysProperty().get()).isEqualTo(15); // half way to the 30-day expiry
        vm.scenarioDaysProperty().set(0);
        PayoffData before = vm.payoffProperty().get();
        assertThat(before.scenario()).containsExactly(before.today());

        vm.volShiftPointsProperty().set(10);
        vm.scenarioDaysProperty().set(10);

        PayoffData after = vm.payoffProperty().get();
        assertThat(after.scenarioDate()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(after.volShiftPoints()).isEqualTo(10);
        assertThat(after.today()).containsExactly(before.today());
        int mid = after.spots().length / 2;
        assertThat(after.scenario()[mid]).isNotEqualTo(after.today()[mid]);
        // the scenario date never passes the first expiry
        vm.scenarioDaysProperty().set(400);
        assertThat(vm.payoffProperty().get().scenarioDate()).isEqualTo(source.near);
        assertThat(vm.maxProfitProperty().get()).isEqualTo("Unlimited");
    }

    @Test
    void editingALegRepricesItAndAnUnlistedStrikeIsReported() {
        vm.templateProperty().set(StrategyTemplate.BULL_CALL_SPREAD);
        vm.applyTemplate();
        StrategyLegRow shortCall = vm.legs().get(1);
        shortCall.strikeProperty().set(new BigDecimal("110"));
        assertThat(shortCall.priceProperty().get())
                .isEqualByComparingTo(chain.snapshotProperty()
                        .get()
                        .side(OptionRight.CALL, 110)
                        .orElseThrow()
                        .bid());

        shortCall.strikeProperty().set(new BigDecimal("111"));
        assertThat(shortCall.problemProperty().get()).isEqualTo("not listed");
        assertThat(vm.statusProperty().get()).contains("111").contains("not listed");
        assertThat(vm.canSendProperty().get()).isFalse();
        assertThat(vm.analysisProperty().get()).isNull();
    }

    @Test
    void calendarLegsUseTheFarExpiryAndChainPicksAddLegsUpToSix() {
        vm.templateProperty().set(StrategyTemplate.CALENDAR_SPREAD);
        vm.applyTemplate();
        assertThat(vm.legs().get(1).expiryProperty().get()).isEqualTo(source.far);
        assertThat(vm.analysisProperty().get().horizon()).isEqualTo(source.near);

        vm.clear();
        ChainLine atm = chain.lines().get(chain.atmIndexProperty().get());
        for (int i = 0; i < 7; i++) {
            chain.addToBuilder(chain.lines().get(i), OptionRight.CALL, i % 2 == 0 ? Side.BUY : Side.SELL);
        }
        assertThat(vm.legs()).hasSize(6);
        assertThat(vm.statusProperty().get()).contains("at most 6 legs");
        assertThat(atm.atm()).isTrue();
    }

    @Test
    void aCoveredCallHasOneUnderlyingLegOfOneMultiplierPerContract() {
        vm.contractsProperty().set(2);
        vm.templateProperty().set(StrategyTemplate.COVERED_CALL);
        vm.applyTemplate();
        assertThat(vm.legs()).hasSize(2);
        assertThat(vm.legs().get(0).kindProperty().get()).isEqualTo(Kind.STOCK);
        assertThat(vm.legs().get(0).quantityProperty().get()).isEqualTo(200);
        assertThat(vm.legs().get(0).instrumentProperty().get()).isEqualTo(ACME);
        vm.addUnderlyingLeg();
        assertThat(vm.legs()).hasSize(2);
        assertThat(vm.statusProperty().get()).contains("one underlying leg");
        assertThat(vm.maxLossProperty().get()).isNotEqualTo("Unlimited");
    }

    @Test
    void editsMadeWhileAnAnalysisIsQueuedCollapseIntoOneAnalysisOfTheLatestLegs() {
        java.util.List<Runnable> tasks = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService manual = new DirectExecutorService() {
            @Override
            public void execute(Runnable command) {
                tasks.add(command);
            }
        };
        StrategyBuilderViewModel queued = new StrategyBuilderViewModel(
                session,
                UiExecutor.DIRECT,
                chain,
                new SimpleObjectProperty<>(session.portfolios().get(0).id()),
                manual);
        queued.templateProperty().set(StrategyTemplate.IRON_CONDOR);
        queued.applyTemplate();
        queued.addUnderlyingLeg();
        queued.volShiftPointsProperty().set(5);
        assertThat(tasks).hasSize(1);

        tasks.remove(0).run();

        assertThat(queued.analysisProperty().get().breakevens()).isNotEmpty();
        assertThat(queued.legs()).hasSize(5);
        assertThat(queued.legs().get(4).instrumentProperty().get()).isEqualTo(ACME);
        assertThat(queued.payoffProperty().get().volShiftPoints()).isEqualTo(5);
        assertThat(tasks).isEmpty(); // no second round: the answer matched the current legs
        queued.close();
    }

    @Test
    void sendingWithoutAPortfolioOrWithOneLegIsRefusedWithAReason() {
        StrategyBuilderViewModel noPortfolio = new StrategyBuilderViewModel(
                session,
                UiExecutor.DIRECT,
                chain,
                new SimpleObjectProperty<PortfolioId>(),
                new DirectExecutorService());
        noPortfolio.send();
        assertThat(noPortfolio.statusProperty().get()).isEqualTo("Choose a portfolio first.");
        vm.addOptionLeg();
        vm.send();
        assertThat(vm.statusProperty().get()).isEqualTo("A combo needs at least two legs.");
        noPortfolio.close();
    }
}
