package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.arbitrage.ArbitrageFiles;
import dev.paperdesk.engine.arbitrage.ArbitrageResult;
import dev.paperdesk.engine.arbitrage.ArbitrageSettings;
import dev.paperdesk.engine.arbitrage.ArbitrageSimulation;
import dev.paperdesk.engine.arbitrage.MarketRecording;
import dev.paperdesk.engine.arbitrage.PortfolioMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code paperdesk arbitrage}: the cross-venue funding-rate spread arbitrage desk, headless. */
@Command(
        name = "arbitrage",
        mixinStandardHelpOptions = true,
        description = "Cross-venue funding-rate spread arbitrage on perpetual swaps (see docs/arbitrage.md).",
        subcommands = {ArbitrageCommand.Simulate.class, ArbitrageCommand.Record.class})
final class ArbitrageCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code paperdesk arbitrage simulate}. */
    @Command(
            name = "simulate",
            mixinStandardHelpOptions = true,
            description = {
                "Run the arbitrage strategy headless on the simulated multi-venue perpetual market (7 symbols on"
                        + " binance, bybit, okx, kucoin, bitget, gate, hyperliquid and paradex), on a simulated clock"
                        + " from 2026-01-05T00:00Z, as fast as the machine allows. The same seed gives the same"
                        + " RESULT.json.",
                "RESULT.json keys: seed, start, end, duration, symbols, venues, settings (the thresholds),"
                        + " portfolio (starting_capital, available_capital, open_exposure, utilization_pct,"
                        + " total_trades, active_trades, wins, losses, win_rate_pct, cumulative_pnl, pnl_pct,"
                        + " leg_out_count, leg_out_total_loss, leg_out_loss_pct, days_elapsed, realistic_apr_pct),"
                        + " trades (id, symbol, long_venue, short_venue, status, opened_at, entry_time,"
                        + " entry_long_price, entry_short_price, entry_spread_bps, quantity, position_size,"
                        + " funding_delta_entry8h, confidence, projected_profit, current_spread_bps, unrealized_pnl,"
                        + " funding_pnl, fees, actual_profit, leg_out_loss, exit_reason, exit_time, orders,"
                        + " leg_outs), rejections_by_reason (depth, latency, funding_delta, spread, confidence,"
                        + " profit, liquidity, capital, harder_leg_unfilled), leg_out_events, latency_violations,"
                        + " top_opportunities and decisions (how many were logged).",
                "Each order: id, leg, purpose (entry, entry_hedge, exit, exit_hedge), venue, instrument, side,"
                        + " type (LIMIT or MARKET), price, quantity, resting_depth, cumulative_volume,"
                        + " queue_threshold, created_at, filled_at, fill_price, slippage_bps, fee, status.",
                "Example: paperdesk arbitrage simulate --seed 1 --duration 24h --out result.json --trades trades.csv"
            })
    static final class Simulate implements Callable<Integer> {
        private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");

        @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the market and latencies.")
        long seed;

        @Option(
                names = "--duration",
                required = true,
                paramLabel = "D",
                description = "Simulated time to run: a number with s, m, h or d, e.g. 24h or 90m.")
        String duration;

        @Option(
                names = "--capital",
                defaultValue = "20000",
                paramLabel = "USD",
                description = "Starting capital of the arbitrage book (default: ${DEFAULT-VALUE}).")
        BigDecimal capital;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "RESULT.json",
                description = "Where to write the result (written atomically).")
        Path out;

        @Option(
                names = "--trades",
                paramLabel = "TRADES.csv",
                description = "Also write one row per trade: " + ArbitrageFiles.TRADES_HEADER + ".")
        Path trades;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (capital.signum() <= 0) {
                throw new CliException("--capital must be positive, not " + capital.toPlainString(), 2);
            }
            Duration length = parseDuration(duration);
            ArbitrageSettings settings = ArbitrageSettings.defaults(seed).withStartingCapital(capital);
            long started = System.nanoTime();
            ArbitrageResult result = ArbitrageSimulation.simulate(settings, length, null, t -> {});
            long runMs = (System.nanoTime() - started) / 1_000_000;
            ArbitrageFiles.writeResult(out, result);
            if (trades != null) {
                ArbitrageFiles.writeTrades(trades, result);
            }
            summary(spec.commandLine().getOut(), result, runMs);
            return 0;
        }

        static Duration parseDuration(String text) {
            Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new CliException(
                        "--duration must be a number with s, m, h or d (e.g. 24h), not '" + text + "'", 2);
            }
            long n = Long.parseLong(m.group(1));
            Duration d =
                    switch (m.group(2)) {
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
            if (d.isZero() || d.compareTo(Duration.ofDays(31)) > 0) {
                throw new CliException("--duration must be between 1s and 31d, not '" + text + "'", 2);
            }
            return d;
        }

        private static void summary(PrintWriter out, ArbitrageResult r, long runMs) {
            PortfolioMetrics p = r.portfolio();
            out.printf(
                    Locale.ROOT,
                    "arbitrage seed %d, %s simulated in %d ms: %d trades (%d closed, win rate %.1f %%), P&L %s (%.3f %%,"
                            + " realistic APR %.1f %%), %d leg-outs (loss %s), %d latency violations%n",
                    r.seed(),
                    r.duration(),
                    runMs,
                    r.trades().size(),
                    p.totalTrades(),
                    p.winRatePct(),
                    p.cumulativePnl()
                            .setScale(2, java.math.RoundingMode.HALF_EVEN)
                            .toPlainString(),
                    p.pnlPct(),
                    p.realisticAprPct(),
                    p.legOutCount(),
                    p.legOutTotalLoss()
                            .setScale(2, java.math.RoundingMode.HALF_EVEN)
                            .toPlainString(),
                    r.latencyViolations().size());
            StringBuilder sb = new StringBuilder("rejections:");
            for (Map.Entry<String, Long> e : r.rejectionsByReason().entrySet()) {
                sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
            }
            out.println(sb);
            out.flush();
        }
    }

    /** {@code paperdesk arbitrage record}: a simulated multi-venue day as a replayable file. */
    @Command(
            name = "record",
            mixinStandardHelpOptions = true,
            description = {
                "Record the simulated multi-venue perpetual market the arbitrage strategy trades (7 symbols on 8"
                        + " venues, from 2026-01-05T00:00Z) as a file: every quote, print, L2 book, mark,"
                        + " funding settlement and open-interest event with its engine time, gzip'd binary"
                        + " format version " + MarketRecording.VERSION + " (docs/arbitrage.md), written atomically.",
                "Backtest it with: paperdesk backtest --strategy builtin:funding-arbitrage --recording DAY.pdmr"
                        + " --out result.json",
                "Example: paperdesk arbitrage record --seed 1 --duration 24h --out day.pdmr"
            })
    static final class Record implements Callable<Integer> {
        @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed of the simulated market.")
        long seed;

        @Option(
                names = "--duration",
                required = true,
                paramLabel = "D",
                description = "Simulated time to record: a number with s, m, h or d, e.g. 24h or 90m.")
        String duration;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "DAY.pdmr",
                description = "The recording (written atomically; .pdmr by convention).")
        Path out;

        @Option(
                names = "--book-band-bps",
                paramLabel = "BPS",
                description = "Books keep the levels within this many bps of their touch (default: ${DEFAULT-VALUE},"
                        + " the depth the strategy and its hedge slippage read); 0 keeps every level.")
        java.math.BigDecimal bookBandBps = MarketRecording.STRATEGY_BOOK_BAND_BPS;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Duration length = Simulate.parseDuration(duration);
            if (bookBandBps.signum() < 0) {
                throw new CliException("--book-band-bps must be 0 or positive, not " + bookBandBps.toPlainString(), 2);
            }
            long started = System.nanoTime();
            long events = MarketRecording.record(
                    ArbitrageSimulation.market(seed),
                    "simulated perpetual market, seed " + seed,
                    seed,
                    ArbitrageSimulation.DEFAULT_START,
                    length,
                    bookBandBps,
                    out,
                    t -> {});
            long runMs = (System.nanoTime() - started) / 1_000_000;
            spec.commandLine()
                    .getOut()
                    .printf(
                            Locale.ROOT,
                            "recorded %s of seed %d: %d events, %d bytes in %s (%d ms)%n",
                            length,
                            seed,
                            events,
                            java.nio.file.Files.size(out),
                            out,
                            runMs);
            return 0;
        }
    }
}
