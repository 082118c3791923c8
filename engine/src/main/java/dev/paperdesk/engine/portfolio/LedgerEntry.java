package dev.paperdesk.engine.portfolio;

import dev.paperdesk.engine.model.Currency;
import dev.paperdesk.engine.model.Fill;
import dev.paperdesk.engine.model.PortfolioId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One signed cash movement. The sum of a portfolio's ledger amounts always equals its cash.
 *
 * <p>A value: two entries are equal when their seven fields are. The entries a fill books keep the
 * fill and write their reference ({@code F12}) and note ({@code BUY 1 ACME@sim @ 100.05}) when first
 * read, since the order path books thousands of fills whose texts only a statement or the store ever
 * reads; the texts are a function of the immutable fill, so reading them later gives the same words.
 */
public final class LedgerEntry {
    private final PortfolioId portfolioId;
    private final Instant timestamp;
    private final LedgerKind kind;
    private final BigDecimal amount;
    private final Currency currency;
    /** The fill whose texts are still to be written, or {@code null}. */
    private final Fill fill;
    // Written at most once per thread from the immutable fill: a racing second write stores an equal String.
    private String reference;
    private String note;

    /**
     * An entry with its texts.
     *
     * @param reference what caused it, e.g. {@code F12} for a fill ({@code null} reads as empty)
     * @param note a description ({@code null} reads as empty)
     */
    public LedgerEntry(
            PortfolioId portfolioId,
            Instant timestamp,
            LedgerKind kind,
            BigDecimal amount,
            Currency currency,
            String reference,
            String note) {
        this(
                portfolioId,
                timestamp,
                kind,
                amount,
                currency,
                null,
                reference == null ? "" : reference,
                note == null ? "" : note);
    }

    private LedgerEntry(
            PortfolioId portfolioId,
            Instant timestamp,
            LedgerKind kind,
            BigDecimal amount,
            Currency currency,
            Fill fill,
            String reference,
            String note) {
        this.portfolioId = Objects.requireNonNull(portfolioId, "portfolioId");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.fill = fill;
        this.reference = reference;
        this.note = note;
    }

    /**
     * The {@link LedgerKind#TRADE} or {@link LedgerKind#FEE} entry of {@code fill}: reference the fill's
     * id, note {@code "<side> <quantity> <instrument> @ <price>"} for the trade and {@code "fee"} for the
     * fee, written when first read.
     */
    static LedgerEntry ofFill(
            PortfolioId portfolioId, LedgerKind kind, BigDecimal amount, Currency currency, Fill fill) {
        if (kind != LedgerKind.TRADE && kind != LedgerKind.FEE) {
            throw new IllegalArgumentException("a fill books TRADE and FEE entries, not " + kind);
        }
        return new LedgerEntry(portfolioId, fill.timestamp(), kind, amount, currency, fill, null, null);
    }

    public PortfolioId portfolioId() {
        return portfolioId;
    }

    public Instant timestamp() {
        return timestamp;
    }

    public LedgerKind kind() {
        return kind;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Currency currency() {
        return currency;
    }

    /** What caused it, e.g. {@code F12} for a fill; empty when nothing is named. */
    public String reference() {
        String r = reference;
        if (r == null) {
            r = fill.id().toString();
            reference = r;
        }
        return r;
    }

    /** A description of the movement; empty when there is none. */
    public String note() {
        String n = note;
        if (n == null) {
            n = kind == LedgerKind.FEE
                    ? "fee"
                    : fill.side() + " " + fill.quantity() + " " + fill.instrumentId() + " @ " + fill.price();
            note = n;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerEntry e
                && portfolioId.equals(e.portfolioId)
                && timestamp.equals(e.timestamp)
                && kind == e.kind
                && amount.equals(e.amount)
                && currency.equals(e.currency)
                && reference().equals(e.reference())
                && note().equals(e.note());
    }

    @Override
    public int hashCode() {
        return Objects.hash(portfolioId, timestamp, kind, amount, currency, reference(), note());
    }

    @Override
    public String toString() {
        return "LedgerEntry[portfolioId=" + portfolioId + ", timestamp=" + timestamp + ", kind=" + kind + ", amount="
                + amount + ", currency=" + currency + ", reference=" + reference() + ", note=" + note() + "]";
    }
}
