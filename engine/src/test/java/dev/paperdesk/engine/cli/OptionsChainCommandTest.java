package dev.paperdesk.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code paperdesk options chain} through the command line entry point. */
class OptionsChainCommandTest {
    private static final String AT = "2026-03-03T15:00:00Z";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void printsCallsStrikePutsWithEveryColumnAndMarksTheMoney() {
        int code = run("options", "chain", "--underlying", "ORBZ", "--at", AT, "--expiry", "2026-03-20");
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0))
                .startsWith("ORBZ@nasdaq  expiry 2026-03-20 (monthly, american, physical delivery, 100");
        assertThat(lines.get(1)).startsWith("CALLS").contains("PUTS");
        assertThat(lines.get(2).split("\\|")[0].trim().split("\\s+"))
                .containsExactly("bid", "ask", "last", "iv", "delta", "gamma", "theta", "vega", "rho", "oi");
        assertThat(lines.get(2)).contains("STRIKE");
        List<String> rows = lines.subList(3, lines.size());
        assertThat(rows).hasSizeGreaterThan(10);
        assertThat(rows).filteredOn(l -> l.contains("| *")).hasSize(1);
        // low strikes: calls in the money; high strikes: puts in the money
        assertThat(rows.get(0).split("\\|")[0].trim()).endsWith("i");
        assertThat(rows.get(rows.size() - 1).trim()).endsWith(" i");
        // every row shows all ten columns on both sides
        for (String row : rows) {
            String[] parts = row.split("\\|");
            assertThat(parts[0].replace("i", "").trim().split("\\s+")).hasSize(10);
            assertThat(parts[2].replace(" i", "").trim().split("\\s+")).hasSize(10);
        }
    }

    @Test
    void jsonHasTheDocumentedKeysAndTheNearestExpiryByDefault() throws Exception {
        int code = run("options", "chain", "--underlying", "BTC", "--at", AT, "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.fieldNames())
                .toIterable()
                .containsExactly(
                        "underlying",
                        "expiry",
                        "kind",
                        "expiresAt",
                        "style",
                        "settlement",
                        "multiplier",
                        "currency",
                        "underlyingPrice",
                        "timeToExpiry",
                        "asOf",
                        "atmStrike",
                        "expiries",
                        "rows");
        assertThat(root.get("underlying").asText()).isEqualTo("BTC-USDT@binance");
        assertThat(root.get("expiry").asText())
                .isEqualTo(root.get("expiries").get(0).asText())
                .isEqualTo("2026-03-06");
        assertThat(root.get("style").asText()).isEqualTo("european");
        assertThat(root.get("settlement").asText()).isEqualTo("cash");
        assertThat(root.get("expiresAt").asText()).isEqualTo("2026-03-06T08:00:00Z");
        JsonNode row = root.get("rows").get(0);
        assertThat(row.fieldNames()).toIterable().containsExactly("strike", "call", "put");
        assertThat(row.get("call").fieldNames())
                .toIterable()
                .containsExactly(
                        "instrument",
                        "bid",
                        "ask",
                        "last",
                        "iv",
                        "delta",
                        "gamma",
                        "theta",
                        "vega",
                        "rho",
                        "oi",
                        "itm");
        assertThat(row.get("call").get("last").isNull()).isTrue();
        assertThat(row.get("call").get("instrument").asText())
                .startsWith("BTC-USDT-20260306-C-")
                .endsWith("@binance");
        assertThat(row.get("call").get("bid").decimalValue())
                .isLessThan(row.get("call").get("ask").decimalValue());
    }

    @Test
    void unknownUnderlyingAndUnlistedExpiryAreErrorsThatSayWhy() {
        assertThat(run("options", "chain", "--underlying", "NOPE", "--at", AT)).isEqualTo(2);
        assertThat(err.toString()).contains("no options on 'NOPE'").contains("ORBZ@nasdaq");
        assertThat(run("options", "chain", "--underlying", "ORBZ", "--at", AT, "--expiry", "2026-03-04"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no ORBZ@nasdaq expiry on 2026-03-04; listed: 2026-03-06");
        assertThat(run("options", "chain", "--underlying", "ORBZ", "--expiry", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--expiry: 'soon' is not a date");
    }
}
