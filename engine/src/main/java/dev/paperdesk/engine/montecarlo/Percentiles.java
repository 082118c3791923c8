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
        double[] ranked = orderStatistics(values, ks);
        for (int i = 0; i < qs.length; i++) {
            double pos = qs[i] * (n - 1);
            int lo = wanted[2 * i];
            double[] pair = {ranked[Arrays.binarySearch(ks, lo)], ranked[Arrays.binarySearch(ks, wanted[2 * i + 1])]};
            // same interpolation as ReturnStatistics.percentileOfSorted on the two neighbours
            out[i] = ReturnStatistics.percentileOfSorted(pair, pos - lo);
        }
        return out;
    }

    /** Below this many values the quickselect alone is as fast as bucketing first. */
    private static final int BUCKETING_FROM = 2048;

    /** The values of ranks {@code ks} (sorted, distinct) of {@code values}, as if sorted. */
    static double[] orderStatistics(double[] values, int[] ks) {
        double[] out = values.length >= BUCKETING_FROM ? bucketed(values, ks) : null;
        if (out == null) {
            double[] a = values.clone();
            select(a, 0, a.length - 1, ks, 0, ks.length - 1);
            out = new double[ks.length];
            for (int j = 0; j < ks.length; j++) {
                out[j] = a[ks[j]];
            }
        }
        return out;
    }

    /**
     * Order statistics by bucketing: one pass for the range, one counting values into equal-width
     * buckets (branch-free, unlike partitioning), then only the few buckets holding a wanted rank are
     * gathered and selected in. The bucket index is monotone in the value, so ranks are exact. Null
     * when the range is not finite.
     */
    private static double[] bucketed(double[] values, int[] ks) {
        int n = values.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
        double[] out = new double[ks.length];
        if (min == max) {
            Arrays.fill(out, min);
            return out;
        }
        double width = max - min;
        if (!Double.isFinite(width)) {
            return null;
        }
        int buckets = Math.min(1 << 14, Integer.highestOneBit(n / 4));
        double scale = buckets / width;
        int last = buckets - 1;
        int[] counts = new int[buckets];
        for (double v : values) {
            counts[Math.min((int) ((v - min) * scale), last)]++;
        }
        // the bucket of each wanted rank and the rank within it
        int[] bucketOf = new int[ks.length];
        int[] rankIn = new int[ks.length];
        int start = 0;
        int j = 0;
        for (int b = 0; b < buckets && j < ks.length; b++) {
            int end = start + counts[b];
            while (j < ks.length && ks[j] < end) {
                bucketOf[j] = b;
                rankIn[j] = ks[j] - start;
                j++;
            }
            start = end;
        }
        int[] slot = new int[buckets];
        Arrays.fill(slot, -1);
        int distinct = 0;
        for (int k = 0; k < ks.length; k++) {
            if (slot[bucketOf[k]] < 0) {
                slot[bucketOf[k]] = distinct++;
            }
        }
        double[][] gathered = new double[distinct][];
        int[] fill = new int[distinct];
        for (int k = 0; k < ks.length; k++) {
            int s = slot[bucketOf[k]];
            if (gathered[s] == null) {
                gathered[s] = new double[counts[bucketOf[k]]];
            }
        }
        for (double v : values) {
            int s = slot[Math.min((int) ((v - min) * scale), last)];
            if (s >= 0) {
                gathered[s][fill[s]++] = v;
            }
        }
        for (int k = 0; k < ks.length; ) {
            int s = slot[bucketOf[k]];
            int to = k;
            while (to + 1 < ks.length && bucketOf[to + 1] == bucketOf[k]) {
                to++;
            }
            int[] local = Arrays.copyOfRange(rankIn, k, to + 1);
            select(gathered[s], 0, gathered[s].length - 1, local, 0, local.length - 1);
            for (int x = k; x <= to; x++) {
                out[x] = gathered[s][rankIn[x]];
            }
            k = to + 1;
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
