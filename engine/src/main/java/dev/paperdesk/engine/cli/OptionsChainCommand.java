package dev.paperdesk.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.paperdesk.engine.execution.StandardFeeModel;
import dev.paperdesk.engine.market.sim.MarketUniverse;
import dev.paperdesk.engine.market.sim.SimulatedMarket;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.options.OptionChainRow;
import dev.paperdesk.engine.options.OptionChainView;
import dev.paperdesk.engine.options.OptionExpiry;
import dev.paperdesk.engine.options.OptionQuoteView;
import dev.paperdesk.engine.options.OptionUnderlying;
import dev.paperdesk.engine.options.SimulatedOptionUnderlyings;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperdesk options chain}: one expiry of an underlying's live option chain from a fresh simulated market. */
@Command(
        name = "chain",
        mixinStandardHelpOptions = true,
        description = {
            "Print the option chain of one underlying and expiry from a fresh simulated market (the market a new"
                    + " workspace trades on): calls | strike | puts, each side with bid ask last iv delta gamma"
                    + " theta vega rho oi.",
            "",
            "Prices are per unit of underlying (a contract is price x multiplier); iv is annualised in percent in"
                    + " the table (a fraction in JSON); delta and gamma per unit of underlying, theta per calendar"
                    + " day, vega per volatility point, rho per percentage point of rate; oi in contracts. '*' marks"
                    + " the at-the-money strike and a trailing 'i' an in-the-money side.",
            "",
            "JSON keys: underlying, expiry, kind, expiresAt, style, settlement (physical|cash), multiplier,"
                    + " currency, underlyingPrice, timeToExpiry (years), asOf, atmStrike, expiries (every listed"
                    + " date), rows [ {strike, call, put} ] with call/put {instrument, bid, ask, last (null when"
                    + " not traded), iv, delta, gamma, theta, vega, rho, oi, itm}."
        })
