package dev.paperdesk.desktop.blotter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** Option Greeks in the positions table and its summary line. */
class BlotterGreeksTest {
    private static final InstrumentId STOCK = InstrumentId.parse("ORBZ@nasdaq");

    @Test
    void optionAndUnderlyingPositionsShowGreeksAndTheSummaryTotalsThem() {
        try (TradingSession session = TradingSession.open(new SessionConfig(
                null,
                SimulatedMarket.defaultMarket(11, List.of("ORBZ@nasdaq")),
                StandardFeeModel.DEFAULT,
                Instant.parse("2026-03-03T15:00:00Z"),
                true,
                SessionConfig.DEFAULT_STARTING_BALANCE))) {
            session.advance(Duration.ofSeconds(3));
            PortfolioId pid = session.portfolios().get(0).id();
            BlotterViewModel vm = new BlotterViewModel(session, UiExecutor.DIRECT, new SimpleObjectProperty<>(pid));
            assertThat(vm.greeksSummaryProperty().get()).isEmpty();

            OptionChainView chain = session.optionChain(
                            STOCK, session.optionExpiries(STOCK).get(3).date())
                    .orElseThrow();
            InstrumentId call =
                    chain.row(chain.atmStrike()).orElseThrow().call().instrumentId();
            TradingSession.await(session.submit(OrderRequest.market(pid, call, Side.BUY, Quantity.of(2))));
            TradingSession.await(session.submit(OrderRequest.market(pid, STOCK, Side.SELL, Quantity.of(100))));
            session.advance(Duration.ofSeconds(1));
            vm.refresh();

            var option = vm.positions().stream()
                    .filter(r -> r.instrument().equals(call.toString()))
                    .findFirst()
                    .orElseThrow();
            // two ATM calls: about 100 share-equivalents, long gamma and vega, paying theta
            assertThat(option.delta()).isBetween(70.0, 130.0);
            assertThat(option.gamma()).isPositive();
            assertThat(option.vega()).isPositive();
            assertThat(option.theta()).isNegative();
            var stock = vm.positions().stream()
                    .filter(r -> r.instrument().equals(STOCK.toString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(stock.delta()).isEqualTo(-100.0);
            assertThat(stock.vega()).isZero();

            String summary = vm.greeksSummaryProperty().get();
            double net = option.delta() + stock.delta();
            assertThat(summary)
                    .startsWith("Option Greeks \u2014 ORBZ: \u0394 " + BlotterViewModel.signed(net, 1) + " sh")
                    .contains("/day")
                    .contains("Total (USD)");
        }
    }

    @Test
    void signedNumbersUseAMinusSignAndNoSignForZero() {
        assertThat(BlotterViewModel.signed(1234.5, 1)).isEqualTo("+1,234.5");
        assertThat(BlotterViewModel.signed(-0.25, 2)).isEqualTo("\u22120.25");
        assertThat(BlotterViewModel.signed(-0.0001, 2)).isEqualTo("0.00");
    }
}
