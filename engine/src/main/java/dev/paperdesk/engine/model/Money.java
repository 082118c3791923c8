package dev.paperdesk.engine.model;

import java.math.BigDecimal;
import java.util.Objects;

/** An exact amount of one currency. Arithmetic never rounds silently; mixing currencies throws. */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, Currency currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money plus(BigDecimal other) {
        return new Money(amount.add(other), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }

    @Override
    public int compareTo(Money o) {
        requireSameCurrency(o);
        return amount.compareTo(o.amount);
    }

    /** Numeric equality ignoring scale (1.0 USD equals 1.00 USD). */
    public boolean isEqualTo(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public String toString() {
        return Decimals.normalize(amount).toPlainString() + " " + currency;
    }
}
