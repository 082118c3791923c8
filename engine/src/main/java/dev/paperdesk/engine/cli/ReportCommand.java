package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.report.AccountRecords;
import dev.paperdesk.engine.report.ExportOptions;
import dev.paperdesk.engine.report.Statement;
import dev.paperdesk.engine.report.pdf.StatementReport;
import dev.paperdesk.engine.report.tax.TaxLotCalculator;
import dev.paperdesk.engine.report.tax.TaxReport;
import dev.paperdesk.engine.report.tax.TaxReportFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code paperdesk report …}: account statements and tax reports. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Generate reports of a portfolio: an account statement (PDF) or a tax report (PDF, CSV, TXF).",
        subcommands = {
            ReportCommand.StatementCommand.class,
            ReportCommand.TaxCommand.class,
            ReportCommand.BacktestReportCommand.class
        })
final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Clock of the generation timestamp shown in the reports' footers. */
    static final Clock CLOCK = Clock.systemUTC();

    @Command(
            name = "statement",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Write an account statement for a period as PDF: balances (opening and closing cash per currency,"
                        + " equity), positions, realized and unrealized P&L, fees, funding, round trips, fills and"
                        + " ledger entries, in the base currency.",
                "Open positions are valued at the last fill price of their instrument at the end of the period."
            })
    static final class StatementCommand implements Callable<Integer> {
        @Mixin
        AccountOptions account;

        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (YYYY-MM-DD).")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, included (YYYY-MM-DD).")
        LocalDate to;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The PDF file to write.")
        Path out;

        @Option(names = "--journal", description = "Include the trade journal's notes of the period.")
        boolean journal;

        @Option(
                names = "--zone",
                paramLabel = "ZONE",
                description = "Time zone of the days and times shown (default: UTC), e.g. America/New_York.")
        ZoneId zone = ZoneOffset.UTC;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
                throw new CliException("--out: the statement is a PDF; the file name must end in .pdf", 2);
            }
            if (to.isBefore(from)) {
                throw new CliException("--to " + to + " is before --from " + from, 2);
            }
            AccountRecords records = account.read();
            Statement statement = Statement.of(records, from, to, zone);
            StatementReport.write(statement, journal, CLOCK, out);
            var w = spec.commandLine().getOut();
            w.printf(
                    "wrote the statement of portfolio %s from %s to %s to %s%n",
                    records.portfolioName(), from, to, out.toAbsolutePath().normalize());
            w.flush();
            return 0;
        }
    }

    @Command(
            name = "tax",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Write the realized gains and losses of a tax year by lot: short-term and long-term, with wash"
                        + " sales flagged (code W) and their disallowed loss.",
                "Formats by the extension of --out: .pdf (report), .csv (Form 8949-like lines),"
                        + " .txf (TXF V042 for tax software)."
            })
    static final class TaxCommand implements Callable<Integer> {
        @Mixin
        AccountOptions account;

        @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The tax year.")
        int year;

        @Option(
                names = "--method",
                paramLabel = "METHOD",
                converter = MethodConverter.class,
                description = "Cost-basis method: fifo, lifo or average (default: the portfolio's own).")
        CostBasisMethod method;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE",
                description = "The file to write: FILE.pdf, FILE.csv or FILE.txf.")
        Path out;

        @Option(
                names = "--zone",
                paramLabel = "ZONE",
                description = "Time zone in which trade dates are taken (default: UTC).")
        ZoneId zone = ZoneOffset.UTC;

        @Option(names = "--bom", description = "Start a CSV file with a UTF-8 byte order mark (for spreadsheets).")
        boolean bom;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                TaxReportFiles.formatOf(out);
            } catch (IllegalArgumentException e) {
                throw new CliException("--out: " + e.getMessage(), 2);
            }
            if (year < 1900 || year > 9999) {
                throw new CliException("--year must be a four-digit year, not " + year, 2);
            }
            AccountRecords records = account.read();
            CostBasisMethod m = method == null ? records.costBasisMethod() : method;
            TaxReport report = TaxLotCalculator.build(records, year, m, zone);
            TaxReportFiles.write(report, out, CLOCK, new ExportOptions(zone, bom));
            var w = spec.commandLine().getOut();
            w.printf(
                    "wrote %d lines (%s) of portfolio %s for %d to %s%n",
                    report.lines().size(),
                    m,
                    records.portfolioName(),
                    year,
                    out.toAbsolutePath().normalize());
            w.flush();
            return 0;
        }
    }

    @Command(
            name = "backtest",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Write the backtest report (PDF) of a RESULT.json written by 'paperdesk backtest': summary,"
                        + " equity with buy and hold, drawdowns, monthly returns, trade statistics and the"
                        + " model assumptions.",
                "With --montecarlo, a Monte Carlo section from an MC.json written by 'paperdesk montecarlo':"
                        + " fan chart of the percentile bands over the original curve, histograms of final"
                        + " equity and maximum drawdown with percentile markers, and the percentile table."
            })
    static final class BacktestReportCommand implements Callable<Integer> {
        @Option(
                names = "--result",
                required = true,
                paramLabel = "RESULT.json",
                description = "A result written by paperdesk backtest --out.")
        Path result;

        @Option(
                names = "--montecarlo",
                paramLabel = "MC.json",
                description = "Add a Monte Carlo section from a file written by paperdesk montecarlo --out.")
        Path montecarlo;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "The PDF to write.")
        Path out;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            dev.paperdesk.engine.backtest.BacktestResult r;
            try {
                r = dev.paperdesk.engine.backtest.BacktestFiles.fromJson(java.nio.file.Files.readString(result));
            } catch (java.io.IOException e) {
                throw new CliException("cannot read " + result + ": " + e.getMessage(), 1);
            } catch (IllegalArgumentException e) {
                throw new CliException(result + ": " + e.getMessage(), 1);
            }
            dev.paperdesk.engine.report.pdf.BacktestReportData data;
            try {
                data = dev.paperdesk.engine.backtest.BacktestReports.of(r);
            } catch (IllegalArgumentException e) {
                throw new CliException(result + ": " + e.getMessage(), 1);
            }
            if (montecarlo != null) {
                dev.paperdesk.engine.montecarlo.MonteCarloFiles.Loaded mc;
                try {
                    mc = dev.paperdesk.engine.montecarlo.MonteCarloFiles.fromJson(
                            java.nio.file.Files.readString(montecarlo));
                } catch (java.io.IOException e) {
                    throw new CliException("cannot read " + montecarlo + ": " + e.getMessage(), 1);
                } catch (IllegalArgumentException e) {
                    throw new CliException(montecarlo + ": " + e.getMessage(), 1);
                }
                if (!mc.header().strategy().equals(r.config().strategy())
                        || !mc.header().instruments().equals(r.config().instruments())) {
                    throw new CliException(
                            montecarlo + " simulates " + mc.header().strategy() + " on "
                                    + String.join(", ", mc.header().instruments()) + ", not the backtest of "
                                    + r.config().strategy() + " on "
                                    + String.join(", ", r.config().instruments()),
                            1);
                }
                data = data.withMonteCarlo(mc.result(), mc.header().originalEquity());
            }
            dev.paperdesk.engine.report.pdf.BacktestReport.write(data, CLOCK, out);
            var w = spec.commandLine().getOut();
            w.printf(
                    "wrote the backtest report of %s (%d trades) to %s%n",
                    r.config().strategy(),
                    r.trades().size(),
                    out.toAbsolutePath().normalize());
            w.flush();
            return 0;
        }
    }

    static final class MethodConverter implements CommandLine.ITypeConverter<CostBasisMethod> {
        @Override
        public CostBasisMethod convert(String value) {
            try {
                return CostBasisMethod.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not one of fifo, lifo, average");
            }
        }
    }
}
