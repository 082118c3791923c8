package dev.paperdesk.engine.store.memory;

import dev.paperdesk.engine.model.PortfolioId;
import dev.paperdesk.engine.store.TradeJournalStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A trade journal kept in memory, for in-memory sessions and tests. Nothing survives the process. */
public final class InMemoryTradeJournalStore implements TradeJournalStore {
    private final Map<Long, Note> notes = new LinkedHashMap<>();
    private final Map<Long, Attachment> attachments = new LinkedHashMap<>();
    private long nextNoteId = 1;
    private long nextAttachmentId = 1;

    @Override
    public synchronized Note add(NoteDraft draft) {
        Objects.requireNonNull(draft, "draft");
        Note note = new Note(
                nextNoteId++,
                draft.portfolio(),
                draft.target(),
                draft.text(),
                new TreeSet<>(draft.tags()),
                draft.at(),
                draft.at(),
                List.of());
        notes.put(note.id(), note);
        return note;
    }

    @Override
    public synchronized Note update(long id, String text, Set<String> tags, Instant at) {
        Note old = notes.get(id);
        if (old == null) {
            throw new IllegalArgumentException("no journal note " + id);
        }
        Note note = new Note(
                id,
                old.portfolio(),
                old.target(),
                TradeJournalStore.requireText(text),
                TradeJournalStore.normaliseTags(tags),
                old.createdAt(),
                Objects.requireNonNull(at, "at"),
                old.attachments());
        notes.put(id, note);
        return note;
    }

    @Override
    public synchronized boolean delete(long id) {
        attachments.values().removeIf(a -> a.info().noteId() == id);
        return notes.remove(id) != null;
    }

    @Override
    public synchronized AttachmentInfo attach(long noteId, String name, String mimeType, byte[] data, Instant at) {
        TradeJournalStore.requireImage(name, mimeType, data);
        Note note = notes.get(noteId);
        if (note == null) {
            throw new IllegalArgumentException("no journal note " + noteId);
        }
        AttachmentInfo info = new AttachmentInfo(
                nextAttachmentId++,
                noteId,
                name.strip(),
                mimeType.strip().toLowerCase(java.util.Locale.ROOT),
                data.length,
                Objects.requireNonNull(at, "at"));
        attachments.put(info.id(), new Attachment(info, data));
        List<AttachmentInfo> all = new ArrayList<>(note.attachments());
        all.add(info);
        notes.put(
                noteId,
                new Note(
                        noteId,
                        note.portfolio(),
                        note.target(),
                        note.text(),
                        note.tags(),
                        note.createdAt(),
                        note.updatedAt(),
                        all));
        return info;
    }

    @Override
    public synchronized Optional<Attachment> attachment(long attachmentId) {
        return Optional.ofNullable(attachments.get(attachmentId));
    }

    @Override
    public synchronized Optional<Note> note(long id) {
        return Optional.ofNullable(notes.get(id));
    }

    @Override
    public synchronized List<Note> search(Query query) {
        return notes.values().stream()
                .filter(query::matches)
                .sorted(Comparator.comparing(Note::createdAt)
                        .thenComparingLong(Note::id)
                        .reversed())
                .toList();
    }

    @Override
    public synchronized List<String> tags(PortfolioId portfolio) {
        TreeSet<String> out = new TreeSet<>();
        for (Note n : notes.values()) {
            if (n.portfolio().equals(portfolio)) {
                out.addAll(n.tags());
            }
        }
        return List.copyOf(out);
    }
}
