package dev.paperdesk.desktop.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.OrderStatus;
import dev.paperdesk.engine.pricing.strategy.StrategyTemplate;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The builder against the session's live options market: an iron condor sent as one combo fills all four legs. */
class StrategyComboSendTest {
    /** A Tuesday, 10:00 in New York: equity options trade. */
    private static final Instant START = Instant.parse("2026-03-03T15:00:00Z");

    /** A session on the simulated market of {@code underlying} alone, three seconds in. */
    private static TradingSession open(long seed, String underlying, Instant start) {
        TradingSession session = TradingSession.open(new SessionConfig(
                null,
                SimulatedMarket.defaultMarket(seed, List.of(underlying)),
                StandardFeeModel.DEFAULT,
                start,
                true,
                SessionConfig.DEFAULT_STARTING_BALANCE));
        session.advance(Duration.ofSeconds(3));
        return session;
    }

    private static OptionChainViewModel chain(TradingSession session) {
        return new OptionChainViewModel(
                session, UiExecutor.DIRECT, OptionChainSources.forSession(session), new DirectExecutorService());
    }

    /** The builder on the session's first portfolio, everything on the calling thread. */
    private static StrategyBuilderViewModel builder(TradingSession session, OptionChainViewModel chain) {
        return new StrategyBuilderViewModel(
                session,
                UiExecutor.DIRECT,
                chain,
                new SimpleObjectProperty<>(session.portfolios().get(0).id()),
                new DirectExecutorService());
    }

    @Test
    void anIronCondorGoesOutAsOneComboAndFillsFourLegs() throws Exception {
        try (TradingSession session = open(11, "ORBZ@nasdaq", START)) {
            assertThat(OptionChainSources.forSession(session)).isInstanceOf(SessionChainSource.class);
            OptionChainViewModel chain = chain(session);
            StrategyBuilderViewModel vm = builder(session, chain);
            assertThat(chain.underlyingProperty().get()).isEqualTo(InstrumentId.parse("ORBZ@nasdaq"));
            assertThat(chain.lines()).isNotEmpty();

            vm.templateProperty().set(StrategyTemplate.IRON_CONDOR);
            vm.applyTemplate();
            assertThat(vm.analysisProperty().get()).isNotNull();
            assertThat(vm.analysisProperty().get().breakevens()).hasSize(2);

            List<Order> orders = vm.send().get();

            assertThat(orders).hasSize(4).allMatch(o -> o.status() == OrderStatus.FILLED);
            assertThat(session.fills()).hasSize(4);
            assertThat(session.groups()).hasSize(1);
            assertThat(vm.statusProperty().get()).isEqualTo("Combo filled: 4 legs.");
            vm.close();
            chain.close();
        }
    }

    /**
     * A one-contract crypto condor, whose legs' touches hold a fraction of a contract: the builder
     * prices each leg as the combo will fill it (the book walked for its size), so the limit it
     * prefills lets the combo fill at once, and the net says what the touch alone would have shown.
     */
    @Test
    void aCryptoCondorIsPricedAsItFillsAndItsPrefilledLimitFills() throws Exception {
        try (TradingSession session = open(42, "BTC-USDT@binance", Instant.parse("2026-11-22T11:58:00Z"))) {
            OptionChainViewModel chain = chain(session);
            StrategyBuilderViewModel vm = builder(session, chain);
            assertThat(chain.underlyingProperty().get()).isEqualTo(InstrumentId.parse("BTC-USDT@binance"));
            vm.templateProperty().set(StrategyTemplate.IRON_CONDOR);
            vm.applyTemplate();
            assertThat(vm.analysisProperty().get()).isNotNull();
            // priced as it fills: the walked legs give less credit than their touches would
            assertThat(vm.netProperty().get()).matches("Credit [\\d,]+\\.\\d\\d");
            assertThat(vm.touchNoteProperty().get())
                    .matches("at the touch: credit [\\d,]+\\.\\d\\d \\(legs priced as they fill\\)");
            assertThat(new java.math.BigDecimal(vm.limitProperty().get()).negate())
                    .isEqualByComparingTo(new java.math.BigDecimal(
                            vm.netProperty().get().substring(7).replace(",", "")));

            List<Order> orders = vm.send().get();
            session.advance(Duration.ofSeconds(2));

            List<Order> now = session.orders();
            assertThat(now).hasSize(4).allMatch(o -> o.status() == OrderStatus.FILLED, "every leg filled");
            assertThat(vm.statusProperty().get()).isEqualTo("Combo filled: 4 legs.");
            assertThat(orders).hasSize(4);
            vm.close();
            chain.close();
        }
    }
}
