package org.statelessmcp.security;

/**
 * The sliding-window counter: requests are counted in fixed windows of the limit's period, and the count over the
 * last period is estimated as the current window's count plus the previous window's, weighted by how much of the
 * previous window the sliding period still covers. Two numbers per caller and limit, however high the limit —
 * what makes it cheap to share through a cluster's cache — and exact while the previous window is empty.
 */
final class SlidingWindow {

    /**
     * What the window decided about a request.
     *
     * @param admitted whether the request may go on
     * @param remaining how many more requests the window would admit now
     * @param retryAfterMillis when refused, how long until a request would be admitted (at least 1)
     */
    record Decision(boolean admitted, long remaining, long retryAfterMillis) {
    }

    private SlidingWindow() {
    }

    /** The start of the fixed window holding {@code now}. */
    static long windowStart(long now, long periodMillis) {
        return now - Math.floorMod(now, periodMillis);
    }

    /**
     * Decides whether {@code cost} more requests fit.
     *
     * @param previous the previous window's count
     * @param current the current window's count, before this request
     * @param now the time, within the current window
     */
    static Decision decide(long previous, long current, long cost, long limit, long now, long periodMillis) {
        long ceiling = ceiling(previous, limit, now, periodMillis);
        if (current + cost <= ceiling) {
            return new Decision(true, ceiling - current - cost, 0);
        }
        long start = windowStart(now, periodMillis);
        return new Decision(false, 0, retryAfter(previous, current, limit, now, start, periodMillis));
    }

    /**
     * The most the current window may count at {@code now}: a request of cost {@code c} fits while the current
     * count plus {@code c} stays at or below it. One number, so that a store can check and add in one atomic step.
     */
    static long ceiling(long previous, long limit, long now, long periodMillis) {
        long start = windowStart(now, periodMillis);
        double previousWeight = 1.0 - (double) (now - start) / periodMillis;
        return (long) Math.floor(limit - previous * previousWeight);
    }

    /** How long until one more request fits, if none is made meanwhile. */
    private static long retryAfter(long previous, long current, long limit, long now, long start, long periodMillis) {
        long at;
        if (current + 1 > limit) {
            // only once this window has become the previous one and slid far enough away
            at = start + periodMillis + (long) Math.ceil(periodMillis * (1.0 - (double) (limit - 1) / current));
        } else {
            // within this window, when the previous window's weight has fallen enough
            at = start + (long) Math.ceil(periodMillis * (1.0 - (double) (limit - 1 - current) / previous));
        }
        return Math.max(1, at - now);
    }
}
