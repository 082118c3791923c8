package dev.paperdesk.desktop.options;

import dev.paperdesk.engine.model.InstrumentId;
import dev.paperdesk.engine.model.Side;
import java.math.BigDecimal;
import java.time.LocalDate;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable line of the strategy builder: side, quantity, kind (call, put or the underlying), strike
 * and expiry as the trader sets them, and the contract, price and volatility they resolve to in the
 * chain.
 */
public final class StrategyLegRow {
    /** What a leg holds. */
    public enum Kind {
        CALL,
        PUT,
        STOCK;

        @Override
        public String toString() {
            return this == STOCK
                    ? "Underlying"
                    : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(Side.BUY);
    private final IntegerProperty quantity = new SimpleIntegerProperty(1);
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.CALL);
    private final ObjectProperty<BigDecimal> strike = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> expiry = new SimpleObjectProperty<>();
    private final ObjectProperty<InstrumentId> instrument = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> price = new SimpleObjectProperty<>();
    private final DoubleProperty volatility = new SimpleDoubleProperty(Double.NaN);
    private final StringProperty problem = new SimpleStringProperty("");

    public StrategyLegRow(Side side, int quantity, Kind kind, BigDecimal strike, LocalDate expiry) {
        this.side.set(side);
        this.quantity.set(quantity);
        this.kind.set(kind);
        this.strike.set(strike);
        this.expiry.set(expiry);
    }

    /** +quantity when bought, −quantity when sold. */
    public int signedQuantity() {
        return side.get() == Side.BUY ? quantity.get() : -quantity.get();
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    public IntegerProperty quantityProperty() {
        return quantity;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObjectProperty<BigDecimal> strikeProperty() {
        return strike;
    }

    public ObjectProperty<LocalDate> expiryProperty() {
        return expiry;
    }

    /** The contract (or the underlying) the leg resolved to; null when the chain does not list it. */
    public ObjectProperty<InstrumentId> instrumentProperty() {
        return instrument;
    }

    /** The price the leg would trade at now: the ask when buying, the bid when selling. */
    public ObjectProperty<BigDecimal> priceProperty() {
        return price;
    }

    public DoubleProperty volatilityProperty() {
        return volatility;
    }

    /** Why the leg cannot be priced, or empty. */
    public StringProperty problemProperty() {
        return problem;
    }
}
