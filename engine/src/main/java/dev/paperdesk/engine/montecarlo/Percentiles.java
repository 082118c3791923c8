package dev.paperdesk.engine.montecarlo;

import dev.paperdesk.engine.analytics.ReturnStatistics;
import java.util.Arrays;

/**
 * Several percentiles of one array with numpy's linear interpolation, found by a multi-target
 * quickselect instead of a full sort: the fan chart needs five percentiles at up to a few hundred
 * steps over ten thousand paths, where sorting every column would dominate the run.
 */
final class Percentiles {
    private Percentiles() {}

    /** The {@code qs} percentiles (each in [0, 1]) of {@code values}, which must not contain NaN. */
    static double[] of(double[] values, double[] qs) {
        int n = values.length;
        double[] out = new double[qs.length];
        if (n == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        int[] wanted = new int[qs.length * 2];
        for (int i = 0; i < qs.length; i++) {
            double pos = qs[i] * (n - 1);
            int lo = (int) Math.floor(pos);
            wanted[2 * i] = lo;
            wanted[2 * i + 1] = Math.min(lo + 1, n - 1);
        }
        int[] ks = Arrays.stream(wanted).sorted().distinct().toArray();
        double[] a = values.clone();
        select(a, 0, n - 1, ks, 0, ks.length - 1);
        for (int i = 0; i < qs.length; i++) {
            double pos = qs[i] * (n - 1);
            int lo = wanted[2 * i];
            double[] pair = {a[lo], a[wanted[2 * i + 1]]};
            // same interpolation as ReturnStatistics.percentileOfSorted on the two neighbours
            out[i] = ReturnStatistics.percentileOfSorted(pair, pos - lo);
        }
        return out;
    }

    /**
     * Rearranges {@code a[left..right]} so that every index in {@code ks[kFrom..kTo]} (sorted) holds the
     * value it would hold if the range were sorted. Three-way partitioning keeps runs of equal values
     * (all paths at the starting equity, or all reshuffled paths at the same final equity) linear.
     */
    private static void select(double[] a, int left, int right, int[] ks, int kFrom, int kTo) {
        while (left < right && kFrom <= kTo) {
            double pivot = medianOfThree(a[left], a[left + (right - left) / 2], a[right]);
            int lt = left;
            int i = left;
            int gt = right;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            // a[left..lt-1] < pivot, a[lt..gt] == pivot, a[gt+1..right] > pivot
            int lowEnd = kFrom;
            while (lowEnd <= kTo && ks[lowEnd] < lt) {
                lowEnd++;
            }
            int highStart = lowEnd;
            while (highStart <= kTo && ks[highStart] <= gt) {
                highStart++;
            }
            if (lowEnd - kFrom < kTo - highStart + 1) {
                select(a, left, lt - 1, ks, kFrom, lowEnd - 1);
                left = gt + 1;
                kFrom = highStart;
            } else {
                select(a, gt + 1, right, ks, highStart, kTo);
                right = lt - 1;
                kTo = lowEnd - 1;
            }
        }
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
