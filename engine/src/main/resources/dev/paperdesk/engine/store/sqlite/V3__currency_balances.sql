-- Schema version 3: multi-currency portfolios. Cash, deposits, realized P&L and fees move to one
-- row per portfolio and currency; positions remember the currency they are booked in.
CREATE TABLE portfolio_balances (
    portfolio_id INTEGER NOT NULL REFERENCES portfolios (id),
    currency     TEXT    NOT NULL,
    cash         TEXT    NOT NULL,
    deposits     TEXT    NOT NULL,
    realized_pnl TEXT    NOT NULL,
    fees_paid    TEXT    NOT NULL,
    PRIMARY KEY (portfolio_id, currency)
);
INSERT INTO portfolio_balances (portfolio_id, currency, cash, deposits, realized_pnl, fees_paid)
SELECT id, base_currency, cash, starting_balance, realized_pnl, fees_paid FROM portfolios;

ALTER TABLE positions ADD COLUMN currency TEXT;
UPDATE positions SET currency = (SELECT base_currency FROM portfolios WHERE portfolios.id = positions.portfolio_id);

ALTER TABLE portfolios DROP COLUMN cash;
ALTER TABLE portfolios DROP COLUMN realized_pnl;
ALTER TABLE portfolios DROP COLUMN fees_paid;
