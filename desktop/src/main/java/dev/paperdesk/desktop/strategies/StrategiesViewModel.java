package dev.paperdesk.desktop.strategies;

import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.desktop.common.UiExecutor;
import dev.paperdesk.engine.backtest.StrategySource;
import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.portfolio.CostBasisMethod;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.strategy.api.StrategyDefinition;
import dev.paperdesk.engine.strategy.api.StrategyProblem;
import dev.paperdesk.engine.strategy.builtin.Templates;
import dev.paperdesk.engine.strategy.rules.RuleStrategy;
import dev.paperdesk.engine.strategy.rules.RuleStrategyLoader;
import dev.paperdesk.engine.strategy.runner.StrategyRunner;
import dev.paperdesk.engine.strategy.runner.StrategyStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the strategies view. Validation follows the edits: a pause in typing of
 * {@link #VALIDATION_DELAY} runs the engine's loader off the FX thread (it reports every problem with
 * its line and column) and publishes the problems and the editor's line markers through the {@link
 * UiExecutor}, dropping results of text that has changed since. Starting a strategy gives it a fresh
 * portfolio with the chosen capital on the live market, through the session's {@link StrategyRunner}.
 */
public final class StrategiesViewModel implements AutoCloseable {
    /** Quiet time after the last keystroke before the text is validated. */
    public static final Duration VALIDATION_DELAY = Duration.ofMillis(250);

    /** Runs validation jobs: later after a pause in typing, or at once in tests. */
    public interface ValidationScheduler extends AutoCloseable {
        /** Runs {@code job} once the text has been still for a while, replacing a job not yet run. */
        void schedule(Runnable job);

        @Override
        default void close() {}

        /** Runs every job at once on the calling thread. */
        static ValidationScheduler immediate() {
            return Runnable::run;
        }

