package dev.paperdesk.desktop.reports;

import dev.paperdesk.engine.portfolio.CostBasisMethod;
import java.awt.Desktop;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The "Reports" menu and its progress indicator: asks for the period (or year and method) and the
 * file, generates through the view-model off the UI thread, then opens the report with the system
 * viewer when the platform has one (otherwise the status line names the file).
 */
public final class ReportsMenu {
    private final ReportsViewModel vm;
    private final Menu menu = new Menu("Reports");
    private final HBox progress;

    public ReportsMenu(ReportsViewModel vm) {
        this.vm = vm;
        MenuItem statement = new MenuItem("Account statement\u2026");
        statement.setId("reportStatement");
        statement.setOnAction(e -> statement(owner(e)));
        MenuItem tax = new MenuItem("Tax report\u2026");
        tax.setId("reportTax");
        tax.setOnAction(e -> tax(owner(e)));
        MenuItem open = new MenuItem("Open last report");
        open.setId("reportOpenLast");
        open.disableProperty().bind(vm.lastReportProperty().isNull());
        open.setOnAction(e -> open(vm.lastReportProperty().get()));
        MenuItem reveal = new MenuItem("Show report folder");
        reveal.setId("reportRevealFolder");
        reveal.disableProperty().bind(vm.lastReportProperty().isNull());
        reveal.setOnAction(e -> open(vm.lastReportProperty().get().getParent()));
        statement.disableProperty().bind(vm.runningProperty());
        tax.disableProperty().bind(vm.runningProperty());
        menu.setId("reportsMenu");
        menu.getItems().setAll(statement, tax, open, reveal);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setId("reportProgress");
        spinner.setPrefSize(14, 14);
        spinner.visibleProperty().bind(vm.runningProperty());
        spinner.managedProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("reportStatus");
        status.textProperty().bind(vm.statusProperty());
        progress = new HBox(4, spinner, status);
    }

    public Menu menu() {
        return menu;
    }

    /** The spinner and status text, for the status bar. */
    public Node progress() {
        return progress;
    }

    private Window owner(javafx.event.ActionEvent e) {
        return menu.getParentPopup() != null ? menu.getParentPopup().getOwnerWindow() : null;
    }

    private void statement(Window owner) {
        YearMonth month = YearMonth.now().minusMonths(1);
        DatePicker from = new DatePicker(month.atDay(1));
        from.setId("reportFrom");
        DatePicker to = new DatePicker(month.atEndOfMonth());
        to.setId("reportTo");
        CheckBox journal = new CheckBox("Include journal notes");
        journal.setId("reportIncludeJournal");
        GridPane grid = grid();
        grid.addRow(0, new Label("From"), from);
        grid.addRow(1, new Label("To"), to);
        grid.addRow(2, new Label(""), journal);
        if (!ask(owner, "Account statement", grid)) {
            return;
        }
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            vm.statusProperty().set("The statement's period must end on or after its first day.");
            return;
        }
        Path file = choose(
                owner, vm.suggestedName("statement", from.getValue() + "_" + to.getValue(), "pdf"), "PDF", "*.pdf");
        if (file != null) {
            vm.statement(from.getValue(), to.getValue(), journal.isSelected(), file)
                    .thenAccept(this::open);
        }
    }

    private void tax(Window owner) {
        Spinner<Integer> year = new Spinner<>(1990, 2100, LocalDate.now().getYear() - 1);
        year.setId("reportYear");
        year.setEditable(true);
        ComboBox<String> method = new ComboBox<>();
        method.setId("reportMethod");
        method.getItems().setAll("Portfolio's method", "FIFO", "LIFO", "AVERAGE");
        method.setValue("Portfolio's method");
        ComboBox<String> format = new ComboBox<>();
        format.setId("reportFormat");
        format.getItems().setAll("pdf", "csv", "txf");
        format.setValue("pdf");
        GridPane grid = grid();
        grid.addRow(0, new Label("Tax year"), year);
        grid.addRow(1, new Label("Cost basis"), method);
        grid.addRow(2, new Label("Format"), format);
        if (!ask(owner, "Tax report", grid)) {
            return;
        }
        String ext = format.getValue();
        Path file = choose(
                owner,
                vm.suggestedName("tax", Integer.toString(year.getValue()), ext),
                ext.toUpperCase(java.util.Locale.ROOT),
                "*." + ext);
        if (file != null) {
            CostBasisMethod m =
                    method.getValue().startsWith("Portfolio") ? null : CostBasisMethod.valueOf(method.getValue());
            vm.tax(year.getValue(), m, file).thenAccept(p -> {
                if (ext.equals("pdf")) {
                    open(p);
                }
            });
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    private static boolean ask(Window owner, String title, Node content) {
        Dialog<ButtonType> d = new Dialog<>();
        if (owner != null) {
            d.initOwner(owner);
        }
        d.setTitle("Paperdesk");
        d.setHeaderText(title);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        return d.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private Path choose(Window owner, String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save report");
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind + " files", pattern));
        vm.lastFolder().ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        File f = chooser.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    /** Opens a file or folder with the system's viewer, off the UI thread; a headless system just keeps the path shown. */
    private void open(Path path) {
        if (path == null) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
                            Desktop.getDesktop().open(path.toFile());
                        }
                    } catch (Exception | LinkageError ignored) {
                        // No viewer registered (or no desktop at all): the status line already names the file.
                    }
                },
                "paperdesk-open-report");
        t.setDaemon(true);
        t.start();
    }
}
