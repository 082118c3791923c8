package dev.paperdesk.desktop.reports;

import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.report.AccountRecords;
import dev.paperdesk.engine.report.ExportOptions;
import dev.paperdesk.engine.report.Statement;
import dev.paperdesk.engine.report.pdf.StatementReport;
import dev.paperdesk.engine.report.tax.TaxLotCalculator;
import dev.paperdesk.engine.report.tax.TaxReport;
import dev.paperdesk.engine.report.tax.TaxReportFiles;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Generates reports of the selected portfolio on a background executor: while one runs, {@link
 * #runningProperty()} is true and the status says what is being written; when it ends, the status
 * names the file (or the error) and {@link #lastReportProperty()} points at it. The folder of the
 * last report is kept in the workspace's settings.
 */
public final class ReportsViewModel {
    /** Workspace setting holding the folder reports were last written to. */
    public static final String KEY_LAST_FOLDER = "reports.lastFolder";

    private final TradingSession session;
    private final UiExecutor ui;
    private final Executor background;
    private final ObjectProperty<PortfolioId> portfolio;
    private final Clock clock;
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Path> lastReport = new SimpleObjectProperty<>();

    public ReportsViewModel(
            TradingSession session,
            UiExecutor ui,
            Executor background,
            ObjectProperty<PortfolioId> portfolio,
            Clock clock) {
        this.session = Objects.requireNonNull(session, "session");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.background = Objects.requireNonNull(background, "background");
        this.portfolio = Objects.requireNonNull(portfolio, "portfolio");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The folder to offer in the file chooser: the last one used, if it still exists. */
    public Optional<Path> lastFolder() {
        return session.setting(KEY_LAST_FOLDER).map(Path::of).filter(Files::isDirectory);
    }

    /** A default file name, e.g. {@code statement-demo-2026-03.pdf}. */
    public String suggestedName(String kind, String period, String extension) {
        String name = session.portfolio(portfolio.get())
                .map(p -> p.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                .orElse("portfolio");
        return kind + "-" + name + "-" + period + "." + extension;
    }

    /** Writes the account statement of {@code from}–{@code to} (UTC days) to {@code file}. */
    public CompletableFuture<Path> statement(LocalDate from, LocalDate to, boolean includeJournal, Path file) {
        return run("statement", file, records -> {
            Statement s = Statement.of(records, from, to, ZoneOffset.UTC);
            StatementReport.write(s, includeJournal, clock, file);
        });
    }

    /** Writes the tax report of {@code year} (PDF, CSV or TXF by the file's extension). */
    public CompletableFuture<Path> tax(int year, CostBasisMethod method, Path file) {
        return run("tax report", file, records -> {
            CostBasisMethod m = method == null ? records.costBasisMethod() : method;
            TaxReport r = TaxLotCalculator.build(records, year, m, ZoneOffset.UTC);
            TaxReportFiles.write(r, file, clock, ExportOptions.DEFAULT);
        });
    }

    private interface Job {
        void write(AccountRecords records) throws Exception;
    }

    private CompletableFuture<Path> run(String what, Path file, Job job) {
        PortfolioId id = portfolio.get();
        CompletableFuture<Path> done = new CompletableFuture<>();
        if (id == null) {
            status.set("Select a portfolio first.");
            done.completeExceptionally(new IllegalStateException("no portfolio selected"));
            return done;
        }
        if (running.get()) {
            status.set("A report is being written; wait for it to finish.");
            done.completeExceptionally(new IllegalStateException("busy"));
            return done;
        }
        running.set(true);
        status.set("Writing the " + what + " to " + file.getFileName() + "\u2026");
        background.execute(() -> {
            try {
                job.write(AccountRecords.read(session, id));
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    session.putSetting(KEY_LAST_FOLDER, parent.toString());
                }
                ui.post(() -> {
                    running.set(false);
                    lastReport.set(file.toAbsolutePath());
                    status.set("Wrote " + file.toAbsolutePath());
                    done.complete(file.toAbsolutePath());
                });
            } catch (Exception | Error e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                ui.post(() -> {
                    running.set(false);
                    status.set("The " + what + " failed: " + why);
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    /** One daemon thread for report jobs, so a slow report never blocks the UI or the engine. */
    public static Executor backgroundExecutor() {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "paperdesk-reports");
            t.setDaemon(true);
            return t;
        });
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Path> lastReportProperty() {
        return lastReport;
    }
}