final class OptionsChainCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--underlying",
            required = true,
            paramLabel = "SYM",
            description = "The underlying: a stock or ETF (ORBZ, SPYX), BTC or ETH, or an instrument id (ORBZ@nasdaq,"
                    + " BTC-USDT@binance).")
    String underlying;

    @Option(
            names = "--expiry",
            paramLabel = "DATE",
            description = "The expiry date (YYYY-MM-DD); default the nearest listed expiry.")
    String expiry;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "The simulated market's seed (default ${DEFAULT-VALUE}, the seed of a new workspace).")
    long seed = SessionConfig.DEFAULT_SEED;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "The market time, ISO-8601 UTC such as 2026-03-03T15:00:00Z (default: now, to the minute).")
    String at;

    @Override
    public Integer call() {
        OptionUnderlying u = resolve(underlying);
        Instant start = parseAt();
        LocalDate wanted = parseExpiry();
        try (TradingSession session = TradingSession.open(new SessionConfig(
                null,
                SimulatedMarket.defaultMarket(seed, List.of(u.id().toString())),
                StandardFeeModel.DEFAULT,
                start,
                false,
                SessionConfig.DEFAULT_STARTING_BALANCE))) {
            // the simulator publishes its first quotes within its first steps
            session.advance(Duration.ofSeconds(2));
            List<OptionExpiry> expiries = session.optionExpiries(u.id());
            if (expiries.isEmpty()) {
                throw new CliException(u.id() + " has no price at " + start + ": no chain to show", 1);
            }
            LocalDate date = wanted == null ? expiries.get(0).date() : wanted;
            OptionChainView chain = session.optionChain(u.id(), date)
                    .orElseThrow(() -> new CliException(
                            "no " + u.id() + " expiry on " + date + "; listed: "
                                    + String.join(
                                            ", ",
                                            expiries.stream()
                                                    .map(e -> e.date().toString())
                                                    .toList()),
                            1));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json(chain, expiries));
            } else {
                table(out, chain);
            }
            out.flush();
        }
        return 0;
    }

    private Instant parseAt() {
        if (at == null) {
            return Instant.now().truncatedTo(ChronoUnit.MINUTES);
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new CliException("--at: '" + at + "' is not an ISO-8601 instant such as 2026-03-03T15:00:00Z", 2);
        }
    }

    private LocalDate parseExpiry() {
        if (expiry == null) {
            return null;
        }
        try {
            return LocalDate.parse(expiry);
        } catch (DateTimeParseException e) {
            throw new CliException("--expiry: '" + expiry + "' is not a date YYYY-MM-DD", 2);
        }
    }

    /** Finds the underlying by id, symbol or crypto base asset. */
    static OptionUnderlying resolve(String name) {
        List<OptionUnderlying> all = SimulatedOptionUnderlyings.of(MarketUniverse.standard());
        String n = name.trim();
        for (OptionUnderlying u : all) {
            boolean match = u.id().toString().equalsIgnoreCase(n)
                    || u.id().symbol().equalsIgnoreCase(n)
                    || (u.instrument() instanceof Instrument.CryptoSpot c
                            && c.base().code().equalsIgnoreCase(n));
            if (match) {
                return u;
            }
        }
        throw new CliException(
                "--underlying: no options on '" + name + "'; underlyings: "
                        + String.join(
                                ", ", all.stream().map(u -> u.id().toString()).toList()),
                2);
    }

    private static void table(PrintWriter out, OptionChainView c) {
        out.printf(
                Locale.ROOT,
                "%s  expiry %s (%s, %s, %s, %s per contract, %s)  underlying %s  ATM %s  as of %s%n",
                c.underlying(),
                c.expiry(),
                c.kind().name().toLowerCase(Locale.ROOT),
                c.style().name().toLowerCase(Locale.ROOT),
                c.cashSettled() ? "cash-settled" : "physical delivery",
                c.multiplier().toPlainString(),
                c.currency(),
                c.underlyingPrice().stripTrailingZeros().toPlainString(),
                c.atmStrike().toPlainString(),
                c.asOf());
        String side = "%10s %10s %10s %6s %7s %8s %9s %9s %9s %7s";
        String header = String.format(
                Locale.ROOT, side, "bid", "ask", "last", "iv", "delta", "gamma", "theta", "vega", "rho", "oi");
        int width = header.length() + 1;
        out.printf(Locale.ROOT, "%-" + width + "s | %10s | %s%n", "CALLS", "", "PUTS");
        out.printf(Locale.ROOT, "%s  | %10s | %s%n", header, "STRIKE", header);
        for (OptionChainRow r : c.rows()) {
            String mark = r.strike().compareTo(c.atmStrike()) == 0 ? "*" : " ";
            out.printf(
                    Locale.ROOT,
                    "%s%s | %s%9s | %s%s%n",
                    side(r.call()),
                    r.call().inTheMoney() ? "i" : " ",
                    mark,
                    r.strike().toPlainString(),
                    side(r.put()),
                    r.put().inTheMoney() ? " i" : "");
        }
    }

    private static String side(OptionQuoteView q) {
        return String.format(
                Locale.ROOT,
                "%10s %10s %10s %6.1f %7.3f %8.5f %9.4f %9.4f %9.4f %7d",
                q.bid().value().toPlainString(),
                q.ask().value().toPlainString(),
                q.last() == null ? "-" : q.last().value().toPlainString(),
                q.impliedVolatility() * 100.0,
                q.delta(),
                q.gamma(),
                q.theta(),
                q.vega(),
                q.rho(),
                q.openInterest());
    }

    private static String json(OptionChainView c, List<OptionExpiry> expiries) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("underlying", c.underlying().toString());
        root.put("expiry", c.expiry().toString());
        root.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
        root.put("expiresAt", c.expiresAt().toString());
        root.put("style", c.style().name().toLowerCase(Locale.ROOT));
        root.put("settlement", c.cashSettled() ? "cash" : "physical");
        root.put("multiplier", c.multiplier());
        root.put("currency", c.currency().code());
        root.put("underlyingPrice", c.underlyingPrice());
        root.put("timeToExpiry", c.timeToExpiry());
        root.put("asOf", c.asOf().toString());
        root.put("atmStrike", c.atmStrike());
        ArrayNode dates = root.putArray("expiries");
        expiries.forEach(e -> dates.add(e.date().toString()));
        ArrayNode rows = root.putArray("rows");
        for (OptionChainRow r : c.rows()) {
            ObjectNode row = rows.addObject();
            row.put("strike", r.strike());
            side(row.putObject("call"), r.call());
            side(row.putObject("put"), r.put());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void side(ObjectNode n, OptionQuoteView q) {
        n.put("instrument", q.instrumentId().toString());
        n.put("bid", q.bid().value());
        n.put("ask", q.ask().value());
        if (q.last() == null) {
            n.putNull("last");
        } else {
            n.put("last", q.last().value());
        }
        n.put("iv", q.impliedVolatility());
        n.put("delta", q.delta());
        n.put("gamma", q.gamma());
        n.put("theta", q.theta());
        n.put("vega", q.vega());
        n.put("rho", q.rho());
        n.put("oi", q.openInterest());
        n.put("itm", q.inTheMoney());
    }
}
