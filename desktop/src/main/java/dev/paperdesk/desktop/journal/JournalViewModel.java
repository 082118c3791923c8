package dev.paperdesk.desktop.journal;

import dev.paperdesk.desktop.common.Formats;
import dev.paperdesk.desktop.common.Lists;
import dev.paperdesk.engine.model.Instrument;
import dev.paperdesk.engine.model.Order;
import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.session.TradingSession;
import dev.paperdesk.engine.store.TradeJournalStore;
import dev.paperdesk.engine.store.TradeJournalStore.Note;
import dev.paperdesk.engine.store.TradeJournalStore.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The journal panel's state: the selected portfolio's notes filtered by a search text and a tag, the
 * tags in use, and the commands to add, edit, delete notes and attach images. Failures become a
 * message for the panel, never an exception in the UI.
 */
public final class JournalViewModel {
    /** The tag filter's entry that shows every note. */
    public static final String ALL_TAGS = "All tags";

    /** One note as the list shows it. */
    public record NoteRow(long id, String time, String target, String tags, String text, int images) {
        /** The line under the note's text: time, what it is about, tags, images. */
        public String caption() {
            return time + "  \u00b7  " + target + (tags.isEmpty() ? "" : "  \u00b7  " + tags)
                    + (images == 0 ? "" : "  \u00b7  " + images + (images == 1 ? " image" : " images"));
        }
    }

    /** A choice of what a new note is about. */
    public record TargetOption(String label, Target target) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final TradingSession session;
    private final TradeJournalStore journal;
    private final ObjectProperty<PortfolioId> portfolio;
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<String> tagFilter = new SimpleObjectProperty<>(ALL_TAGS);
    private final ObservableList<NoteRow> notes = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList(ALL_TAGS);
    private final StringProperty message = new SimpleStringProperty("");

    public JournalViewModel(TradingSession session, ObjectProperty<PortfolioId> portfolio) {
        this.session = Objects.requireNonNull(session, "session");
        this.journal = session.tradeJournal();
        this.portfolio = portfolio;
        portfolio.addListener((o, a, b) -> refresh());
        searchText.addListener((o, a, b) -> refresh());
        tagFilter.addListener((o, a, b) -> refresh());
        refresh();
    }

    /** Re-reads the notes matching the search and the tag filter. */
    public void refresh() {
        PortfolioId id = portfolio.get();
        if (id == null) {
            notes.clear();
            Lists.replace(tags, List.of(ALL_TAGS));
            return;
        }
        String tag = tagFilter.get();
        TradeJournalStore.Query q = TradeJournalStore.Query.all(id).withText(searchText.get());
        if (tag != null && !ALL_TAGS.equals(tag)) {
            q = q.withTag(tag);
        }
        Lists.replace(
                notes, journal.search(q).stream().map(JournalViewModel::row).toList());
        List<String> all = new ArrayList<>();
        all.add(ALL_TAGS);
        all.addAll(journal.tags(id));
        if (!all.equals(tags)) {
            String keep = tagFilter.get();
            Lists.replace(tags, all);
            tagFilter.set(all.contains(keep) ? keep : ALL_TAGS);
        }
    }

    private static NoteRow row(Note n) {
        return new NoteRow(
                n.id(),
                Formats.time(n.createdAt()),
                n.target().label(),
                n.tags().isEmpty() ? "" : "#" + String.join(" #", n.tags()),
                n.text(),
                n.attachments().size());
    }

    /** What a note can be about: the account, each instrument's position, recent orders. */
    public List<TargetOption> targets() {
        List<TargetOption> out = new ArrayList<>();
        out.add(new TargetOption("Account", new TradeJournalStore.Account()));
        for (Instrument i : session.instruments()) {
            out.add(new TargetOption("Position " + i.id(), new TradeJournalStore.PositionNote(i.id())));
        }
        PortfolioId id = portfolio.get();
        session.orders().stream()
                .filter(o -> o.request().portfolioId().equals(id))
                .sorted(Comparator.comparing(Order::id).reversed())
                .limit(20)
                .forEach(o -> out.add(new TargetOption(
                        "Order " + o.id().value() + " " + o.request().side() + " "
                                + o.request().quantity() + " " + o.request().instrumentId(),
                        new TradeJournalStore.OrderNote(o.id(), o.request().instrumentId()))));
        return out;
    }

    /** Adds a note; returns its id, or -1 with {@link #messageProperty()} saying why not. */
    public long addNote(Target target, String text, String tagsText) {
        PortfolioId id = portfolio.get();
        if (id == null) {
            message.set("Select a portfolio first.");
            return -1;
        }
        try {
            Note n = journal.add(new TradeJournalStore.NoteDraft(
                    id, target, text, TradeJournalStore.parseTags(tagsText), session.now()));
            message.set("Note added.");
            refresh();
            return n.id();
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return -1;
        }
    }

    public boolean editNote(long id, String text, String tagsText) {
        try {
            journal.update(id, text, TradeJournalStore.parseTags(tagsText), session.now());
            message.set("Note saved.");
            refresh();
            return true;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    public void deleteNote(long id) {
        journal.delete(id);
        message.set("Note deleted.");
        refresh();
    }

    /** The stored note behind a row (text and tags for the edit dialog). */
    public java.util.Optional<Note> note(long id) {
        return journal.note(id);
    }

    /** Attaches an image file; its type comes from the file's first bytes. */
    public boolean attachFile(long noteId, Path file) {
        try {
            byte[] data = Files.readAllBytes(file);
            String mime = imageType(data);
            if (mime == null) {
                message.set(file.getFileName() + " is not a PNG, JPEG, GIF, BMP or WebP image.");
                return false;
            }
            return attach(noteId, file.getFileName().toString(), mime, data);
        } catch (IOException e) {
            message.set("Cannot read " + file + ": " + e.getMessage());
            return false;
        }
    }

    /** Attaches image bytes, e.g. a PNG snapshot of the chart. */
    public boolean attach(long noteId, String name, String mimeType, byte[] data) {
        try {
            journal.attach(noteId, name, mimeType, data, session.now());
            message.set("Attached " + name + ".");
            refresh();
            return true;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    /** The MIME type of image bytes by their signature, or null when they are no image we accept. */
    static String imageType(byte[] d) {
        if (d.length >= 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return "image/png";
        }
        if (d.length >= 3 && (d[0] & 0xff) == 0xff && (d[1] & 0xff) == 0xd8 && (d[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (d.length >= 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8') {
            return "image/gif";
        }
        if (d.length >= 2 && d[0] == 'B' && d[1] == 'M') {
            return "image/bmp";
        }
        if (d.length >= 12
                && d[0] == 'R'
                && d[1] == 'I'
                && d[2] == 'F'
                && d[3] == 'F'
                && d[8] == 'W'
                && d[9] == 'E'
                && d[10] == 'B'
                && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<String> tagFilterProperty() {
        return tagFilter;
    }

    public ObservableList<NoteRow> notes() {
        return notes;
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** A file name for a chart snapshot taken now: {@code chart-2026-03-02T14-30-00Z.png}. */
    public String snapshotName() {
        return "chart-"
                + session.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString()
                        .replace(':', '-')
                + ".png";
    }
}
