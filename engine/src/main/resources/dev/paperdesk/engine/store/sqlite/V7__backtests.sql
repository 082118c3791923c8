-- Paperdesk workspace schema: saved backtest results. The whole result is kept as its RESULT.json
-- text (the format of dev.paperdesk.engine.backtest.BacktestFiles); the columns beside it are what
-- a list of runs shows without parsing it. created_at is INTEGER nanoseconds since the epoch (UTC).
CREATE TABLE backtests (
    id           INTEGER PRIMARY KEY,
    created_at   INTEGER NOT NULL,
    strategy     TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    instruments  TEXT    NOT NULL,
    total_return REAL,
    trades       INTEGER NOT NULL,
    result_json  TEXT    NOT NULL
);
CREATE INDEX backtests_by_time ON backtests (created_at);
