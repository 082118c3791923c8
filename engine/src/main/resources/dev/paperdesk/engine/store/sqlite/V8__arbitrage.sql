-- Paperdesk workspace schema: the arbitrage desk's history. Every logged decision (entries,
-- rejections with the failed constraint, exits, leg-outs, latency violations), each trade's latest
-- state as JSON (dev.paperdesk.engine.arbitrage.TradeRecord, snake_case keys) and the ranked top
-- opportunities of each scan as a JSON array. Times are INTEGER nanoseconds since the epoch (UTC).
CREATE TABLE arbitrage_decisions (
    id       INTEGER PRIMARY KEY,
    time     INTEGER NOT NULL,
    kind     TEXT    NOT NULL,
    subject  TEXT    NOT NULL,
    reason   TEXT    NOT NULL,
    detail   TEXT    NOT NULL
);
CREATE INDEX arbitrage_decisions_by_time ON arbitrage_decisions (time);
CREATE TABLE arbitrage_trades (
    id         TEXT    PRIMARY KEY,
    opened_at  INTEGER NOT NULL,
    symbol     TEXT    NOT NULL,
    status     TEXT    NOT NULL,
    profit     REAL,
    trade_json TEXT    NOT NULL
);
CREATE TABLE arbitrage_opportunities (
    id      INTEGER PRIMARY KEY,
    time    INTEGER NOT NULL,
    ranked  TEXT    NOT NULL
);
CREATE INDEX arbitrage_opportunities_by_time ON arbitrage_opportunities (time);
