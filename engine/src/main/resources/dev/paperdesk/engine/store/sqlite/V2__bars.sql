-- Paperdesk workspace schema, version 2: historical bar series. Prices and volumes are TEXT
-- (exact decimals as written in the source file, never rounded through binary floating point);
-- ts is the bar's open time in INTEGER nanoseconds since the epoch (UTC). bar_count, first_ts and
-- last_ts are maintained in the transaction that writes the bars, so listing series is cheap.
CREATE TABLE bar_series (
    id         INTEGER PRIMARY KEY,
    instrument TEXT    NOT NULL,
    timeframe  TEXT    NOT NULL,
    bar_count  INTEGER NOT NULL,
    first_ts   INTEGER NOT NULL,
    last_ts    INTEGER NOT NULL,
    UNIQUE (instrument, timeframe)
);

-- WITHOUT ROWID: the primary key is the storage order, so bars of a series are contiguous and
-- range reads by time are one b-tree scan; appending in time order writes at the right edge.
CREATE TABLE bars (
    series_id INTEGER NOT NULL REFERENCES bar_series (id),
    ts        INTEGER NOT NULL,
    open      TEXT    NOT NULL,
    high      TEXT    NOT NULL,
    low       TEXT    NOT NULL,
    close     TEXT    NOT NULL,
    volume    TEXT    NOT NULL,
    PRIMARY KEY (series_id, ts)
) WITHOUT ROWID;
