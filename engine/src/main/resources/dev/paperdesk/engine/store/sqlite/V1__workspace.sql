-- Paperdesk workspace schema, version 1: portfolios, positions and lots, orders with their
-- append-only journal, fills and the cash ledger. Decimals are stored as TEXT (exact);
-- timestamps as INTEGER nanoseconds since the epoch (UTC).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE portfolios (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL UNIQUE,
    description       TEXT    NOT NULL DEFAULT '',
    base_currency     TEXT    NOT NULL,
    starting_balance  TEXT    NOT NULL,
    cash              TEXT    NOT NULL,
    realized_pnl      TEXT    NOT NULL,
    fees_paid         TEXT    NOT NULL,
    cost_basis_method TEXT    NOT NULL,
    archived          INTEGER NOT NULL DEFAULT 0,
    created_at        INTEGER NOT NULL
);

CREATE TABLE positions (
    portfolio_id INTEGER NOT NULL REFERENCES portfolios (id),
    instrument   TEXT    NOT NULL,
    realized_pnl TEXT    NOT NULL,
    PRIMARY KEY (portfolio_id, instrument)
);

CREATE TABLE lots (
    portfolio_id INTEGER NOT NULL,
    instrument   TEXT    NOT NULL,
    seq          INTEGER NOT NULL,
    quantity     TEXT    NOT NULL,
    cost         TEXT    NOT NULL,
    opened_at    INTEGER NOT NULL,
    PRIMARY KEY (portfolio_id, instrument, seq),
    FOREIGN KEY (portfolio_id, instrument) REFERENCES positions (portfolio_id, instrument)
);

CREATE TABLE orders (
    id              INTEGER PRIMARY KEY,
    portfolio_id    INTEGER NOT NULL REFERENCES portfolios (id),
    instrument      TEXT    NOT NULL,
    side            TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    quantity        TEXT    NOT NULL,
    limit_price     TEXT,
    stop_price      TEXT,
    tif             TEXT    NOT NULL,
    expire_at       INTEGER,
    post_only       INTEGER NOT NULL,
    reduce_only     INTEGER NOT NULL,
    tag             TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    filled_quantity TEXT    NOT NULL,
    avg_fill_price  TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    reject_reason   TEXT,
    reject_message  TEXT
);
CREATE INDEX orders_by_status ON orders (status);

CREATE TABLE order_events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id),
    ts       INTEGER NOT NULL,
    kind     TEXT    NOT NULL,
    status   TEXT    NOT NULL,
    reason   TEXT    NOT NULL
);
CREATE INDEX order_events_by_order ON order_events (order_id);
CREATE TRIGGER order_events_append_only_update BEFORE UPDATE ON order_events
BEGIN SELECT RAISE(ABORT, 'the order journal is append-only'); END;
CREATE TRIGGER order_events_append_only_delete BEFORE DELETE ON order_events
BEGIN SELECT RAISE(ABORT, 'the order journal is append-only'); END;

CREATE TABLE fills (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER NOT NULL REFERENCES orders (id),
    portfolio_id INTEGER NOT NULL REFERENCES portfolios (id),
    instrument   TEXT    NOT NULL,
    side         TEXT    NOT NULL,
    quantity     TEXT    NOT NULL,
    price        TEXT    NOT NULL,
    fee          TEXT    NOT NULL,
    fee_currency TEXT    NOT NULL,
    liquidity    TEXT    NOT NULL,
    slippage     TEXT    NOT NULL,
    ts           INTEGER NOT NULL
);
CREATE INDEX fills_by_order ON fills (order_id);

CREATE TABLE ledger (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    portfolio_id INTEGER NOT NULL REFERENCES portfolios (id),
    ts           INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    amount       TEXT    NOT NULL,
    currency     TEXT    NOT NULL,
    reference    TEXT    NOT NULL,
    note         TEXT    NOT NULL
);
CREATE INDEX ledger_by_portfolio ON ledger (portfolio_id);
CREATE TRIGGER ledger_append_only_update BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_append_only_delete BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
