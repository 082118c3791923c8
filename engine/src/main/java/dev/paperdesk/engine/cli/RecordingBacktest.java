package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.arbitrage.ArbitrageBacktest;
import dev.paperdesk.engine.arbitrage.RecordingFormatException;
import dev.paperdesk.engine.backtest.BacktestArchive;
import dev.paperdesk.engine.backtest.BacktestFiles;
import dev.paperdesk.engine.backtest.BacktestResult;
import dev.paperdesk.engine.io.AtomicFiles;
import dev.paperdesk.engine.session.WorkspaceLocator;
import dev.paperdesk.engine.store.sqlite.SqliteWorkspaceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code paperdesk backtest --strategy builtin:funding-arbitrage --recording DAY.pdmr}: the arbitrage
 * strategy replayed over a recorded multi-venue market, written as any backtest's RESULT.json.
 */
final class RecordingBacktest {
    private final BacktestCommand c;

    RecordingBacktest(BacktestCommand command) {
        this.c = command;
    }

    Integer call() throws IOException {
        if (!ArbitrageBacktest.isArbitrage(c.run.strategy)) {
            throw new CliException(
                    "--recording replays a multi-venue market for --strategy " + ArbitrageBacktest.STRATEGY
                            + " only, not " + c.run.strategy,
                    2);
        }
        if (c.recording == null) {
            throw new CliException(
                    ArbitrageBacktest.STRATEGY + " needs --recording DAY.pdmr (paperdesk arbitrage"
                            + " record), not bars",
                    2);
        }
        var parsed = c.spec.commandLine().getParseResult();
        for (String bar : List.of("--data", "--from", "--to", "--commission-per-order", "--slippage")) {
            if (parsed.hasMatchedOption(bar)) {
                throw new CliException(
                        bar + " does not apply to " + ArbitrageBacktest.STRATEGY
                                + ": the recording is the data, and the venues' fees and the hedge slippage model are used",
                        2);
            }
        }
        if (c.run.capital.signum() <= 0) {
            throw new CliException("--capital must be positive, not " + c.run.capital.toPlainString(), 2);
        }
        if (!Files.isRegularFile(c.recording)) {
            throw new CliException("no recording at " + c.recording, 1);
        }
        long started = System.nanoTime();
        ArbitrageBacktest.Outcome outcome;
        try {
            outcome = ArbitrageBacktest.run(c.recording, c.run.capital, c.params, c.seed, t -> {});
        } catch (RecordingFormatException | NoSuchFileException e) {
            throw new CliException(e.getMessage(), 1);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), 2);
        }
        long runMs = (System.nanoTime() - started) / 1_000_000;
        BacktestResult result = outcome.result();
        BacktestFiles.writeJson(c.out, result);
        if (c.trades != null) {
            AtomicFiles.writeString(c.trades, BacktestFiles.tradesCsv(result));
        }
        if (c.equity != null) {
            AtomicFiles.writeString(c.equity, BacktestFiles.equityCsv(result));
        }
        archive(c.workspace, result);
        var m = result.metrics();
        c.spec.commandLine()
                .getOut()
                .printf(
                        Locale.ROOT,
                        "%s on %s: %d events, %d trades, total return %s, max drawdown %s, P&L %s (%d ms)%n",
                        result.config().strategy(),
                        c.recording.getFileName(),
                        outcome.events(),
                        m.trades(),
                        pct(m.totalReturn()),
                        pct(m.maxDrawdown()),
                        outcome.arbitrage()
                                .portfolio()
                                .cumulativePnl()
                                .setScale(2, java.math.RoundingMode.HALF_EVEN)
                                .toPlainString(),
                        runMs);
        return 0;
    }

    /** Keeps {@code result} in the workspace's backtest history when a workspace was given. */
    static void archive(Path workspace, BacktestResult result) {
        if (workspace == null) {
            return;
        }
        try (SqliteWorkspaceStore store = SqliteWorkspaceStore.open(WorkspaceLocator.resolve(workspace))) {
            BacktestArchive.save(store.backtests(), result, Instant.now());
        }
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
}
