package dev.paperdesk.engine.store;

import dev.paperdesk.engine.model.FillId;
import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.OrderId;
import dev.paperdesk.engine.model.PortfolioId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The persistence port for the trade journal: a trader's notes and tags on orders, round trips,
 * positions or the account, with image attachments kept in the workspace.
 */
public interface TradeJournalStore {

    /** The largest attachment accepted, in bytes (a full-screen PNG is well below). */
    int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

    /** What a note is about. Sealed, so views and exports switch over it exhaustively. */
    sealed interface Target {
        /** A stable name for storage and exports: ACCOUNT, ORDER, TRADE or POSITION. */
        String kind();

        /** The target's reference within its kind, e.g. {@code 17} or {@code F3-F9}; empty for the account. */
        String reference();

        /** The instrument the note concerns, if any (used by the symbol filter). */
        Optional<InstrumentId> instrument();

        /** A short label for lists and reports. */
        default String label() {
            return switch (this) {
                case Account a -> "account";
                case OrderNote o -> "order " + o.order().value() + " " + o.instrumentId();
                case TradeNote t -> "trade " + t.entryFill() + "\u2192" + t.exitFill() + " " + t.instrumentId();
                case PositionNote p -> "position " + p.instrumentId();
            };
        }

        /** Rebuilds a target from its stored kind, reference and instrument. */
        static Target of(String kind, String reference, InstrumentId instrument) {
            return switch (kind) {
                case "ACCOUNT" -> new Account();
                case "ORDER" -> new OrderNote(new OrderId(Long.parseLong(reference)), instrument);
                case "TRADE" -> {
                    String[] p = reference.split("-");
                    if (p.length != 2 || !p[0].startsWith("F") || !p[1].startsWith("F")) {
                        throw new IllegalArgumentException(
                                "trade reference must be F<entry>-F<exit>, not " + reference);
                    }
                    yield new TradeNote(
                            instrument,
                            new FillId(Long.parseLong(p[0].substring(1))),
                            new FillId(Long.parseLong(p[1].substring(1))));
                }
                case "POSITION" -> new PositionNote(instrument);
                default -> throw new IllegalArgumentException("unknown note target kind " + kind);
            };
        }
    }

    /** A note on the account as a whole: a plan, a review, a lesson. */
    record Account() implements Target {
        @Override
        public String kind() {
            return "ACCOUNT";
        }

        @Override
        public String reference() {
            return "";
        }

        @Override
        public Optional<InstrumentId> instrument() {
            return Optional.empty();
        }
    }

    /** A note on one order. */
    record OrderNote(OrderId order, InstrumentId instrumentId) implements Target {
        public OrderNote {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(instrumentId, "instrumentId");
        }

        @Override
        public String kind() {
            return "ORDER";
        }

        @Override
        public String reference() {
            return Long.toString(order.value());
        }

        @Override
        public Optional<InstrumentId> instrument() {
            return Optional.of(instrumentId);
        }
    }

    /** A note on one round trip, identified by the fill that opened it and the fill that closed it. */
    record TradeNote(InstrumentId instrumentId, FillId entryFill, FillId exitFill) implements Target {
        public TradeNote {
            Objects.requireNonNull(instrumentId, "instrumentId");
            Objects.requireNonNull(entryFill, "entryFill");
            Objects.requireNonNull(exitFill, "exitFill");
        }

        @Override
        public String kind() {
            return "TRADE";
        }

        @Override
        public String reference() {
            return entryFill + "-" + exitFill;
        }

        @Override
        public Optional<InstrumentId> instrument() {
            return Optional.of(instrumentId);
        }
    }

    /** A note on the position in one instrument. */
    record PositionNote(InstrumentId instrumentId) implements Target {
        public PositionNote {
            Objects.requireNonNull(instrumentId, "instrumentId");
        }

        @Override
        public String kind() {
            return "POSITION";
        }

        @Override
        public String reference() {
            return instrumentId.toString();
        }

        @Override
        public Optional<InstrumentId> instrument() {
            return Optional.of(instrumentId);
        }
    }

