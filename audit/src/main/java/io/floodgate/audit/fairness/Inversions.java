package io.floodgate.audit.fairness;

/**
 * Counts pairs out of order: i &lt; j with values[i] &gt; values[j]. With values the arrival ranks of
 * buyers in the order they were admitted, 0 means nobody was admitted before someone who came
 * earlier. Merge sort, O(n log n): a million buyers take well under a second.
 */
public final class Inversions {
    private Inversions() {
    }

    public static long count(long[] values) {
        long[] work = values.clone();
        return sortCounting(work, new long[work.length], 0, work.length);
    }

    /** Pairs in {@code n} values: what a fully reversed order would count. */
    public static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static long sortCounting(long[] a, long[] tmp, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long count = sortCounting(a, tmp, from, mid) + sortCounting(a, tmp, mid, to);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            if (a[j] < a[i]) {
                count += mid - i;
                tmp[k++] = a[j++];
            } else {
                tmp[k++] = a[i++];
            }
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
        return count;
    }
}
