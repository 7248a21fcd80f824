package org.statelessmcp.security;

/**
 * Where the windows' counts live: the container's (clustered) JCache, or this instance's memory. Counts only grow
 * within a window, by compare-and-set, so that every instance sharing the store enforces one limit.
 */
interface WindowCounters {

    /** The count under {@code key}; 0 when there is none. */
    long get(String key, RateLimit.Period period);

    /** Sets the count under {@code key} to {@code next} if it still is {@code expected} (0: absent). */
    boolean compareAndSet(String key, RateLimit.Period period, long expected, long next);

    /** Whether every instance of the cluster sees the same counts. */
    boolean shared();

    /** A short description for the startup log. */
    String describe();
}
