package dev.paperdesk.engine.strategy.rules;

import dev.paperdesk.engine.strategy.api.PositionState;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/** A condition of a rule, evaluated on the close of a signal bar. */
sealed interface Condition {
    boolean test(Frame f);

    /** How many bars back the condition reads (crosses add one). */
    int depth();

    record All(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Frame f) {
            // indexed: tested on every bar, and an iterator is an object unless the compiler removes it
            for (int i = 0, n = conditions.size(); i < n; i++) {
                if (!conditions.get(i).test(f)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int depth() {
            return conditions.stream().mapToInt(Condition::depth).max().orElse(0);
        }
    }

    record Any(List<Condition> conditions) implements Condition {
        @Override
        public boolean test(Frame f) {
            for (int i = 0, n = conditions.size(); i < n; i++) {
                if (conditions.get(i).test(f)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int depth() {
            return conditions.stream().mapToInt(Condition::depth).max().orElse(0);
        }
    }

    record Not(Condition condition) implements Condition {
        @Override
        public boolean test(Frame f) {
            return !condition.test(f);
        }

        @Override
        public int depth() {
            return condition.depth();
        }
    }

    /** {@code left > right} ({@code above}) or {@code left < right} ({@code below}). */
    record Compare(boolean above, Operand left, Operand right) implements Condition {
        @Override
        public boolean test(Frame f) {
            double a = left.eval(f, 0);
            double b = right.eval(f, 0);
            return above ? a > b : a < b;
        }

        @Override
        public int depth() {
            return Math.max(left.depth(), right.depth());
        }
    }

    /**
     * Crosses above: {@code left > right} on this bar and {@code left <= right} on the previous one;
     * crosses below mirrors it. Undefined values on either bar mean no cross.
     */
    record Cross(boolean upward, Operand left, Operand right) implements Condition {
        @Override
        public boolean test(Frame f) {
            double a0 = left.eval(f, 0);
            double b0 = right.eval(f, 0);
            double a1 = left.eval(f, 1);
            double b1 = right.eval(f, 1);
            if (Double.isNaN(a0) || Double.isNaN(b0) || Double.isNaN(a1) || Double.isNaN(b1)) {
                return false;
            }
            return upward ? a0 > b0 && a1 <= b1 : a0 < b0 && a1 >= b1;
        }

        @Override
        public int depth() {
            return Math.max(left.depth(), right.depth()) + 1;
        }
    }

    record PositionIs(Set<PositionState> states) implements Condition {
        @Override
        public boolean test(Frame f) {
            return states.contains(f.position());
        }

        @Override
        public int depth() {
            return 0;
        }
    }

    /**
     * The signal bar's close time lies in {@code [from, to)} in {@code zone} (a window with {@code
     * from > to} wraps midnight) on one of {@code days}.
     */
    record TimeWindow(LocalTime from, LocalTime to, ZoneId zone, Set<DayOfWeek> days) implements Condition {
        @Override
        public boolean test(Frame f) {
            ZonedDateTime t = f.time().atZone(zone);
            LocalTime lt = t.toLocalTime();
            boolean inside =
                    from.isBefore(to) ? !lt.isBefore(from) && lt.isBefore(to) : !lt.isBefore(from) || lt.isBefore(to);
            if (!inside) {
                return false;
            }
            // For a window wrapping midnight, the part after midnight belongs to the day it started.
            DayOfWeek day = from.isBefore(to) || !lt.isBefore(from)
                    ? t.getDayOfWeek()
                    : t.getDayOfWeek().minus(1);
            return days.contains(day);
        }

        @Override
        public int depth() {
            return 0;
        }
    }
}
