package dev.paperdesk.engine.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compounded returns by year and calendar month, with the compounded total of each year.
 *
 * @param years one row per calendar year present in the series, in order
 */
public record MonthlyReturnsTable(List<YearRow> years) {
    public MonthlyReturnsTable {
        years = List.copyOf(years);
    }

    /**
     * One year of the table.
     *
     * @param year the calendar year
     * @param months twelve compounded monthly returns, January first; {@code NaN} for months without
     *     observations
     * @param total compounded return over the year's observations
     */
    public record YearRow(int year, double[] months, double total) {
        public YearRow {
            if (months.length != 12) {
                throw new IllegalArgumentException("a year has 12 months, not " + months.length);
            }
            months = months.clone();
        }

        @Override
        public double[] months() {
            return months.clone();
        }

        /** The return of {@code month} (1 to 12), {@code NaN} without observations. */
        public double month(int month) {
            return months[month - 1];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof YearRow r
                    && r.year == year
                    && Arrays.equals(r.months, months)
                    && Double.compare(r.total, total) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * year + Arrays.hashCode(months)) + Double.hashCode(total);
        }

        @Override
        public String toString() {
            return "YearRow[" + year + ", " + Arrays.toString(months) + ", total=" + total + "]";
        }
    }

    /** Builds the table of {@code series}; empty for an empty series. */
    public static MonthlyReturnsTable of(ReturnSeries series) {
        List<YearRow> rows = new ArrayList<>();
        int i = 0;
        int n = series.size();
        while (i < n) {
            int year = series.date(i).getYear();
            double[] months = new double[12];
            Arrays.fill(months, Double.NaN);
            double yearWealth = 1;
            while (i < n && series.date(i).getYear() == year) {
                int m = series.date(i).getMonthValue() - 1;
                double r = ReturnAggregation.nanToZero(series.returnAt(i));
                // months[] holds wealth (1 + return) until the year is complete
                months[m] = (Double.isNaN(months[m]) ? 1 : months[m]) * (1 + r);
                yearWealth *= 1 + r;
                i++;
            }
            for (int m = 0; m < 12; m++) {
                months[m] -= 1;
            }
            rows.add(new YearRow(year, months, yearWealth - 1));
        }
        return new MonthlyReturnsTable(rows);
    }
}
