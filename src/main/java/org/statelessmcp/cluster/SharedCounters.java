package org.statelessmcp.cluster;

/**
 * Counts every instance sees alike. A count only changes by compare-and-set (or by one check-and-add where the cache
 * can run it where the entry lives), so that concurrent instances never lose an addition.
 */
public interface SharedCounters {

    /** The count under {@code key}; 0 when there is none. */
    long get(String key);

    /** Sets the count under {@code key} to {@code next} if it still is {@code expected} (0: absent). */
    boolean compareAndSet(String key, long expected, long next);

    /**
     * Adds {@code cost} to the count if the sum stays at or below {@code ceiling}, in one cache operation run where
     * the entry lives, when the cache can do that.
     *
     * @return the count before the addition when it was made, else {@code -1 - count}; {@code null} when the cache
     *         cannot check and add in one operation, and the caller should compare-and-set instead
     */
    default Long addUpTo(String key, long cost, long ceiling) {
        return null;
    }
}
