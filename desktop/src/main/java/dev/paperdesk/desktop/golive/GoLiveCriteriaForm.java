package dev.paperdesk.desktop.golive;

import dev.paperdesk.engine.optimize.GoLiveChecklist;
import dev.paperdesk.engine.optimize.GoLiveCriteria;
import dev.paperdesk.engine.optimize.GoLiveFigures;
import dev.paperdesk.engine.session.TradingSession;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The editable go-live criteria of the workspace: one row per criterion with an on/off switch and,
 * for the numeric ones, a threshold in the unit a trader reads (win rate and drawdown in percent).
 * Every valid edit becomes the current {@link GoLiveCriteria} and is saved as the workspace setting
 * {@value #SETTING}; an invalid threshold is reported and the last valid criteria stay in force.
 */
public final class GoLiveCriteriaForm {
    /** The workspace setting: {@code key=on|off[:threshold]} per criterion, separated by {@code ;}. */
    public static final String SETTING = "goLive.criteria";

    /** How a row's threshold reads. */
    public enum Unit {
        /** A fraction shown in percent: {@code 55} means 0.55. */
        PERCENT("%"),
        /** A plain ratio. */
        RATIO(""),
        /** A whole count. */
        COUNT("trades"),
        /** No threshold: the criterion is only switched on or off. */
        NONE("");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        /** What the editor shows after the field. */
        public String suffix() {
            return suffix;
        }
    }

    /** One criterion of the form; {@code key} is the checklist item key ({@code #goLiveCriterion-KEY}). */
    public static final class Row {
        private final String key;
        private final String name;
        private final String comparison;
        private final Unit unit;
        private final BooleanProperty enabled = new SimpleBooleanProperty(true);
        private final StringProperty threshold = new SimpleStringProperty("");

        Row(String key, String name, String comparison, Unit unit) {
            this.key = key;
            this.name = name;
            this.comparison = comparison;
            this.unit = unit;
        }

        public String key() {
            return key;
        }

        public String name() {
            return name;
        }

        /** {@code >=}, {@code <=}, {@code >} or {@code =}, as in the checklist. */
        public String comparison() {
            return comparison;
        }

        public Unit unit() {
            return unit;
        }

        public boolean hasThreshold() {
            return unit != Unit.NONE;
        }

        public BooleanProperty enabledProperty() {
            return enabled;
        }

        /** The threshold as typed; unused for a row without one. */
        public StringProperty thresholdProperty() {
            return threshold;
        }
    }

    private final TradingSession session;
    private final List<Row> rows = List.of(
            new Row("win_rate", "Win rate", ">=", Unit.PERCENT),
            new Row("sharpe", "Sharpe ratio", ">=", Unit.RATIO),
            new Row("max_drawdown", "Max drawdown", "<=", Unit.PERCENT),
            new Row("net_profit", "Net P&L above zero", ">", Unit.NONE),
            new Row("trades", "Closed trades", ">=", Unit.COUNT),
            new Row("errors", "No errors", "=", Unit.NONE));
    private final ObjectProperty<GoLiveCriteria> criteria = new SimpleObjectProperty<>(GoLiveCriteria.defaults());
    private final StringProperty problem = new SimpleStringProperty("");
    private boolean loading;

    /** The form holding the workspace's saved criteria, or the engine defaults when none are saved. */
    public GoLiveCriteriaForm(TradingSession session) {
        this.session = session;
        loading = true;
        show(GoLiveCriteria.defaults());
        session.setting(SETTING).ifPresent(this::read);
        loading = false;
        apply(false);
        for (Row row : rows) {
            row.enabled.addListener((o, a, b) -> apply(true));
            row.threshold.addListener((o, a, b) -> apply(true));
        }
    }

    /** Puts the engine defaults back (and saves them). */
    public void resetToDefaults() {
        loading = true;
        show(GoLiveCriteria.defaults());
        loading = false;
        apply(true);
    }

    /** Checks {@code figures} against the criteria in force. */
    public GoLiveChecklist evaluate(GoLiveFigures figures) {
        return GoLiveChecklist.evaluate(figures, criteria.get());
    }

    private void show(GoLiveCriteria c) {
        row("win_rate").threshold.set(number(c.minWinRate() * 100));
        row("sharpe").threshold.set(number(c.minSharpe()));
        row("max_drawdown").threshold.set(number(c.maxDrawdown() * 100));
        row("trades").threshold.set(Integer.toString(c.minTrades()));
        rows.forEach(r -> r.enabled.set(true));
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v)
                .setScale(6, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Reads the saved setting; a part it cannot read keeps the default. */
    private void read(String saved) {
        Map<String, String> parts = new HashMap<>();
        for (String part : saved.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        for (Row row : rows) {
            String v = parts.get(row.key);
            if (v == null) {
                continue;
            }
            String[] onAndValue = v.split(":", 2);
            row.enabled.set(!"off".equalsIgnoreCase(onAndValue[0]));
            if (onAndValue.length == 2 && row.hasThreshold() && !onAndValue[1].isBlank()) {
                row.threshold.set(onAndValue[1]);
            }
        }
    }

    /** The setting text of the form as it stands. */
    String format() {
        StringJoiner out = new StringJoiner(";");
        for (Row row : rows) {
            out.add(row.key + "=" + (row.enabled.get() ? "on" : "off")
                    + (row.hasThreshold() ? ":" + row.threshold.get().strip() : ""));
        }
        return out.toString();
    }

    private void apply(boolean save) {
        if (loading) {
            return;
        }
        try {
            GoLiveCriteria c = parse();
            problem.set("");
            criteria.set(c);
            if (save) {
                session.putSetting(SETTING, format());
            }
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
        }
    }

    private GoLiveCriteria parse() {
        double winRate = on("win_rate") ? number(row("win_rate")) / 100 : Double.NaN;
        double sharpe = on("sharpe") ? number(row("sharpe")) : Double.NaN;
        double drawdown = on("max_drawdown") ? number(row("max_drawdown")) / 100 : Double.NaN;
        int trades = on("trades") ? count(row("trades")) : 0;
        if (on("win_rate") && (winRate < 0 || winRate > 1)) {
            throw new IllegalArgumentException("Win rate: the threshold is a percentage from 0 to 100.");
        }
        if (on("max_drawdown") && (drawdown < 0 || drawdown > 1)) {
            throw new IllegalArgumentException("Max drawdown: the threshold is a percentage from 0 to 100.");
        }
        return new GoLiveCriteria(winRate, sharpe, drawdown, on("net_profit"), trades, on("errors"));
    }

    private boolean on(String key) {
        return row(key).enabled.get();
    }

    private static double number(Row row) {
        String text = row.threshold.get().strip();
        if (row.unit == Unit.PERCENT && text.endsWith("%")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    row.name + ": '" + row.threshold.get() + "' is not a number" + hint(row) + ".");
        }
    }

    private static int count(Row row) {
        try {
            int v = Integer.parseInt(row.threshold.get().strip());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    row.name + ": '" + row.threshold.get() + "' is not a whole number of trades (0 or more).");
        }
    }

    private static String hint(Row row) {
        return row.unit == Unit.PERCENT ? " (a percentage such as 55)" : "";
    }

    /** The row of {@code key}, one of the checklist item keys. */
    public Row row(String key) {
        return rows.stream()
                .filter(r -> r.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no go-live criterion " + key));
    }

    public List<Row> rows() {
        return rows;
    }

    /** The criteria in force: the last valid state of the form. */
    public ReadOnlyObjectProperty<GoLiveCriteria> criteriaProperty() {
        return criteria;
    }

    public GoLiveCriteria criteria() {
        return criteria.get();
    }

    /** Why the last edit could not be applied; empty when the form is valid. */
    public StringProperty problemProperty() {
        return problem;
    }
}
