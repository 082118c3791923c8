-- Paperdesk workspace schema: the trade journal. Notes with tags on an order, a round trip, a
-- position or the account; image attachments kept as BLOBs with their MIME type, so a workspace
-- file carries its journal with it. Timestamps are INTEGER nanoseconds since the epoch (UTC).
-- target_kind is ACCOUNT, ORDER, TRADE or POSITION; target_ref the order id, "F<entry>-F<exit>",
-- the instrument, or '' for the account; instrument is kept apart for the symbol filter.
CREATE TABLE journal_notes (
    id           INTEGER PRIMARY KEY,
    portfolio_id INTEGER NOT NULL REFERENCES portfolios (id),
    target_kind  TEXT    NOT NULL,
    target_ref   TEXT    NOT NULL,
    instrument   TEXT,
    body         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX journal_notes_by_portfolio ON journal_notes (portfolio_id, created_at);
CREATE INDEX journal_notes_by_target ON journal_notes (target_kind, target_ref);

CREATE TABLE journal_note_tags (
    note_id INTEGER NOT NULL REFERENCES journal_notes (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL,
    PRIMARY KEY (note_id, tag)
) WITHOUT ROWID;
CREATE INDEX journal_note_tags_by_tag ON journal_note_tags (tag);

CREATE TABLE journal_attachments (
    id        INTEGER PRIMARY KEY,
    note_id   INTEGER NOT NULL REFERENCES journal_notes (id) ON DELETE CASCADE,
    name      TEXT    NOT NULL,
    mime_type TEXT    NOT NULL,
    size      INTEGER NOT NULL,
    data      BLOB    NOT NULL,
    added_at  INTEGER NOT NULL
);
CREATE INDEX journal_attachments_by_note ON journal_attachments (note_id);
