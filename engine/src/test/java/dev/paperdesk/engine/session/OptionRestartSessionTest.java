package dev.paperdesk.engine.session;

import static dev.paperdesk.engine.session.OptionsSessionTest.START;
import static dev.paperdesk.engine.session.OptionsSessionTest.STOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.portfolio.PositionView;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An option position survives closing and reopening its workspace: contract terms, valuation and Greeks. */
class OptionRestartSessionTest {
    @TempDir
    Path dir;

    private TradingSession open(Path file, Instant start) {
        TradingSession s = TradingSession.open(new SessionConfig(
                file,
                SimulatedMarket.defaultMarket(11, List.of("ORBZ@nasdaq")),
                StandardFeeModel.DEFAULT,
                start,
                true,
                SessionConfig.DEFAULT_STARTING_BALANCE));
        s.advance(Duration.ofSeconds(3));
        return s;
    }

    @Test
    void aReopenedWorkspaceKnowsItsOptionContractsAndValuesThemByTheMultiplier() {
        Path file = dir.resolve("options.paperdesk");
        InstrumentId call;
        PortfolioId p;
        try (TradingSession s = open(file, START)) {
            p = s.portfolios().get(0).id();
            OptionChainView chain =
                    s.optionChain(STOCK, s.optionExpiries(STOCK).get(4).date()).orElseThrow();
            call = chain.row(chain.atmStrike()).orElseThrow().call().instrumentId();
            TradingSession.await(s.submit(OrderRequest.market(p, call, Side.BUY, Quantity.of(3))));
            s.advance(Duration.ofSeconds(1));
        }
        try (TradingSession s = open(file, START.plusSeconds(600))) {
            assertThat(s.instrument(call)).get().isInstanceOfSatisfying(Instrument.OptionContract.class, c -> {
                assertThat(c.multiplier()).isEqualByComparingTo("100");
                assertThat(c.underlying()).isEqualTo(STOCK);
            });
            s.advance(Duration.ofSeconds(5));
            PositionView position = s.portfolio(p).orElseThrow().positions().stream()
                    .filter(v -> v.instrumentId().equals(call))
                    .findFirst()
                    .orElseThrow();
            assertThat(position.quantity()).isEqualByComparingTo("3");
            assertThat(position.mark()).isNotNull();
            assertThat(position.marketValue())
                    .isEqualByComparingTo(position.mark().multiply(java.math.BigDecimal.valueOf(300)));
            assertThat(s.positionGreeks(p)).singleElement().satisfies(g -> assertThat(g.delta())
                    .isBetween(50.0, 250.0));
        }
    }
}