    /** An attachment's description, without its bytes. */
    record AttachmentInfo(long id, long noteId, String name, String mimeType, long size, Instant addedAt) {
        public AttachmentInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(addedAt, "addedAt");
        }
    }

    /** An attachment with its bytes. */
    record Attachment(AttachmentInfo info, byte[] data) {
        public Attachment {
            Objects.requireNonNull(info, "info");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Attachment a && a.info.equals(info) && java.util.Arrays.equals(a.data, data);
        }

        @Override
        public int hashCode() {
            return info.hashCode() * 31 + java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Attachment[" + info + "]";
        }
    }

    /**
     * A stored note.
     *
     * @param tags normalised tags (lower case, no leading '#'), sorted
     */
    record Note(
            long id,
            PortfolioId portfolio,
            Target target,
            String text,
            SortedSet<String> tags,
            Instant createdAt,
            Instant updatedAt,
            List<AttachmentInfo> attachments) {
        public Note {
            Objects.requireNonNull(portfolio, "portfolio");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
            tags = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(tags));
            attachments = List.copyOf(attachments);
        }
    }

    /** What a new note says. */
    record NoteDraft(PortfolioId portfolio, Target target, String text, Set<String> tags, Instant at) {
        public NoteDraft {
            Objects.requireNonNull(portfolio, "portfolio");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(at, "at");
            text = requireText(text);
            tags = normaliseTags(tags);
        }
    }

    /**
     * A search over notes; every criterion left null (or blank) matches everything.
     *
     * @param text case-insensitive substring of the note's text or one of its tags
     * @param tag a tag the note must carry
     * @param symbol the instrument's symbol ({@code ACME}) or full id ({@code ACME@sim}), any case
     * @param from notes created at or after this instant
     * @param to notes created before this instant
     */
    record Query(PortfolioId portfolio, String text, String tag, String symbol, Instant from, Instant to) {
        public Query {
            text = text == null || text.isBlank() ? null : text.strip();
            tag = tag == null || tag.isBlank() ? null : normaliseTag(tag);
            symbol = symbol == null || symbol.isBlank() ? null : symbol.strip();
        }

        /** Every note of {@code portfolio}. */
        public static Query all(PortfolioId portfolio) {
            return new Query(portfolio, null, null, null, null, null);
        }

        public Query withText(String t) {
            return new Query(portfolio, t, tag, symbol, from, to);
        }

        public Query withTag(String t) {
            return new Query(portfolio, text, t, symbol, from, to);
        }

        public Query withSymbol(String s) {
            return new Query(portfolio, text, tag, s, from, to);
        }

        public Query between(Instant fromInclusive, Instant toExclusive) {
            return new Query(portfolio, text, tag, symbol, fromInclusive, toExclusive);
        }

        /** True when {@code note} satisfies every criterion; the reference semantics every store follows. */
        public boolean matches(Note note) {
            if (portfolio != null && !note.portfolio().equals(portfolio)) {
                return false;
            }
            if (text != null) {
                String needle = text.toLowerCase(Locale.ROOT);
                boolean inText = note.text().toLowerCase(Locale.ROOT).contains(needle);
                boolean inTags = note.tags().stream().anyMatch(t -> t.contains(needle));
                if (!inText && !inTags) {
                    return false;
                }
            }
            if (tag != null && !note.tags().contains(tag)) {
                return false;
            }
            if (symbol != null) {
                Optional<InstrumentId> i = note.target().instrument();
                if (i.isEmpty()
                        || !(i.get().symbol().equalsIgnoreCase(symbol)
                                || i.get().toString().equalsIgnoreCase(symbol))) {
                    return false;
                }
            }
            if (from != null && note.createdAt().isBefore(from)) {
                return false;
            }
            return to == null || note.createdAt().isBefore(to);
        }
    }

    /** Stores a new note and returns it with its id. */
    Note add(NoteDraft draft);

    /**
     * Replaces a note's text and tags.
     *
     * @throws IllegalArgumentException when there is no note {@code id}
     */
    Note update(long id, String text, Set<String> tags, Instant at);

    /** Deletes a note with its tags and attachments; false when there was none. */
    boolean delete(long id);

    /**
     * Attaches an image to a note.
     *
     * @throws IllegalArgumentException when there is no such note, the MIME type is not an image or
     *     the data is empty or larger than {@link #MAX_ATTACHMENT_BYTES}
     */
    AttachmentInfo attach(long noteId, String name, String mimeType, byte[] data, Instant at);

    Optional<Attachment> attachment(long attachmentId);

    Optional<Note> note(long id);

    /** Notes matching {@code query}, newest first (then highest id first). */
    List<Note> search(Query query);

    /** Every tag used in a portfolio's notes, sorted. */
    List<String> tags(PortfolioId portfolio);

    /** Normalises one tag: strips a leading '#', trims, lower-cases; rejects what cannot be a tag. */
    static String normaliseTag(String raw) {
        String t = raw.strip();
        while (t.startsWith("#")) {
            t = t.substring(1);
        }
        t = t.toLowerCase(Locale.ROOT);
        if (!t.matches("[\\p{L}\\p{N}_\\-./]{1,40}")) {
            throw new IllegalArgumentException(
                    "tag '" + raw.strip() + "' must be 1 to 40 letters, digits or _ - . / (no spaces)");
        }
        return t;
    }

    /** Normalised, sorted, de-duplicated tags. */
    static SortedSet<String> normaliseTags(Set<String> raw) {
        SortedSet<String> out = new TreeSet<>();
        if (raw != null) {
            for (String t : raw) {
                if (t != null && !t.isBlank()) {
                    out.add(normaliseTag(t));
                }
            }
        }
        return out;
    }

    /** Splits free text such as {@code "#breakout, fomo earnings"} into tags. */
    static SortedSet<String> parseTags(String text) {
        List<String> parts = new ArrayList<>();
        if (text != null) {
            for (String p : text.split("[,;\\s]+")) {
                if (!p.isBlank()) {
                    parts.add(p);
                }
            }
        }
        return normaliseTags(Set.copyOf(parts));
    }

    /** A note must say something. */
    static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs some text");
        }
        return text.strip();
    }

    /** Checks an attachment's type and size before any store writes it. */
    static void requireImage(String name, String mimeType, byte[] data) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an attachment needs a file name");
        }
        if (mimeType == null || !mimeType.toLowerCase(Locale.ROOT).startsWith("image/")) {
            throw new IllegalArgumentException("attachment " + name + " is not an image (MIME type " + mimeType + ")");
        }
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException("attachment " + name + " is empty");
        }
        if (data.length > MAX_ATTACHMENT_BYTES) {
            throw new IllegalArgumentException(
                    "attachment " + name + " is " + data.length + " bytes; the limit is " + MAX_ATTACHMENT_BYTES);
        }
    }
}
