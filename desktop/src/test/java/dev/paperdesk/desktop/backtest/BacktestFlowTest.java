package dev.paperdesk.desktop.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Run a backtest from the view on a CSV file and see the equity curve, the tiles and the trades. */
@ExtendWith(ApplicationExtension.class)
class BacktestFlowTest {
    private Path dir;
    private TradingSession session;
    private FxUiExecutor ui;
    private BacktestViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("paperdesk-backtest");
        session = TradingSession.open(
                SessionConfig.simulated(dir.resolve("bt.paperdesk"), Instant.parse("2026-03-02T15:00:00Z"), 1));
        ui = new FxUiExecutor();
        vm = new BacktestViewModel(session, ui);
        dev.paperdesk.desktop.common.TestStages.show(stage, new BacktestView(vm), 1200, 760);
    }

    @AfterEach
    void tearDown() {
        vm.close();
        ui.close();
        session.close();
    }

    static String yahoo(int days) {
        StringBuilder sb = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        Random random = new Random(5);
        LocalDate d = LocalDate.of(2021, 1, 1);
        double prev = 40;
        for (int i = 0; i < days; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() > 5) {
                continue;
            }
            double close = 40 + 6 * Math.sin(i / 25.0) + random.nextGaussian() * 0.4;
            double open = prev + random.nextGaussian() * 0.2;
            sb.append(String.format(
                    Locale.ROOT,
                    "%s,%.2f,%.2f,%.2f,%.2f,%.2f,%d%n",
                    d,
                    open,
                    Math.max(open, close) + 0.2,
                    Math.min(open, close) - 0.2,
                    close,
                    close,
                    1000));
            prev = close;
            i++;
        }
        return sb.toString();
    }

    @Test
    void runsFromTheFormAndShowsEquityTilesAndTrades(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), yahoo(300));
        assertThat(robot.lookup("#backtestNoRun").queryAs(Label.class).isVisible())
                .as("the empty chart pane says what it will show")
                .isTrue();
        assertThat(robot.lookup("#backtestPriceEmpty").queryAs(Label.class).getText())
                .contains("each entry and exit marked");
        robot.clickOn("#backtestCsvPath").write(csv.toString());
        robot.doubleClickOn("#backtestSymbol").write("ACME");
        robot.clickOn("#backtestRun");

        TableView<?> trades = robot.lookup("#backtestTrades").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !trades.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        XYChart equity = robot.lookup("#backtestEquityChart").query();
        assertThat(equity.getRenderers().get(0).getDatasets()).hasSize(2);
        assertThat(equity.getRenderers().get(0).getDatasets().get(0).getDataCount())
                .isEqualTo(300);
        // money on the equity axis reads with grouped digits, not ChartFX's 1.3E5
        assertThat(equity.getYAxis().getTickLabelFormatter().toString(130_000)).isEqualTo("130,000");
        assertThat(robot.lookup("#backtestNoRun").queryAs(Label.class).isVisible())
                .isFalse();
        Label totalReturn = robot.lookup("#tile-total-return .tile-value").query();
        assertThat(totalReturn.getText()).endsWith("%");
        assertThat(robot.lookup("#backtestStatus").queryLabeled().getText()).startsWith("Done. 300 bars");
        assertThat(vm.assumptions()).isNotEmpty();
        // the run was saved in the workspace
        assertThat(session.backtests().orElseThrow().list()).hasSize(1);
        assertThat(vm.savedIdProperty().get())
                .isEqualTo(session.backtests().orElseThrow().list().get(0).id());
        assertThat(robot.lookup("#backtestOpenMonteCarlo").queryButton().isDisabled())
                .isFalse();

        robot.clickOn("#backtestTradesTab");
        assertThat(trades.getItems()).hasSize(vm.resultProperty().get().trades().size());
        WaitForAsyncUtils.waitForFxEvents();
        // the cells read as a trader writes them: a UTC date and time, a holding time in days and
        // hours, a signed P&L coloured by its sign, each header in full
        List<String> first = trades.getColumns().stream()
                .map(c -> c.getCellObservableValue(0).getValue())
                .map(v -> v == null ? "" : v.toString())
                .toList();
        assertThat(robot.lookup("#backtestTrades .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                        .filter(c -> c.getIndex() == 0 && c.getTableColumn() != null)
                        .map(c -> c.getTableColumn().getText() + "=" + c.getText())
                        .toList())
                .as("first row, cells %s", first)
                .anySatisfy(t -> assertThat(t).matches("Entry \\(UTC\\)=2021-\\d\\d-\\d\\d 00:00:00"))
                .anySatisfy(t -> assertThat(t).matches("Held=\\d+d \\d+h"))
                .anySatisfy(t -> assertThat(t).matches("P&L=[+\u2212]?[\\d,]+\\.\\d\\d"));
        assertThat(robot.lookup("#backtestTrades .table-cell.pnl-positive").queryAll())
                .as("winning trades in the gain colour")
                .isNotEmpty();
        // the text a header shows is its title, not a clipped "Instr..."
        assertThat(dev.paperdesk.desktop.common.TableHeaders.shown(robot, "#backtestTrades"))
                .containsAll(trades.getColumns().stream()
                        .map(javafx.scene.control.TableColumn::getText)
                        .toList());

        // the price it traded, each entry and exit marked on its bar at its fill price
        robot.clickOn("#backtestPriceTab");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#backtestPriceEmpty").queryAs(Label.class).isVisible())
                .isFalse();
        XYChart price = robot.lookup("#backtestPriceChart").query();
        assertThat(price.getRenderers()).hasSize(3);
        io.fair_acc.dataset.DataSet closes =
                price.getRenderers().get(0).getDatasets().get(0);
        assertThat(closes.getDataCount()).isEqualTo(300);
        java.util.Set<Double> barTimes = new java.util.HashSet<>();
        for (int i = 0; i < closes.getDataCount(); i++) {
            barTimes.add(closes.get(io.fair_acc.dataset.DataSet.DIM_X, i));
        }
        List<dev.paperdesk.engine.backtest.BacktestFill> fills =
                vm.resultProperty().get().fills();
        io.fair_acc.dataset.DataSet buys =
                price.getRenderers().get(1).getDatasets().get(0);
        io.fair_acc.dataset.DataSet sells =
                price.getRenderers().get(2).getDatasets().get(0);
        assertThat(buys.getDataCount() + sells.getDataCount()).isEqualTo(fills.size());
        List<dev.paperdesk.engine.backtest.BacktestFill> bought =
                fills.stream().filter(f -> f.side().equals("BUY")).toList();
        assertThat(buys.getDataCount()).isEqualTo(bought.size()).isPositive();
        for (int i = 0; i < buys.getDataCount(); i++) {
            double x = buys.get(io.fair_acc.dataset.DataSet.DIM_X, i);
            assertThat(barTimes).as("a buy marker on a bar").contains(x);
            assertThat(x).isEqualTo(bought.get(i).time().getEpochSecond());
            assertThat(buys.get(io.fair_acc.dataset.DataSet.DIM_Y, i))
                    .isEqualTo(bought.get(i).price().doubleValue());
        }
    }

    @Test
    void aStrategyThatCannotRunOnTheDataSaysWhyInFull(FxRobot robot) throws Exception {
        // macd-momentum's 4h trend cannot be built from daily bars: refused where it is written
        Path csv = Files.writeString(dir.resolve("acme.csv"), yahoo(120));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> strategy =
                robot.lookup("#backtestStrategy").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> {
            strategy.getEditor().setText("builtin:macd-momentum"); // an editable box commits its editor on blur
            strategy.setValue("builtin:macd-momentum");
        });
        assertThat(vm.strategyProperty().get()).isEqualTo("builtin:macd-momentum");
        robot.clickOn("#backtestCsvPath").write(csv.toString());
        robot.doubleClickOn("#backtestSymbol").write("ACME");
        robot.clickOn("#backtestRun");
        assertThat(vm.strategyProperty().get()).isEqualTo("builtin:macd-momentum");
        Label status = robot.lookup("#backtestStatus").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> !vm.runningProperty().get()
                            && status.getText() != null
                            && status.getText().startsWith("builtin:"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status after 20 s: " + status.getText(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).contains("indicator 'trend': timeframe 4h is shorter than the strategy's 1d");
        // wrapped onto as many lines as it needs, not cut to "..."
        assertThat(status.getHeight())
                .isGreaterThanOrEqualTo(status.prefHeight(status.getWidth()) - 0.5)
                .isGreaterThan(2 * status.getFont().getSize());
        assertThat(vm.resultProperty().get()).isNull();
    }

    /**
     * Choosing the file sets From/To to its first and last dates; a narrowed range trades only inside
     * it (the equity curve starts and ends within it, fewer trades than on the whole file), is shown
     * first in the assumptions and is saved with the run; a reversed range is refused with a message.
     */
    @Test
    void aNarrowedDateRangeTradesOnlyInsideIt(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), yahoo(300));
        robot.clickOn("#backtestCsvPath").write(csv.toString());
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> vm.dataLastProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DatePicker from = robot.lookup("#backtestFrom").query();
        javafx.scene.control.DatePicker to = robot.lookup("#backtestTo").query();
        assertThat(from.getValue()).isEqualTo(LocalDate.of(2021, 1, 4));
        assertThat(to.getValue()).isEqualTo(vm.dataLastProperty().get());
        assertThat(from.getEditor().getText()).isEqualTo("2021-01-04");

        robot.clickOn("#backtestRun");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> vm.runs().size() == 1 && !vm.runningProperty().get());
        int fullTrades = vm.resultProperty().get().metrics().trades();
        int fullPoints = vm.resultProperty().get().equity().size();

        LocalDate first = LocalDate.of(2021, 4, 1);
        LocalDate last = LocalDate.of(2021, 9, 30);
        type(robot, from, first.toString());
        type(robot, to, last.toString());
        assertThat(vm.fromProperty().get()).isEqualTo(first);
        assertThat(vm.toProperty().get()).isEqualTo(last);
        robot.clickOn("#backtestRun");
        try {
            WaitForAsyncUtils.waitFor(
                    30,
                    TimeUnit.SECONDS,
                    () -> vm.runs().size() == 2 && !vm.runningProperty().get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    "no second run; status: " + vm.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();

        var r = vm.resultProperty().get();
        Instant start = first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        assertThat(r.equity()).isNotEmpty().hasSizeLessThan(fullPoints);
        assertThat(r.equity().get(0).time()).isBetween(start, end);
        assertThat(r.equity().get(r.equity().size() - 1).time()).isBetween(start, end);
        XYChart equity = robot.lookup("#backtestEquityChart").query();
        var curve = equity.getRenderers().get(0).getDatasets().get(0);
        assertThat(curve.get(0, 0)).isGreaterThanOrEqualTo(start.getEpochSecond());
        assertThat(curve.get(0, curve.getDataCount() - 1)).isLessThanOrEqualTo(end.getEpochSecond());
        assertThat(r.trades()).allSatisfy(t -> assertThat(t.entryTime()).isBetween(start, end));
        assertThat(r.metrics().trades()).isLessThan(fullTrades);
        assertThat(vm.assumptions().get(0)).isEqualTo("Range: 2021-04-01 to 2021-09-30 (UTC)");
        long weekdaysBefore = LocalDate.of(2021, 1, 4)
                .datesUntil(first)
                .filter(d -> d.getDayOfWeek().getValue() <= 5)
                .count();
        assertThat(vm.assumptions().get(1)).startsWith("Warm-up: " + weekdaysBefore + " earlier bars");

        var saved = dev.paperdesk.engine.backtest.BacktestArchive.load(
                        session.backtests().orElseThrow(), vm.savedIdProperty().get())
                .orElseThrow();
        assertThat(saved.config().from()).isEqualTo(start);
        assertThat(saved.config().to()).isEqualTo(end);

        type(robot, from, "2021-10-01");
        assertThat(robot.lookup("#backtestRangeProblem").queryLabeled().getText())
                .isEqualTo("From 2021-10-01 is after To 2021-09-30.");
        assertThat(robot.lookup("#backtestRun").queryButton().isDisabled()).isTrue();
        type(robot, to, "2030-01-01");
        assertThat(robot.lookup("#backtestRangeProblem").queryLabeled().getText())
                .isEqualTo("To 2030-01-01 is after the data's last bar ("
                        + vm.dataLastProperty().get() + ").");
    }

    /**
     * Types {@code text} into a date picker's field and commits it by moving the focus on (Enter would
     * also press the form's default button, Run).
     */
    private static void type(FxRobot robot, javafx.scene.control.DatePicker picker, String text) {
        robot.clickOn(picker.getEditor());
        robot.interact(() -> picker.getEditor().selectAll());
        robot.write(text).type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Two runs with different fast periods, compared from the saved-runs list: the comparison window
     * shows the engine's metrics for both and their difference, the parameter row marked as differing,
     * and both normalised curves on one chart with a legend.
     */
    @Test
    void comparesTwoSavedRunsSideBySide(FxRobot robot) throws Exception {
        Path csv = Files.writeString(dir.resolve("acme.csv"), yahoo(300));
        robot.clickOn("#backtestCsvPath").write(csv.toString());
        robot.doubleClickOn("#backtestSymbol").write("ACME");
        robot.clickOn("#backtestParameters").write("fast=5");
        robot.clickOn("#backtestRun");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> vm.runs().size() == 1 && !vm.runningProperty().get());
        robot.doubleClickOn("#backtestParameters").eraseText(6).write("fast=20");
        robot.clickOn("#backtestRun");
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () -> vm.runs().size() == 2 && !vm.runningProperty().get());

        robot.clickOn("#backtestRunsTab");
        TableView<?> runs = robot.lookup("#backtestRuns").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        // the saved runs read whole: "Saved (UTC)" with its full time, not "Save..." and "2026-1..."
        assertThat(dev.paperdesk.desktop.common.TableHeaders.shown(robot, "#backtestRuns"))
                .contains("Saved (UTC)", "Strategy", "Instruments", "Total return")
                .noneMatch(t -> t.endsWith("..."));
        assertThat(robot.lookup("#backtestRuns .table-cell .text").queryAllAs(javafx.scene.text.Text.class).stream()
                        .map(javafx.scene.text.Text::getText)
                        .filter(t -> t.matches("\\d{4}-.*")))
                .hasSize(2)
                .allMatch(t -> t.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        robot.interact(() -> runs.getSelectionModel().selectAll());
        robot.clickOn("#backtestCompare");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#backtestComparison")
                .tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        var store = session.backtests().orElseThrow();
        var saved = store.list(); // newest first: run A is the older one (fast=5)
        var a = dev.paperdesk.engine.backtest.BacktestArchive.load(
                        store, saved.get(1).id())
                .orElseThrow();
        var b = dev.paperdesk.engine.backtest.BacktestArchive.load(
                        store, saved.get(0).id())
                .orElseThrow();
        assertThat(a.config().parameters()).containsEntry("fast", "5");
        assertThat(b.config().parameters()).containsEntry("fast", "20");

        TableView<?> metrics = robot.lookup("#backtestComparisonMetrics").queryTableView();
        assertThat(metrics.getItems()).isNotEmpty();
        String totalA = cell(metrics, "Total return", 1);
        String totalB = cell(metrics, "Total return", 2);
        String totalDiff = cell(metrics, "Total return", 3);
        assertThat(totalA)
                .isEqualTo(String.format(Locale.ROOT, "%.2f %%", a.metrics().totalReturn() * 100));
        assertThat(totalB)
                .isEqualTo(String.format(Locale.ROOT, "%.2f %%", b.metrics().totalReturn() * 100));
        assertThat(totalDiff)
                .isEqualTo(String.format(
                        Locale.ROOT,
                        "%+.2f pp",
                        (b.metrics().totalReturn() - a.metrics().totalReturn()) * 100));
        assertThat(cell(metrics, "Trades", 1))
                .isEqualTo(Integer.toString(a.metrics().trades()));
        assertThat(cell(metrics, "Trades", 2))
                .isEqualTo(Integer.toString(b.metrics().trades()));
        assertThat(cell(metrics, "Sharpe", 1))
                .isEqualTo(
                        a.metrics().sharpe() == null
                                ? "\u2013"
                                : String.format(Locale.ROOT, "%.2f", a.metrics().sharpe()));

        TableView<?> settings = robot.lookup("#backtestComparisonSettings").queryTableView();
        assertThat(cell(settings, "parameter fast", 1)).isEqualTo("5");
        assertThat(cell(settings, "parameter fast", 2)).isEqualTo("20");
        assertThat(cell(settings, "parameter fast", 3)).isEqualTo("differs");
        assertThat(cell(settings, "strategy", 3)).isEmpty();
        assertThat(robot.lookup(".table-row-cell.compare-diff").queryAll()).isNotEmpty();

        XYChart chart = robot.lookup("#backtestComparisonChart").query();
        var sets = chart.getRenderers().get(0).getDatasets();
        assertThat(sets).hasSize(2);
        assertThat(sets.get(0).getName()).startsWith("A #");
        assertThat(sets.get(1).getDataCount()).isEqualTo(b.equity().size());
        assertThat(sets.get(0).get(1, 0))
                .isEqualTo(a.equity().get(0).equity().doubleValue()
                        / a.config().capital().doubleValue()
                        * 100);
        assertThat(chart.legendVisibleProperty().get()).isTrue();
    }

    /** The text of column {@code column} in the row whose first column reads {@code first}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String cell(TableView table, String first, int column) {
        for (int r = 0; r < table.getItems().size(); r++) {
            javafx.scene.control.TableColumn c0 =
                    (javafx.scene.control.TableColumn) table.getColumns().get(0);
            if (first.equals(text(c0, table.getItems().get(r)))) {
                return text(
                        (javafx.scene.control.TableColumn) table.getColumns().get(column),
                        table.getItems().get(r));
            }
        }
        throw new AssertionError("no row " + first);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String text(javafx.scene.control.TableColumn column, Object row) {
        Object value = column.getCellObservableValue(row).getValue();
        javafx.scene.control.TableCell cell =
                (javafx.scene.control.TableCell) column.getCellFactory().call(column);
        cell.updateTableColumn(column);
        java.lang.reflect.Method update;
        try {
            update = javafx.scene.control.Cell.class.getDeclaredMethod("updateItem", Object.class, boolean.class);
            update.setAccessible(true);
            update.invoke(cell, value, false);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return cell.getText() == null ? "" : cell.getText();
    }
}
