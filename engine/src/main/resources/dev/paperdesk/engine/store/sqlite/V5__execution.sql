-- Schema for execution: trailing stops, all-or-none, OCO pairs, brackets and combos, and the state a
-- working order needs to survive a restart (trailing anchor and stop in force, expiry of DAY/GTD).
-- Prices are TEXT (exact decimals); timestamps INTEGER nanoseconds since the epoch (UTC).
ALTER TABLE orders ADD COLUMN trail_value TEXT;
ALTER TABLE orders ADD COLUMN trail_percent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN limit_offset TEXT;
ALTER TABLE orders ADD COLUMN all_or_none INTEGER NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN group_id INTEGER;
ALTER TABLE orders ADD COLUMN group_kind TEXT;
ALTER TABLE orders ADD COLUMN group_role TEXT;
ALTER TABLE orders ADD COLUMN trail_anchor TEXT;
ALTER TABLE orders ADD COLUMN current_stop TEXT;
ALTER TABLE orders ADD COLUMN expires_at INTEGER;

-- members: the order ids in placement order (a bracket lists entry, take-profit, stop-loss).
CREATE TABLE order_groups (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL,
    members        TEXT    NOT NULL,
    net_limit      TEXT,
    combo_quantity TEXT
);
CREATE INDEX orders_by_group ON orders (group_id);