        /** One daemon thread; a new job cancels the pending one and waits {@code delay} again. */
        static ValidationScheduler debounced(Duration delay) {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "strategy-validation");
                t.setDaemon(true);
                return t;
            });
            return new ValidationScheduler() {
                private ScheduledFuture<?> pending;

                @Override
                public synchronized void schedule(Runnable job) {
                    if (pending != null) {
                        pending.cancel(false);
                    }
                    pending = executor.schedule(job, delay.toMillis(), TimeUnit.MILLISECONDS);
                }

                @Override
                public void close() {
                    executor.shutdownNow();
                }
            };
        }
    }

    private final TradingSession session;
    private final StrategyRunner runner;
    private final UiExecutor ui;
    private final ObservableList<String> templates = FXCollections.observableArrayList();
    private final StringProperty template = new SimpleStringProperty("builtin:sma-cross");
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty capital = new SimpleStringProperty("100000");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<StrategyStatus> statuses = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    /** The runner id of the strategy whose log is shown, or -1 for none. */
    private volatile long logOf = -1;

    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<StrategyProblem> markers = FXCollections.observableArrayList();
    private final ValidationScheduler scheduler;
    private final AtomicLong edits = new AtomicLong();

    public StrategiesViewModel(TradingSession session, StrategyRunner runner, UiExecutor ui) {
        this(session, runner, ui, ValidationScheduler.debounced(VALIDATION_DELAY));
    }

    public StrategiesViewModel(
            TradingSession session, StrategyRunner runner, UiExecutor ui, ValidationScheduler scheduler) {
        this.session = session;
        this.runner = runner;
        this.ui = ui;
        this.scheduler = scheduler;
        Templates.list().forEach(t -> templates.add(t.reference()));
        source.addListener((o, a, b) -> validateLater(b));
        runner.onFailure(f -> ui.post(() -> message.set(f.message())));
        // an empty editor is not "valid": the view opens saying what to do first
        publish(check(source.get()));
        refresh();
    }

    /** Replaces the editor's text by a copy of the chosen template, renamed {@code NAME-copy}. */
    public void cloneTemplate() {
        String text = Templates.text(template.get()).orElse("");
        text = text.replaceFirst("(?m)^name:\\s*(\\S+)", "name: $1-copy");
        // the templates name BTC-USDT@sim: the copy trades the live market's BTC-USDT where it is listed
        List<InstrumentId> ids = instrumentsOf(text);
        List<InstrumentId> here = ids.stream()
                .map(id -> listed(id) ? id : sameSymbol(id).stream().findFirst().orElse(id))
                .toList();
        source.set(here.equals(ids) ? text : StrategySource.rebind(text, here, null));
    }

    /** The instruments a valid strategy text trades (with its parameters' defaults); empty when it is not valid. */
    private static List<InstrumentId> instrumentsOf(String text) {
        if (RuleStrategyLoader.load("editor", text) instanceof RuleStrategyLoader.Load.Loaded loaded
                && loaded.definition().build(Map.of()) instanceof StrategyDefinition.Build.Built built
                && built.strategy() instanceof RuleStrategy rules) {
            return rules.instruments();
        }
        return List.of();
    }

    private boolean listed(InstrumentId id) {
        return session.instrument(id).isPresent();
    }

    /** The live market's instruments with {@code id}'s symbol, in its order. */
    private List<InstrumentId> sameSymbol(InstrumentId id) {
        return session.instruments().stream()
                .map(Instrument::id)
                .filter(i -> i.symbol().equals(id.symbol()))
                .toList();
    }

    /** Why the strategy cannot trade the live market (an instrument it does not list), or empty. */
    private String unlisted(List<InstrumentId> ids) {
        for (InstrumentId id : ids) {
            if (!listed(id)) {
                List<String> others =
                        sameSymbol(id).stream().map(InstrumentId::toString).toList();
                return "instruments: " + id + " is not listed on the live market, so no bar would ever reach the"
                        + " strategy" + (others.isEmpty() ? "" : "; use " + String.join(" or ", others));
            }
        }
        return "";
    }

    /** Re-checks the editor's text now, on the calling thread; the problems list is empty when it would run. */
    public void validate() {
        edits.incrementAndGet();
        publish(check(source.get()));
    }

    private void validateLater(String text) {
        long edit = edits.incrementAndGet();
        scheduler.schedule(() -> {
            List<StrategyProblem> found = check(text);
            ui.post(() -> {
                if (edits.get() == edit) {
                    publish(found);
                }
            });
        });
    }

    /** The engine loader's problems with {@code text}; pure, so it may run on any thread. */
    static List<StrategyProblem> check(String text) {
        if (text == null || text.isBlank()) {
            return List.of(new StrategyProblem(
                    StrategyProblem.Kind.MISSING_FIELD,
                    "editor",
                    0,
                    0,
                    "the editor is empty: clone a template or write a strategy"));
        }
        return switch (RuleStrategyLoader.load("editor", text)) {
            case RuleStrategyLoader.Load.Loaded l -> List.of();
            case RuleStrategyLoader.Load.Invalid i -> i.problems();
        };
    }

    private void publish(List<StrategyProblem> found) {
        problems.setAll(found.stream().map(Object::toString).toList());
        markers.setAll(found.stream().filter(p -> p.line() > 0).toList());
    }

    /** Starts the editor's strategy in a new portfolio; returns its runner id, or -1 with the problem shown. */
    public long start() {
        validate();
        if (!problems.isEmpty()) {
            message.set("fix the problems first");
            return -1;
        }
        if (!(RuleStrategyLoader.load("editor", source.get()) instanceof RuleStrategyLoader.Load.Loaded loaded)) {
            return -1;
        }
        StrategyDefinition.Build build = loaded.definition().build(Map.of());
        if (!(build instanceof StrategyDefinition.Build.Built built)) {
            message.set(((StrategyDefinition.Build.Invalid) build).message());
            return -1;
        }
        String elsewhere = built.strategy() instanceof RuleStrategy rules ? unlisted(rules.instruments()) : "";
        if (!elsewhere.isEmpty()) {
            message.set(elsewhere);
            return -1;
        }
        BigDecimal cash;
        try {
            cash = new BigDecimal(capital.get().strip());
        } catch (NumberFormatException e) {
            message.set("capital: not a number: '" + capital.get() + "'");
            return -1;
        }
        PortfolioId portfolio = TradingSession.await(session.createPortfolio(
                        "strategy " + built.strategy().name(),
                        "runs strategy " + built.strategy().name(),
                        Currency.USD,
                        cash,
                        CostBasisMethod.FIFO))
                .id();
        // primed on the workspace's stored bars (the live market keeps them), as a backtest warms up
        long id = session.bars()
                .map(history -> runner.start(built.strategy(), built.values(), portfolio, history))
                .orElseGet(() -> runner.start(built.strategy(), built.values(), portfolio));
        message.set("started " + built.strategy().name());
        refresh();
        return id;
    }

    public void pause(StrategyStatus s) {
        runner.pause(s.id());
    }

    public void resume(StrategyStatus s) {
        runner.resume(s.id());
    }

    public void stop(StrategyStatus s) {
        runner.stop(s.id());
    }

    /** Reloads the statuses and the shown log (call from a UI timer). */
    public void refresh() {
        List<StrategyStatus> now = runner.statuses();
        ui.coalesce("strategies-status", () -> Lists.replace(statuses, now));
        long id = logOf;
        List<String> lines = id < 0 ? List.of() : runner.log(id);
        ui.coalesce("strategies-log", () -> {
            if (!log.equals(lines)) {
                log.setAll(lines);
            }
        });
    }

    /** Shows the log of {@code s} (its warnings, such as a rule that never acted, said when it stops); null for none. */
    public void showLog(StrategyStatus s) {
        logOf = s == null ? -1 : s.id();
        refresh();
    }

    /** The last lines the chosen strategy logged (engine time, level, message), oldest first. */
    public ObservableList<String> log() {
        return log;
    }

    public ObservableList<String> templates() {
        return templates;
    }

    public StringProperty templateProperty() {
        return template;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty capitalProperty() {
        return capital;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<StrategyStatus> statuses() {
        return statuses;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The problems that have a line in the editor's text, for its gutter and underlines. */
    public ObservableList<StrategyProblem> markers() {
        return markers;
    }

    /** Stops the validation thread. */
    @Override
    public void close() {
        scheduler.close();
    }
}
