package dev.paperdesk.desktop.demo;

import dev.paperdesk.desktop.app.FxUiExecutor;
import dev.paperdesk.desktop.app.Theme;
import dev.paperdesk.desktop.book.DepthView;
import dev.paperdesk.desktop.book.DepthViewModel;
import dev.paperdesk.desktop.book.TimeAndSalesView;
import dev.paperdesk.desktop.book.TimeAndSalesViewModel;
import dev.paperdesk.desktop.importer.ImportDialog;
import dev.paperdesk.desktop.importer.ImportViewModel;
import dev.paperdesk.engine.market.history.BarFormat;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.session.SessionConfig;
import dev.paperdesk.engine.session.TradingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * Shows the ladder, the tape and the import dialog on a wall-clock paper session in a temporary
 * workspace, for looking at them by eye. Arguments: {@code --light} for the light theme,
 * {@code --import FILE [FORMAT]} to open the import dialog on a file, {@code --instrument ID}.
 */
public final class MarketViewsDemo {
    private MarketViewsDemo() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The demo application. */
    public static final class App extends Application {
        private TradingSession session;
        private FxUiExecutor ui;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            Path dir = Files.createTempDirectory("paperdesk-demo");
            session = TradingSession.open(SessionConfig.paperTrading(dir.resolve("demo.paperdesk")));
            ui = new FxUiExecutor();
            InstrumentId start = InstrumentId.parse(option(args, "--instrument", "BTC-USDT@binance"));
            ObjectProperty<InstrumentId> instrument = new SimpleObjectProperty<>(start);

            ComboBox<InstrumentId> picker = new ComboBox<>();
            picker.getItems()
                    .setAll(session.instruments().stream()
                            .map(Instrument::id)
                            .sorted()
                            .toList());
            picker.valueProperty().bindBidirectional(instrument);
            Label picked = new Label();
            DepthViewModel depthVm = new DepthViewModel(session, ui, instrument);
            depthVm.onPricePicked(
                    p -> picked.setText("Picked: " + p.side() + " limit " + p.price() + " " + p.instrument()));
            TimeAndSalesViewModel tapeVm = new TimeAndSalesViewModel(session, ui, instrument);
            Button importButton = new Button("Import\u2026");
            importButton.setOnAction(e -> ImportDialog.open(stage, new ImportViewModel(session, ui)));

            SplitPane split = new SplitPane(new DepthView(depthVm), new TimeAndSalesView(tapeVm));
            split.setDividerPositions(0.55);
            BorderPane root = new BorderPane(split, new ToolBar(picker, importButton, picked), null, null, null);
            Scene scene = new Scene(root, 900, 900);
            (args.contains("--light") ? Theme.LIGHT : Theme.DARK).apply(scene);
            stage.setScene(scene);
            stage.setTitle("Paperdesk market views");
            stage.show();

            int at = args.indexOf("--import");
            if (at >= 0 && at + 1 < args.size()) {
                ImportViewModel vm = new ImportViewModel(session, ui);
                if (at + 2 < args.size() && !args.get(at + 2).startsWith("--")) {
                    vm.formatProperty().set(BarFormat.valueOf(args.get(at + 2).toUpperCase(java.util.Locale.ROOT)));
                }
                vm.pathProperty().set(args.get(at + 1));
                Stage dialog = ImportDialog.open(stage, vm);
                dialog.setX(0);
                dialog.setY(0);
            }
        }

        private static String option(List<String> args, String name, String fallback) {
            int at = args.indexOf(name);
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
        }

        @Override
        public void stop() {
            ui.close();
            session.close();
        }
    }
}
