package dev.paperdesk.desktop.journal;

import dev.paperdesk.desktop.journal.JournalViewModel.NoteRow;
import dev.paperdesk.desktop.journal.JournalViewModel.TargetOption;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * The journal panel ({@code #journalView}): a search field, a tag filter, the notes newest first, and
 * buttons to add or edit a note, attach an image file or a snapshot of the price chart.
 */
public final class JournalView extends VBox {
    private final JournalViewModel vm;
    private final ListView<NoteRow> list = new ListView<>();
    private final Supplier<Node> chart;

    /** @param chart the node a "Capture chart" snapshot is taken of (the price chart), or null */
    public JournalView(JournalViewModel vm, Supplier<Node> chart) {
        this.vm = vm;
        this.chart = chart;
        setId("journalView");
        getStyleClass().add("journal-view");
        setSpacing(4);

        Label title = new Label("Journal");
        title.getStyleClass().add("pane-title");

        TextField search = new TextField();
        search.setId("journalSearch");
        search.setPromptText("Search notes and tags");
        search.textProperty().bindBidirectional(vm.searchTextProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<String> tags = new ComboBox<>(vm.tags());
        tags.setId("journalTagFilter");
        tags.valueProperty().bindBidirectional(vm.tagFilterProperty());
        tags.setPrefWidth(130);

        list.setId("journalList");
        list.setItems(vm.notes());
        list.setPlaceholder(new Label("No notes yet \u2014 add one about a trade, a position or your plan."));
        list.setCellFactory(v -> new NoteCell());
        VBox.setVgrow(list, Priority.ALWAYS);

        Button add = new Button("Add note\u2026");
        add.setId("journalAdd");
        add.setOnAction(e -> addNote());
        Button edit = new Button("Edit\u2026");
        edit.setId("journalEdit");
        edit.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editNote());
        Button attach = new Button("Attach image\u2026");
        attach.setId("journalAttach");
        attach.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        attach.setOnAction(e -> attachFile());
        Button capture = new Button("Capture chart");
        capture.setId("journalCapture");
        capture.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        capture.setOnAction(e -> captureChart());
        Button delete = new Button("Delete");
        delete.setId("journalDelete");
        delete.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(
                e -> vm.deleteNote(list.getSelectionModel().getSelectedItem().id()));

        // The buttons wrap onto a second line in a narrow pane rather than being cut to "E...".
        FlowPane actions = new FlowPane(4, 4, add, edit, attach, capture, delete);
        for (Button b : List.of(add, edit, attach, capture, delete)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }

        Label message = new Label();
        message.setId("journalMessage");
        message.getStyleClass().add("caption");
        message.textProperty().bind(vm.messageProperty());

        getChildren().setAll(title, new HBox(4, search, tags), list, actions, message);
    }

    private void addNote() {
        NoteDialog dialog = new NoteDialog("Add a note", vm.targets(), null, "", "");
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.showAndWait().ifPresent(r -> {
            long id = vm.addNote(r.target().target(), r.text(), r.tags());
            if (id > 0) {
                vm.notes().stream().filter(n -> n.id() == id).findFirst().ifPresent(n -> list.getSelectionModel()
                        .select(n));
            }
        });
    }

    private void editNote() {
        NoteRow row = list.getSelectionModel().getSelectedItem();
        vm.note(row.id()).ifPresent(note -> {
            NoteDialog dialog = new NoteDialog(
                    "Edit note",
                    java.util.List.of(new TargetOption(note.target().label(), note.target())),
                    null,
                    note.text(),
                    String.join(" ", note.tags()));
            dialog.initOwner(getScene() == null ? null : getScene().getWindow());
            dialog.showAndWait().ifPresent(r -> vm.editNote(row.id(), r.text(), r.tags()));
        });
    }

    private void attachFile() {
        NoteRow row = list.getSelectionModel().getSelectedItem();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Attach an image");
        chooser.getExtensionFilters()
                .add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp", "*.webp"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            vm.attachFile(row.id(), file.toPath());
        }
    }

    /** Snapshots the chart node (what is on screen, at its size) and attaches it as PNG. */
    private void captureChart() {
        NoteRow row = list.getSelectionModel().getSelectedItem();
        Node node = chart == null ? null : chart.get();
        if (node == null) {
            vm.messageProperty().set("There is no chart to capture.");
            return;
        }
        WritableImage image = node.snapshot(null, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png);
        } catch (IOException e) {
            vm.messageProperty().set("Cannot encode the chart snapshot: " + e.getMessage());
            return;
        }
        vm.attach(row.id(), vm.snapshotName(), "image/png", png.toByteArray());
    }

    /** A note: its text, then a muted line with time, target, tags and images. */
    private static final class NoteCell extends ListCell<NoteRow> {
        @Override
        protected void updateItem(NoteRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label text = new Label(item.text());
            text.setWrapText(true);
            Label caption = new Label(item.caption());
            caption.getStyleClass().add("caption");
            VBox box = new VBox(1, text, caption);
            box.setMaxWidth(Double.MAX_VALUE);
            setText(null);
            setGraphic(box);
        }
    }

    /** The add/edit dialog: what the note is about, its text and its tags. */
    static final class NoteDialog extends Dialog<NoteDialog.Result> {
        record Result(TargetOption target, String text, String tags) {}

        NoteDialog(
                String title, java.util.List<TargetOption> targets, TargetOption selected, String text, String tags) {
            setTitle("Paperdesk");
            setHeaderText(title);
            ComboBox<TargetOption> target = new ComboBox<>();
            target.setId("noteTarget");
            target.getItems().setAll(targets);
            target.setValue(selected != null ? selected : targets.get(0));
            target.setDisable(targets.size() == 1);
            TextArea body = new TextArea(text);
            body.setId("noteText");
            body.setPromptText("What did you see, plan or learn?");
            body.setWrapText(true);
            body.setPrefRowCount(6);
            TextField tagField = new TextField(tags);
            tagField.setId("noteTags");
            tagField.setPromptText("tags, e.g. #breakout earnings");
            GridPane grid = new GridPane();
            grid.setHgap(8);
            grid.setVgap(6);
            grid.addRow(0, new Label("About"), target);
            grid.addRow(1, new Label("Note"), body);
            grid.addRow(2, new Label("Tags"), tagField);
            getDialogPane().setContent(grid);
            getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
            Node ok = getDialogPane().lookupButton(ButtonType.OK);
            ok.setId("noteSave");
            ok.disableProperty().bind(body.textProperty().isEmpty());
            setResultConverter(
                    b -> b == ButtonType.OK ? new Result(target.getValue(), body.getText(), tagField.getText()) : null);
            setOnShown(e -> body.requestFocus());
        }
    }
}
