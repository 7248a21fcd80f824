package org.statelessmcp.operations;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts durations into fixed buckets, as a Prometheus histogram does: {@link #cumulative} of a bound is every
 * duration ever recorded up to it, so it only grows and {@code rate()} and {@code histogram_quantile()} apply. One
 * increment per duration; the sums are made when read (at a scrape).
 *
 * <p>Payara's own timer buckets cannot serve: it counts them over its sampling reservoir (at most 1028 recent
 * durations), so they stop growing while the {@code +Inf} bucket, the total count, goes on.
 */
final class LatencyHistogram {

    /** The buckets' upper bounds in seconds, as exported in {@code le}: 1 ms to 60 s. */
    static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};

    private static final long[] NANOS = new long[BOUNDS.length];

    static {
        for (int i = 0; i < BOUNDS.length; i++) {
            NANOS[i] = Math.round(BOUNDS[i] * 1e9);
        }
    }

    /** One adder per bucket, the last for durations above every bound. */
    private final LongAdder[] counts = new LongAdder[BOUNDS.length + 1];

    LatencyHistogram() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        int low = 0;
        int high = NANOS.length;
        while (low < high) { // the first bound at or above nanos, or NANOS.length
            int middle = (low + high) >>> 1;
            if (NANOS[middle] < nanos) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        counts[low].increment();
    }

    /** Durations up to {@code BOUNDS[bucket]}; {@code bucket == BOUNDS.length} is {@code +Inf}, every one. */
    long cumulative(int bucket) {
        long sum = 0;
        for (int i = 0; i <= bucket; i++) {
            sum += counts[i].sum();
        }
        return sum;
    }

    /** The {@code le} label of a bucket: {@code 0.001} … {@code 60.0}, {@code +Inf}. */
    static String le(int bucket) {
        return bucket == BOUNDS.length ? "+Inf" : Double.toString(BOUNDS[bucket]);
    }
}
