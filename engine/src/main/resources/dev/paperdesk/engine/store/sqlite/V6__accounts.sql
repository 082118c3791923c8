-- Accounts: portfolio settings and risk reference points, per-currency totals of funding, borrow,
-- top-ups and liquidation transfers, margin terms per position, and the append-only history of
-- portfolio operations, margin warnings, liquidations, the insurance fund and funding payments.
CREATE TABLE portfolio_accounts (
    portfolio_id     INTEGER PRIMARY KEY REFERENCES portfolios (id),
    settings         TEXT    NOT NULL,
    deleted          INTEGER NOT NULL DEFAULT 0,
    risk_day         TEXT    NOT NULL,
    day_start_equity TEXT    NOT NULL,
    top_ups_today    TEXT    NOT NULL,
    peak_equity      TEXT    NOT NULL
);

ALTER TABLE portfolio_balances ADD COLUMN top_ups TEXT NOT NULL DEFAULT '0';
ALTER TABLE portfolio_balances ADD COLUMN funding_paid TEXT NOT NULL DEFAULT '0';
ALTER TABLE portfolio_balances ADD COLUMN funding_received TEXT NOT NULL DEFAULT '0';
ALTER TABLE portfolio_balances ADD COLUMN borrow_fees TEXT NOT NULL DEFAULT '0';
ALTER TABLE portfolio_balances ADD COLUMN insurance_credits TEXT NOT NULL DEFAULT '0';
ALTER TABLE portfolio_balances ADD COLUMN adl_transfers TEXT NOT NULL DEFAULT '0';

CREATE TABLE position_margins (
    portfolio_id    INTEGER NOT NULL REFERENCES portfolios (id),
    instrument      TEXT    NOT NULL,
    mode            TEXT    NOT NULL,
    leverage        INTEGER NOT NULL,
    isolated_margin TEXT    NOT NULL,
    PRIMARY KEY (portfolio_id, instrument)
);

CREATE TABLE portfolio_events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    portfolio_id INTEGER NOT NULL REFERENCES portfolios (id),
    ts           INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    note         TEXT    NOT NULL
);

CREATE TABLE margin_history (
    seq                INTEGER PRIMARY KEY AUTOINCREMENT,
    portfolio_id       INTEGER NOT NULL REFERENCES portfolios (id),
    ts                 INTEGER NOT NULL,
    kind               TEXT    NOT NULL,
    level              TEXT    NOT NULL,
    instrument         TEXT,
    equity             TEXT    NOT NULL,
    used_margin        TEXT    NOT NULL,
    maintenance_margin TEXT    NOT NULL,
    maintenance_ratio  TEXT    NOT NULL
);

CREATE TABLE liquidations (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    portfolio_id    INTEGER NOT NULL REFERENCES portfolios (id),
    ts              INTEGER NOT NULL,
    instrument      TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    mode            TEXT    NOT NULL,
    quantity        TEXT    NOT NULL,
    price           TEXT    NOT NULL,
    notional        TEXT    NOT NULL,
    fee             TEXT    NOT NULL,
    realized_pnl    TEXT    NOT NULL,
    shortfall       TEXT    NOT NULL,
    insurance_cover TEXT    NOT NULL,
    adl_cover       TEXT    NOT NULL,
    uncovered       TEXT    NOT NULL,
    currency        TEXT    NOT NULL,
    ratio_before    TEXT    NOT NULL,
    fill_id         INTEGER NOT NULL
);

CREATE TABLE insurance_fund (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    portfolio_id  INTEGER NOT NULL REFERENCES portfolios (id),
    ts            INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    currency      TEXT    NOT NULL,
    amount        TEXT    NOT NULL,
    balance_after TEXT    NOT NULL,
    reference     TEXT    NOT NULL
);

CREATE TABLE funding_payments (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    portfolio_id INTEGER NOT NULL REFERENCES portfolios (id),
    ts           INTEGER NOT NULL,
    instrument   TEXT    NOT NULL,
    rate         TEXT    NOT NULL,
    mark_price   TEXT    NOT NULL,
    quantity     TEXT    NOT NULL,
    amount       TEXT    NOT NULL,
    currency     TEXT    NOT NULL
);
CREATE INDEX funding_payments_by_portfolio ON funding_payments (portfolio_id);

CREATE TRIGGER portfolio_events_append_only_update BEFORE UPDATE ON portfolio_events
BEGIN SELECT RAISE(ABORT, 'portfolio events are append-only'); END;
CREATE TRIGGER portfolio_events_append_only_delete BEFORE DELETE ON portfolio_events
BEGIN SELECT RAISE(ABORT, 'portfolio events are append-only'); END;
CREATE TRIGGER margin_history_append_only_update BEFORE UPDATE ON margin_history
BEGIN SELECT RAISE(ABORT, 'margin history is append-only'); END;
CREATE TRIGGER margin_history_append_only_delete BEFORE DELETE ON margin_history
BEGIN SELECT RAISE(ABORT, 'margin history is append-only'); END;
CREATE TRIGGER liquidations_append_only_update BEFORE UPDATE ON liquidations
BEGIN SELECT RAISE(ABORT, 'liquidations are append-only'); END;
CREATE TRIGGER liquidations_append_only_delete BEFORE DELETE ON liquidations
BEGIN SELECT RAISE(ABORT, 'liquidations are append-only'); END;
CREATE TRIGGER insurance_fund_append_only_update BEFORE UPDATE ON insurance_fund
BEGIN SELECT RAISE(ABORT, 'the insurance fund history is append-only'); END;
CREATE TRIGGER insurance_fund_append_only_delete BEFORE DELETE ON insurance_fund
BEGIN SELECT RAISE(ABORT, 'the insurance fund history is append-only'); END;
CREATE TRIGGER funding_payments_append_only_update BEFORE UPDATE ON funding_payments
BEGIN SELECT RAISE(ABORT, 'funding payments are append-only'); END;
CREATE TRIGGER funding_payments_append_only_delete BEFORE DELETE ON funding_payments
BEGIN SELECT RAISE(ABORT, 'funding payments are append-only'); END;
