package dev.paperdesk.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/** Test data and a runner for the optimize, montecarlo and report commands. */
final class QuantCli {
    private QuantCli() {}

    /** A Yahoo-format daily file of {@code days} weekdays: two sine waves with noise. */
    static Path yahooFile(Path dir, int days) throws Exception {
        StringBuilder sb = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        Random random = new Random(11);
        LocalDate d = LocalDate.of(2019, 1, 1);
        double prev = 50;
        for (int i = 0; i < days; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            double close = 50 + 8 * Math.sin(i / 30.0) + 2 * Math.sin(i / 9.0) + random.nextGaussian() * 0.5;
            double open = prev + random.nextGaussian() * 0.2;
            double high = Math.max(open, close) + 0.3;
            double low = Math.min(open, close) - 0.3;
            sb.append(String.format(
                    Locale.ROOT, "%s,%.2f,%.2f,%.2f,%.2f,%.2f,%d%n", d, open, high, low, close, close, 1000 + i));
            prev = close;
            i++;
        }
        Path f = dir.resolve("acme.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    /** Runs the command line; returns the exit code, output and errors. */
    /**
     * A rule strategy that buys 10 USD's worth (in steps of 0.001) when the close crosses above its
     * SMA(10) and sells when it crosses below: on a stock priced around 50 it trades only in lots
     * finer than one share.
     */
    static Path tenDollarStrategy(Path dir) throws Exception {
        return Files.writeString(
                dir.resolve("ten-dollars.yaml"),
                """
                name: ten-dollars
                instruments: [X@hist]
                timeframe: 1d
                indicators:
                  avg: sma:10
                rules:
                  - name: in
                    when: [{position: flat}, {crosses_above: [close, avg]}]
                    then: {action: buy, size: {amount: 10, step: 0.001}}
                  - name: out
                    when: [{position: long}, {crosses_below: [close, avg]}]
                    then: {action: close}
                """);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PaperdeskCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {}
}
