package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderRequest;
import dev.paperdesk.engine.model.Quantity;
import dev.paperdesk.engine.model.Side;
import dev.paperdesk.engine.portfolio.MarginMode;
import dev.paperdesk.engine.session.PortfolioSpec;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioCommandTest {
    @TempDir
    Path dir;

    private Path workspace() {
        Path file = dir.resolve("acct.paperdesk");
        InstrumentId perp = new InstrumentId("BTC-USDT-PERP", "binance");
        try (TradingSession s =
                TradingSession.open(SessionConfig.simulated(file, Instant.parse("2026-03-02T14:30:00Z"), 1)
                        .withFeed(dev.paperdesk.engine.market.sim.SimulatedMarket.defaultMarket(1)))) {
            s.advance(java.time.Duration.ofSeconds(5));
            var demo = s.portfolios().get(0).id();
            var lev = TradingSession.await(s.accounts()
                    .create(new PortfolioSpec("Lev", "perps", Currency.USD, new BigDecimal("20000"), null)));
            TradingSession.await(s.accounts().setPositionMargin(lev, perp, MarginMode.ISOLATED, 20));
            TradingSession.await(s.submit(OrderRequest.market(lev, perp, Side.BUY, Quantity.of("0.1"))));
            TradingSession.await(s.accounts().topUp(demo, new BigDecimal("1000")));
            var old = TradingSession.await(s.accounts().create(PortfolioSpec.of("Old", Currency.EUR)));
            TradingSession.await(s.accounts().archive(old, true));
        }
        return file;
    }

    @Test
    void listShowsEveryPortfolioWithItsEquity() throws Exception {
        Path ws = workspace();
        PaperdeskCliTest.Run text = PaperdeskCliTest.run("portfolio", "list", "--workspace", ws.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out())
                .contains("Demo")
                .contains("Lev")
                .contains("Old")
                .contains("archived")
                .contains("5,001,000.00");
        PaperdeskCliTest.Run json = PaperdeskCliTest.run("portfolio", "list", "--workspace", ws.toString(), "--json");
        JsonNode arr = new ObjectMapper().readTree(json.out());
        assertThat(arr).hasSize(3);
        assertThat(arr.get(1).get("name").asText()).isEqualTo("Lev");
        assertThat(arr.get(1).get("open_positions").asInt()).isEqualTo(1);
        assertThat(arr.get(2).get("archived").asBoolean()).isTrue();
        assertThat(arr.get(0).fieldNames())
                .toIterable()
                .containsExactly("id", "name", "base_currency", "equity", "cash", "open_positions", "archived");
    }

    @Test
    void showPrintsBalancesPositionsWithMarginAndLiquidationLedgerTotalsAndLimits() throws Exception {
        Path ws = workspace();
        PaperdeskCliTest.Run text =
                PaperdeskCliTest.run("portfolio", "show", "--workspace", ws.toString(), "--portfolio", "lev");
        assertThat(text.exit()).isZero();
        assertThat(text.out())
                .contains("Portfolio #2 Lev (USD, FIFO)")
                .contains("BTC-USDT-PERP@binance")
                .contains("ISOLATED")
                .contains("20x")
                .contains("TRADE USDT")
                .contains("max_position_pct")
                .doesNotContain("Demo");
        PaperdeskCliTest.Run json =
                PaperdeskCliTest.run("portfolio", "show", "--workspace", ws.toString(), "--portfolio", "Lev", "--json");
        JsonNode p = new ObjectMapper().readTree(json.out()).get(0);
        assertThat(p.get("base_currency").asText()).isEqualTo("USD");
        JsonNode pos = p.get("positions").get(0);
        assertThat(pos.get("margin_mode").asText()).isEqualTo("ISOLATED");
        assertThat(pos.get("leverage").asInt()).isEqualTo(20);
        BigDecimal entry = new BigDecimal(pos.get("entry_price").asText());
        BigDecimal liq = new BigDecimal(pos.get("liquidation_price").asText());
        // Long isolated at 20×, tier 1: entry × (1 − 5% + 0.5%).
        assertThat(liq).isEqualByComparingTo(entry.multiply(new BigDecimal("0.955")));
        assertThat(new BigDecimal(pos.get("initial_margin").asText()))
                .isEqualByComparingTo(entry.multiply(new BigDecimal("0.1")).divide(new BigDecimal("20")));
        assertThat(p.get("account").get("warning_level").asText()).isEqualTo("NONE");
        assertThat(p.get("limits").get("max_open_positions").get("threshold").asText())
                .isEqualTo("20");
        assertThat(p.get("ledger_totals").findValuesAsText("kind")).contains("DEPOSIT", "TRADE", "FEE");
        PaperdeskCliTest.Run demo = PaperdeskCliTest.run(
                "portfolio", "show", "--workspace", ws.toString(), "--portfolio", "Demo", "--json");
        JsonNode balances =
                new ObjectMapper().readTree(demo.out()).get(0).get("balances").get(0);
        assertThat(balances.get("top_ups").asText()).isEqualTo("1000");
    }

    @Test
    void errorsNameTheProblem() {
        Path ws = workspace();
        PaperdeskCliTest.Run missing =
                PaperdeskCliTest.run("portfolio", "show", "--workspace", ws.toString(), "--portfolio", "Nope");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("no portfolio named 'Nope'");
        PaperdeskCliTest.Run none = PaperdeskCliTest.run(
                "portfolio",
                "list",
                "--workspace",
                dir.resolve("none.paperdesk").toString());
        assertThat(none.exit()).isEqualTo(PaperdeskCli.EXIT_WORKSPACE);
        assertThat(PaperdeskCliTest.run("portfolio", "show", "--help").out())
                .contains("--portfolio")
                .contains("--json")
                .contains("--workspace");
    }
}
