package dev.paperdesk.engine.cli;

import dev.paperdesk.engine.report.AccountExports;
import dev.paperdesk.engine.report.AccountRecords;
import dev.paperdesk.engine.report.ExportFormat;
import dev.paperdesk.engine.report.ExportOptions;
import dev.paperdesk.engine.report.ExportTable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code paperdesk export WHAT}: a portfolio's records as CSV or JSON. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Export a portfolio's records as CSV or JSON (chosen by the extension of --out).",
            "CSV: UTF-8, RFC 4180, '.' decimals, ISO-8601 timestamps with zone. JSON: one object with"
                    + " metadata and a \"rows\" array.",
            "The file is written to a temporary file and moved into place."
        })
final class ExportCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "WHAT",
            converter = KindConverter.class,
            description = "What to export: orders (with their journal events), fills, trades (closed round trips"
                    + " per the portfolio's cost-basis method), positions, ledger, equity (replayed from the"
                    + " ledger and fills, valued at last fill prices), journal (notes and tags).")
    AccountExports.Kind kind;

    @Mixin
    AccountOptions account;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The file to write: FILE.csv or FILE.json.")
    Path out;

    @Option(names = "--bom", description = "Start a CSV file with a UTF-8 byte order mark (for spreadsheets).")
    boolean bom;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try {
            ExportFormat.of(out);
        } catch (IllegalArgumentException e) {
            throw new CliException("--out: " + e.getMessage(), 2);
        }
        AccountRecords records = account.read();
        ExportTable table = new AccountExports(records).table(kind);
        ExportFormat.write(table, out, ExportOptions.DEFAULT.withByteOrderMark(bom));
        var w = spec.commandLine().getOut();
        w.printf(
                "wrote %d %s of portfolio %s to %s%n",
                table.rows().size(),
                table.rows().size() == 1 ? "row" : "rows",
                records.portfolioName(),
                out.toAbsolutePath().normalize());
        w.flush();
        return 0;
    }

    static final class KindConverter implements CommandLine.ITypeConverter<AccountExports.Kind> {
        @Override
        public AccountExports.Kind convert(String value) {
            try {
                return AccountExports.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not one of orders, fills, trades, positions, ledger, equity, journal");
            }
        }
    }
}
